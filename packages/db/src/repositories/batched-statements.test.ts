import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { appendToOutbox } from "../outbox/outbox.js";
import { outbox } from "../schema/core.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { claimIdempotencyKeys, completeIdempotencyKeys, type IdempotentRequest } from "./idempotency-keys.js";
import { insertOrganization } from "./organizations.js";
import { advanceTicketNumberSequence } from "./ticket-number-sequences.js";
import { findTicket, insertTickets, type NewTicket } from "./tickets.js";
import { disableUser, findUsersByApiTokens, findUsersById, insertUser, issueCredential, revokeCredential } from "./users.js";

const NOW = new Date("2026-06-03T07:15:00Z");

/** The statements the API runs once for many concurrent requests. */
describe(`batched statements on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-mueller", name: "Müller GmbH" }, NOW);
  });
  afterAll(() => database.close());

  it("findUsersByApiTokens answers each token in its place: valid, unknown, revoked, expired, disabled, repeated", async () => {
    const anna = await insertUser(database.db, { kind: "portal", organizationId: "org-mueller", role: "portal-manager", email: "anna@mueller.test", profile: {} }, NOW);
    const ben = await insertUser(database.db, { kind: "staff", role: "dispatcher", email: "ben@kontor.test", profile: {} }, NOW);
    const carla = await insertUser(database.db, { kind: "staff", role: "technician", email: "carla@kontor.test", profile: {} }, NOW);
    const annas = await issueCredential(database.db, { userId: anna.id, kind: "api-token", name: "portal" }, NOW);
    const bens = await issueCredential(database.db, { userId: ben.id, kind: "api-token", name: "desk" }, NOW);
    const revoked = await issueCredential(database.db, { userId: ben.id, kind: "api-token", name: "old" }, NOW);
    await revokeCredential(database.db, ben.id, revoked.id, NOW);
    const expired = await issueCredential(database.db, { userId: ben.id, kind: "api-token", name: "short", expiresAt: new Date("2026-06-03T07:15:00Z") }, NOW);
    const carlas = await issueCredential(database.db, { userId: carla.id, kind: "api-token", name: "laptop" }, NOW);
    await disableUser(database.db, carla.id, NOW);
    const login = await issueCredential(database.db, { userId: ben.id, kind: "login-token", name: "mail link" }, NOW);

    const found = await findUsersByApiTokens(
      database.db,
      [bens.secret, "kein-token", annas.secret, revoked.secret, expired.secret, carlas.secret, login.secret, bens.secret],
      new Date("2026-06-03T07:15:00Z"),
    );
    expect(found.map((entry) => entry?.user.id)).toEqual([ben.id, undefined, anna.id, undefined, undefined, undefined, undefined, ben.id]);
    expect(found[0]?.credentialId).toBe(bens.id);
    expect(await findUsersByApiTokens(database.db, [], NOW)).toEqual([]);

    const byId = await findUsersById(database.db, [carla.id, "niemand", anna.id, carla.id]);
    expect([...byId.keys()].sort()).toEqual([anna.id, carla.id].sort());
    expect(byId.get(anna.id)?.organizationId).toBe("org-mueller");
    expect(await findUsersById(database.db, [])).toEqual(new Map());
  });

  const request = (key: string, requestHash = "h1"): IdempotentRequest => ({ principalId: "user-1", key, method: "POST", path: "/v1/tickets", requestHash });

  it("claimIdempotencyKeys: of the same key in one batch exactly one request is new; the others wait or are refused", async () => {
    const claims = await claimIdempotencyKeys(database.db, [request("a"), request("b"), request("a"), request("a", "h2"), request("c")], NOW);
    expect(claims.map((claim) => claim.kind)).toEqual(["new", "new", "in-progress", "mismatch", "new"]);
  });

  it("claimIdempotencyKeys: the same key under another principal is a claim of its own", async () => {
    const [other] = await claimIdempotencyKeys(database.db, [{ ...request("a"), principalId: "user-2" }], NOW);
    expect(other?.kind).toBe("new");
  });

  it("completeIdempotencyKeys stores each response with its key; replays get them back byte for byte", async () => {
    const bodyA = JSON.stringify({ ticket: { subject: 'Drucker "Lager" \\ Ümlaut' } });
    await completeIdempotencyKeys(database.db, [
      { request: request("a"), response: { statusCode: 201, headers: { "content-type": "application/json", location: "/v1/tickets/t-a" }, body: bodyA } },
      { request: request("b"), response: { statusCode: 422, headers: { "content-type": "application/problem+json" }, body: "{}" } },
    ]);
    const claims = await claimIdempotencyKeys(database.db, [request("b"), request("a"), request("c")], NOW);
    expect(claims).toEqual([
      { kind: "replay", statusCode: 422, headers: { "content-type": "application/problem+json" }, body: "{}" },
      { kind: "replay", statusCode: 201, headers: { "content-type": "application/json", location: "/v1/tickets/t-a" }, body: bodyA },
      { kind: "in-progress" },
    ]);
    await completeIdempotencyKeys(database.db, []);
  });

  it("completeIdempotencyKeys stores bodies sealed (they may carry a new token); a row stored plain before still replays", async () => {
    const body = JSON.stringify({ token: "kontor_at_secret-of-the-response" });
    await completeIdempotencyKeys(database.db, [{ request: request("a"), response: { statusCode: 201, headers: {}, body } }]);
    const stored = await database.query<{ response_body: string }>("SELECT response_body FROM idempotency_keys WHERE principal_id = $1 AND key = $2", ["user-1", "a"]);
    expect(stored.rows[0]?.response_body).toMatch(/^v1:/);
    expect(stored.rows[0]?.response_body).not.toContain("secret-of-the-response");
    await database.query("UPDATE idempotency_keys SET response_body = $1 WHERE principal_id = $2 AND key = $3", ['{"legacy":true}', "user-1", "a"]);
    const [claim] = await claimIdempotencyKeys(database.db, [request("a")], NOW);
    expect(claim).toEqual({ kind: "replay", statusCode: 201, headers: {}, body: '{"legacy":true}' });
  });

  it("advanceTicketNumberSequence by a count hands out a block and restarts the block in a new year", async () => {
    const advance = (year: number | undefined, count?: number) =>
      database.db.transaction((tx) => advanceTicketNumberSequence(tx, "batch-test", year, NOW, count));
    expect(await advance(2026, 5)).toEqual({ year: 2026, lastSequence: 5 });
    expect(await advance(2026)).toEqual({ year: 2026, lastSequence: 6 });
    expect(await advance(2026, 17)).toEqual({ year: 2026, lastSequence: 23 });
    expect(await advance(2027, 3)).toEqual({ year: 2027, lastSequence: 3 });
    expect(await advance(2026, 2)).toBeUndefined();
    await expect(advance(2027, 0)).rejects.toThrow(RangeError);
  });

  it("insertTickets stores every ticket as given and answers the rows in the order given", async () => {
    const ticket = (id: string, number: string, subject: string): NewTicket => ({
      id,
      number,
      organizationId: "org-mueller",
      kind: "incident",
      channel: "phone",
      status: "new",
      priority: "high",
      subject,
      requesterEmail: "anna@mueller.test",
      requesterPortalUserId: null,
      assigneeId: null,
      sensorId: null,
      document: { subject, lines: ["ä", 'quote " and \\ backslash'], n: 1.5 },
    });
    const given = [ticket("bt-2", "T-2026-000102-0", "Zwei"), ticket("bt-1", "T-2026-000101-0", "Eins"), ticket("bt-3", "T-2026-000103-0", "Drei")];
    const rows = await insertTickets(database.db, given, NOW);
    expect(rows.map((row) => row.id)).toEqual(["bt-2", "bt-1", "bt-3"]);
    for (const row of rows) expect(await findTicket(database.db, row.id)).toEqual(row);
    expect(await insertTickets(database.db, [], NOW)).toEqual([]);
    // A clash rolls back the whole statement: none of the batch is stored.
    await expect(insertTickets(database.db, [ticket("bt-4", "T-2026-000104-0", "Vier"), ticket("bt-5", "T-2026-000101-0", "Doppelt")], NOW)).rejects.toThrow();
    expect(await findTicket(database.db, "bt-4")).toBeUndefined();
  });

  it("appendToOutbox keeps the order given (delivery order) and skips dedupe keys already written", async () => {
    const event = (key: string, topic: string) => ({ topic, aggregateType: "ticket", aggregateId: "bt-1", dedupeKey: key, payload: { key, text: 'Zeile "1"\nZeile 2' } });
    await appendToOutbox(database.db, [event("o-1", "report"), event("o-2", "invoice"), event("o-3", "reminder")], NOW);
    await appendToOutbox(database.db, [event("o-2", "invoice-again"), event("o-4", "late")], new Date("2026-06-03T08:00:00Z"));
    const rows = (await database.db.select().from(outbox)).filter((row) => row.aggregateId === "bt-1").sort((a, b) => a.id - b.id);
    expect(rows.map((row) => [row.dedupeKey, row.topic])).toEqual([
      ["o-1", "report"],
      ["o-2", "invoice"],
      ["o-3", "reminder"],
      ["o-4", "late"],
    ]);
    expect(rows[0]?.payload).toEqual({ key: "o-1", text: 'Zeile "1"\nZeile 2' });
    expect(rows[3]?.availableAt).toEqual(new Date("2026-06-03T08:00:00Z"));
  });
});
