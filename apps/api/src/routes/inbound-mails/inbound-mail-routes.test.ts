import { findInboundMail } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { quarantinedMail, rawMail } from "./inbound-mail-test-support.js";
import type { InboundMailView } from "./inbound-mail-view.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

type Page = { items: InboundMailView[]; nextCursor: string | null };

const START = new Date("2026-11-16T09:00:00Z");

/** Moves the test clock `minutes` past the start, so mails get distinct receipt instants. */
function at(minutes: number): void {
  api.clock.set(new Date(START.getTime() + minutes * 60_000));
}

function get(url: string, token = api.tokens.dispatcher) {
  return api.request({ method: "GET", url, token });
}

function post(url: string, payload: Record<string, unknown>, token = api.tokens.dispatcher) {
  return api.request({ method: "POST", url, token, payload });
}

describe(`inbound mail review on ${testDatabaseKind()} (K2–K4, K10)`, () => {
  it("K2: lists quarantined mail oldest first, keyset-paginated, with intake's reason and without the bytes", async () => {
    at(100);
    const first = await quarantinedMail(api, { from: "max.muster@gmail.com", subject: "Drucker defekt" });
    at(101);
    const second = await quarantinedMail(api, { from: "erika@web.de", subject: "Server down" });
    at(102);
    const third = await quarantinedMail(api, { from: "spam@example.net", subject: "Gewinn!", outcome: { reasonCode: "K2_SPAM", reason: "The spam filter flagged the mail" } });
    await quarantinedMail(api, { from: "anna.becker@mueller-gmbh.de", subject: "Für Herrn Roth", outcome: { status: "kept", reasonCode: "K2_NOT_A_TICKET", reason: "Not an incident or request" } });
    await quarantinedMail(api, { from: "anna.becker@mueller-gmbh.de", subject: "Drucker", outcome: { status: "ticket-created", reasonCode: "K2_NEW_TICKET", reason: "New incident or request" } });

    const page1 = await get("/v1/inbound-mails?limit=2");
    expect(page1.statusCode, page1.body).toBe(200);
    const body1 = page1.json<Page>();
    expect(body1.items.map((item) => item.id)).toEqual([first.id, second.id]);
    expect(body1.nextCursor).not.toBeNull();
    expect(body1.items[0]).toEqual({
      id: first.id,
      source: "smtp",
      sender: "max.muster@gmail.com",
      messageId: `${first.id}@example.org`,
      size: first.raw.byteLength,
      status: "quarantined",
      reasonCode: "K2_UNKNOWN_SENDER",
      reason: "max.muster@gmail.com belongs to no known organization",
      ticketId: null,
      receivedAt: "2026-11-16T10:40:00.000Z",
      processedAt: "2026-11-16T10:40:00.000Z",
      organizationId: null,
      releasedBy: null,
      releasedAt: null,
      discardedBy: null,
      discardedAt: null,
      discardNote: null,
    });

    const page2 = (await get(`/v1/inbound-mails?limit=2&cursor=${body1.nextCursor ?? ""}`)).json<Page>();
    expect(page2.items.map((item) => item.id)).toEqual([third.id]);
    expect(page2.items[0]?.reasonCode).toBe("K2_SPAM");
    expect(page2.nextCursor).toBeNull();

    const kept = (await get("/v1/inbound-mails?status=kept")).json<Page>();
    expect(kept.items.map((item) => [item.status, item.reasonCode])).toEqual([["kept", "K2_NOT_A_TICKET"]]);
  });

  it("reads one mail with the same fields, whatever its status", async () => {
    const mail = await quarantinedMail(api, { from: "max.muster@gmail.com", subject: "VPN" });
    const response = await get(`/v1/inbound-mails/${mail.id}`, api.tokens.admin);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<InboundMailView>()).toMatchObject({ id: mail.id, status: "quarantined", sender: "max.muster@gmail.com", size: mail.raw.byteLength });
    expectProblem(await get("/v1/inbound-mails/does-not-exist"), 404);
  });

  it("K2: serves the stored bytes as message/rfc822, byte for byte, including bytes that are not UTF-8", async () => {
    const raw = Buffer.concat([rawMail({ from: "max.muster@gmail.com", subject: "Gr\u00fc\u00dfe" }), Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a])]);
    expect(raw.includes(Buffer.from([0xfc]))).toBe(true); // "ü" in Latin-1: invalid as UTF-8
    const mail = await quarantinedMail(api, { from: "max.muster@gmail.com", subject: "Grüße", raw });
    const response = await get(`/v1/inbound-mails/${mail.id}/raw`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("message/rfc822");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="inbound-mail-${mail.id}.eml"`);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.rawPayload.equals(raw)).toBe(true);
    expectProblem(await get("/v1/inbound-mails/does-not-exist/raw"), 404);
  });

  it("K2: release hands a quarantined mail back to intake with the organization stored and the reason cleared", async () => {
    const mail = await quarantinedMail(api, { from: "max.muster@gmail.com", subject: "Drucker defekt" });
    at(200);
    const response = await post(`/v1/inbound-mails/${mail.id}/release`, { organizationId: api.organizations.mueller });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.headers.location).toBe(`/v1/inbound-mails/${mail.id}`);
    expect(response.json<InboundMailView>()).toMatchObject({
      id: mail.id,
      status: "received",
      reasonCode: null,
      reason: null,
      processedAt: null,
      organizationId: api.organizations.mueller,
      releasedBy: api.users.dispatcher,
      releasedAt: "2026-11-16T12:20:00.000Z",
      sender: "max.muster@gmail.com",
    });
    const stored = await findInboundMail(api.database.db, mail.id);
    expect(stored).toMatchObject({ status: "received", assignedOrganizationId: api.organizations.mueller, reasonCode: null, reason: null });
    expect(Buffer.from(stored?.raw ?? new Uint8Array()).equals(Buffer.from(mail.raw))).toBe(true);
    // Now waiting for intake: neither a second release nor a discard.
    const again = expectProblem(await post(`/v1/inbound-mails/${mail.id}/release`, { organizationId: api.organizations.mueller }), 409);
    expect(again.code).toBe("K2_MAIL_NOT_RELEASABLE");
    expect(expectProblem(await post(`/v1/inbound-mails/${mail.id}/discard`, { note: "zu spät" }), 409).code).toBe("K2_MAIL_NOT_DISCARDABLE");
  });

  it("K2: a kept mail can be released too", async () => {
    const mail = await quarantinedMail(api, { from: "anna.becker@mueller-gmbh.de", subject: "Für Herrn Roth", outcome: { status: "kept", reasonCode: "K2_NOT_A_TICKET", reason: "Not an incident" } });
    const response = await post(`/v1/inbound-mails/${mail.id}/release`, { organizationId: api.organizations.mueller }, api.tokens.admin);
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json<InboundMailView>()).toMatchObject({ status: "received", organizationId: api.organizations.mueller, releasedBy: api.users.admin });
  });

  it("release answers 409 for a mail intake already turned into a ticket, 400 naming body.organizationId for an unknown organization, 404 for an unknown mail", async () => {
    const done = await quarantinedMail(api, { from: "anna.becker@mueller-gmbh.de", subject: "Drucker", outcome: { status: "ticket-created", reasonCode: "K2_NEW_TICKET", reason: "New incident or request" } });
    const conflict = expectProblem(await post(`/v1/inbound-mails/${done.id}/release`, { organizationId: api.organizations.mueller }), 409);
    expect(conflict.code).toBe("K2_MAIL_NOT_RELEASABLE");
    expect(conflict.detail).toContain("is ticket-created; only quarantined or kept mail can be released");
    expect((await findInboundMail(api.database.db, done.id))?.status).toBe("ticket-created");

    const mail = await quarantinedMail(api, { from: "max.muster@gmail.com", subject: "Drucker" });
    const unknown = expectProblem(await post(`/v1/inbound-mails/${mail.id}/release`, { organizationId: "org-unknown" }), 400, "body.organizationId");
    expect(unknown.errors?.[0]?.code).toBe("unknown_organization");
    expect((await findInboundMail(api.database.db, mail.id))?.status).toBe("quarantined");
    expectProblem(await post(`/v1/inbound-mails/${mail.id}/release`, {}), 400, "body.organizationId");
    expectProblem(await post(`/v1/inbound-mails/${mail.id}/release`, { organizationId: "" }), 400, "body.organizationId");
    expectProblem(await post("/v1/inbound-mails/does-not-exist/release", { organizationId: api.organizations.mueller }), 404);
  });

  it("K2: discard records who, when and why and keeps the raw bytes", async () => {
    const mail = await quarantinedMail(api, { from: "spam@example.net", subject: "Gewinn!" });
    at(300);
    const response = await post(`/v1/inbound-mails/${mail.id}/discard`, { note: "  Werbung, kein Kunde  " });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<InboundMailView>()).toMatchObject({
      id: mail.id,
      status: "discarded",
      reasonCode: "K2_UNKNOWN_SENDER",
      discardedBy: api.users.dispatcher,
      discardedAt: "2026-11-16T14:00:00.000Z",
      discardNote: "Werbung, kein Kunde",
    });
    const raw = await get(`/v1/inbound-mails/${mail.id}/raw`);
    expect(raw.rawPayload.equals(Buffer.from(mail.raw))).toBe(true);
    const discarded = (await get("/v1/inbound-mails?status=discarded")).json<Page>();
    expect(discarded.items.map((item) => item.id)).toContain(mail.id);
    expect((await get("/v1/inbound-mails")).json<Page>().items.map((item) => item.id)).not.toContain(mail.id);
    expect(expectProblem(await post(`/v1/inbound-mails/${mail.id}/discard`, { note: "nochmal" }), 409).code).toBe("K2_MAIL_NOT_DISCARDABLE");
    expect(expectProblem(await post(`/v1/inbound-mails/${mail.id}/release`, { organizationId: api.organizations.mueller }), 409).code).toBe("K2_MAIL_NOT_RELEASABLE");
  });

  it("discard refuses a missing, blank or too long note naming body.note, and an unknown mail with 404", async () => {
    const mail = await quarantinedMail(api, { from: "spam@example.net", subject: "Gewinn!" });
    expectProblem(await post(`/v1/inbound-mails/${mail.id}/discard`, {}), 400, "body.note");
    expectProblem(await post(`/v1/inbound-mails/${mail.id}/discard`, { note: "   " }), 400, "body.note");
    expectProblem(await post(`/v1/inbound-mails/${mail.id}/discard`, { note: "x".repeat(501) }), 400, "body.note");
    expect((await post(`/v1/inbound-mails/${mail.id}/discard`, { note: "x".repeat(500) })).statusCode).toBe(200);
    expectProblem(await post("/v1/inbound-mails/does-not-exist/discard", { note: "weg" }), 404);
  });

  it("refuses bad list parameters naming the field", async () => {
    expectProblem(await get("/v1/inbound-mails?status=received"), 400, "query.status");
    expectProblem(await get("/v1/inbound-mails?limit=0"), 400, "query.limit");
    expectProblem(await get("/v1/inbound-mails?cursor=not-a-cursor"), 400, "query.cursor");
  });

  it("K10: portal users (own and foreign organization) get 404, staff other than dispatchers and admins 403", async () => {
    const mail = await quarantinedMail(api, { from: "anna.becker@mueller-gmbh.de", subject: "Drucker", outcome: { status: "quarantined", reasonCode: "K4_SENDER_RATE_LIMIT", reason: "too many" } });
    const requests = [
      { method: "GET" as const, url: "/v1/inbound-mails" },
      { method: "GET" as const, url: `/v1/inbound-mails/${mail.id}` },
      { method: "GET" as const, url: `/v1/inbound-mails/${mail.id}/raw` },
      { method: "POST" as const, url: `/v1/inbound-mails/${mail.id}/release`, payload: { organizationId: api.organizations.mueller } },
      { method: "POST" as const, url: `/v1/inbound-mails/${mail.id}/discard`, payload: { note: "weg" } },
    ];
    for (const request of requests) {
      for (const token of [api.tokens.muellerManager, api.tokens.muellerReporter, api.tokens.baeckereiManager]) expectProblem(await api.request({ ...request, token }), 404);
      for (const token of [api.tokens.technician, api.tokens.accountManager, api.tokens.backOffice]) {
        expect(expectProblem(await api.request({ ...request, token }), 403).code).toBe("K10_ACCESS_DENIED");
      }
    }
    expect((await findInboundMail(api.database.db, mail.id))?.status).toBe("quarantined");
  });
});
