import { storeTicketNumberSequence } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_TICKET_NUMBER_FORMAT, parseTicketNumber } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { MUELLER } from "../../testing/fixtures.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { TICKET_NUMBER_SEQUENCE_ID } from "./service-desk-settings.js";
import { ticketOpener, type TicketRequest } from "./ticket-opening.js";
import { ticketOutbox, type TicketBody } from "./ticket-test-helpers.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
}, 60_000);
afterAll(() => api.close());

const ANNA = { email: "anna.becker@mueller-gmbh.de", name: "Anna Becker" };

function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return api.request({
    method: "POST",
    url: "/v1/tickets",
    token: api.tokens.dispatcher,
    headers,
    payload: { kind: "incident", subject: "VPN bricht ab", description: "Alle paar Minuten.", organizationId: MUELLER.id, requester: ANNA, ...body },
  });
}

function sequenceOf(number: string): number {
  const parsed = parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, number);
  if (!parsed.ok) throw new Error(`not a ticket number: ${number}`);
  return parsed.value.sequence;
}

/** Concurrent requests are opened together (one transaction per batch); each keeps its own answer. */
describe(`tickets opened together on ${testDatabaseKind()}`, () => {
  it("K1: 12 concurrent creations get 12 consecutive numbers; the unknown organization, branch and portal user fail alone", async () => {
    const subjects = Array.from({ length: 12 }, (_, index) => `Gleichzeitig ${index + 1}`);
    const responses = await Promise.all([
      ...subjects.slice(0, 4).map((subject) => post({ subject })),
      post({ organizationId: "org-gibt-es-nicht" }),
      ...subjects.slice(4, 8).map((subject) => post({ subject })),
      post({ branchId: "filiale-mond" }),
      post({ requester: { ...ANNA, portalUserId: "pu-niemand" } }),
      ...subjects.slice(8).map((subject) => post({ subject })),
    ]);
    expect(responses.filter((response) => response.statusCode !== 201)).toHaveLength(3);
    expectProblem(responses[4]!, 404);
    expectProblem(responses[9]!, 400, "body.branchId");
    expectProblem(responses[10]!, 400, "body.requester.portalUserId");

    const opened = responses.filter((response) => response.statusCode === 201).map((response) => response.json<TicketBody>().ticket);
    expect(opened.map((ticket) => ticket.subject)).toEqual(subjects);
    const sequences = opened.map((ticket) => sequenceOf(ticket.number)).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 12 }, (_, index) => sequences[0]! + index));
    // K2: each confirmation carries its own ticket's number.
    for (const ticket of opened) {
      const confirmation = (await ticketOutbox(api, ticket.id)).find((row) => row.topic === "mail.ticket-confirmation");
      expect(confirmation?.payload).toMatchObject({ ticketNumber: ticket.number, mail: { subject: `[#${ticket.number}] Eingangsbestätigung: ${ticket.subject}` } });
    }
  });

  it("K10: portal users opening together are each their own requester; staff may link only a portal user of the ticket's organization", async () => {
    const asPortal = (token: string, subject: string) =>
      api.request({ method: "POST", url: "/v1/tickets", token, payload: { kind: "request", subject, description: "" } });
    const [anna, ben, clara, linked, foreign] = await Promise.all([
      asPortal(api.tokens.muellerManager, "Anna zusammen"),
      asPortal(api.tokens.muellerReporter, "Ben zusammen"),
      asPortal(api.tokens.baeckereiManager, "Clara zusammen"),
      post({ subject: "Für Ben verknüpft", requester: { email: "ben.wolf@mueller-gmbh.de", portalUserId: "pu-ben" } }),
      post({ subject: "Clara bei Müller", requester: { email: "clara@baeckerei-schmidt.de", portalUserId: "pu-clara" } }),
    ]);
    const requester = (response: typeof anna) => {
      expect(response.statusCode, response.body).toBe(201);
      return response.json<TicketBody>().ticket;
    };
    expect(requester(anna)).toMatchObject({ organizationId: MUELLER.id, channel: "portal", requester: { email: "anna.becker@mueller-gmbh.de", name: "anna becker", portalUserId: "pu-anna" } });
    expect(requester(ben)).toMatchObject({ organizationId: MUELLER.id, requester: { email: "ben.wolf@mueller-gmbh.de", name: "ben wolf", portalUserId: "pu-ben" } });
    expect(requester(clara)).toMatchObject({ organizationId: "org-baeckerei", requester: { name: "clara Schmidt", portalUserId: "pu-clara" } });
    expect(requester(linked).requester).toEqual({ email: "ben.wolf@mueller-gmbh.de", portalUserId: "pu-ben" });
    expectProblem(foreign, 400, "body.requester.portalUserId");
  });

  it("the same Idempotency-Key sent 5 times at once opens one ticket; the others wait (409) or replay it", async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => post({ subject: "Einmal bitte" }, { "idempotency-key": "gleichzeitig-1" })));
    const created = responses.filter((response) => response.statusCode === 201 && response.headers["idempotent-replayed"] === undefined);
    expect(created).toHaveLength(1);
    const id = created[0]!.json<TicketBody>().ticket.id;
    for (const response of responses) {
      if (response.statusCode === 201) expect(response.json<TicketBody>().ticket.id).toBe(id);
      else expectProblem(response, 409);
    }
    const list = await api.request({ method: "GET", url: `/v1/tickets?organizationId=${MUELLER.id}&limit=100`, token: api.tokens.dispatcher });
    expect(list.json<{ items: { subject: string }[] }>().items.filter((item) => item.subject === "Einmal bitte")).toHaveLength(1);
  });

  it("K1: a batch that fails as a whole is retried one request at a time (opener called directly: 5 submitted at once run as [1], [2], [3, 4, 5])", async () => {
    await api.database.db.transaction((tx) => storeTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, { year: 2026, lastSequence: 999_997 }, api.clock.now()));
    const opener = ticketOpener({ database: api.database, clock: api.clock });
    const request = (subject: string): TicketRequest => ({
      who: { userId: "staff-dispatcher", credentialId: "c", email: "dispatcher@kontor.test", actor: { kind: "staff", id: "staff-dispatcher", role: "dispatcher" }, organizationId: undefined },
      organizationId: MUELLER.id,
      body: { kind: "incident", subject, description: "", priority: "normal", requester: ANNA },
    });
    // The batch of three needs three numbers where at most two are left, so it always fails whole.
    const outcomes = await Promise.allSettled(["a", "b", "c", "d", "e"].map((subject) => opener.submit(request(subject))));
    const numbers = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [sequenceOf(outcome.value.number)] : []));
    expect(numbers.sort((a, b) => a - b)).toEqual([999_998, 999_999]);
    const reasons = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as { code?: string }] : []));
    expect(reasons.map((reason) => reason.code)).toEqual(["K1_TICKET_NUMBER_EXHAUSTED", "K1_TICKET_NUMBER_EXHAUSTED", "K1_TICKET_NUMBER_EXHAUSTED"]);
  });
  it("K1: once the sequence is exhausted, every request of a batch gets its own 422 and nothing is created", async () => {
    await api.database.db.transaction((tx) => storeTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, { year: 2026, lastSequence: 999_999 }, api.clock.now()));
    const responses = await Promise.all(Array.from({ length: 4 }, (_, index) => post({ subject: `Zu spät ${index}` })));
    for (const response of responses) expect(expectProblem(response, 422).code).toBe("K1_TICKET_NUMBER_EXHAUSTED");
    const list = await api.request({ method: "GET", url: `/v1/tickets?organizationId=${MUELLER.id}&limit=100`, token: api.tokens.dispatcher });
    expect(list.json<{ items: { subject: string }[] }>().items.filter((item) => item.subject.startsWith("Zu spät"))).toEqual([]);
  });
});
