import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { DATA_CENTER_REQUEST, JIRA_ORDER, seedLicensingCatalog, send } from "./licensing-fixtures.js";

interface OrderBody {
  id: string;
  version: number;
  order: { status: string; total?: { amount: string }; keys?: Record<string, unknown>[]; lines?: { amount: { amount: string } }[] };
  events?: { type: string }[];
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-03-17T09:00:00Z") });
  await seedLicensingCatalog(api);
}, 60_000);
afterAll(() => api.close());

const command = (id: string, body: unknown, token = api.tokens.backOffice) => api.request({ method: "POST", url: `/v1/orders/${id}/commands`, token, payload: body as never });

describe(`order routes on ${testDatabaseKind()}`, () => {
  it("L1, L3–L5: an accepted quote runs through confirmation, purchase and delivery; each event lands in the outbox", async () => {
    const quote = await send<{ id: string }>(api, "POST", "/v1/quotes", api.tokens.accountManager, { organizationId: api.organizations.mueller, request: DATA_CENTER_REQUEST }, 201);
    const created = await send<OrderBody>(
      api,
      "POST",
      "/v1/orders",
      api.tokens.accountManager,
      { organizationId: api.organizations.mueller, quoteId: quote.id, acceptance: { technicalContact: JIRA_ORDER.technicalContact, confirmationRequirements: { customerPoNumber: "PO-7781" } } },
      201,
    );
    expect([created.order.status, created.order.total?.amount]).toEqual(["received", "21000"]);

    const steps: [unknown, string, string[]][] = [
      [{ type: "confirm" }, "confirmed", ["confirmation-to-send"]],
      [{ type: "record-confirmation-sent" }, "purchase-due", ["purchase-due"]],
      [{ type: "purchase", vendorOrderRef: "AT-998", paidOn: "2026-03-17" }, "purchased", ["keys-visible-to-technical-contact", "invoice-due"]],
      [{ type: "deliver", keys: [{ lineId: "1", key: "AAAB-KEY-1" }] }, "delivered", ["delivery-note-to-send"]],
    ];
    for (const [body, status, events] of steps) {
      const response = await command(created.id, body);
      expect(response.statusCode, response.body).toBe(200);
      const transition = response.json<OrderBody>();
      expect(transition.order.status).toBe(status);
      expect(transition.events?.map((event) => event.type)).toEqual(events);
    }
    const outbox = await outboxEventsOf(api.database.db, "license-order", created.id);
    expect(outbox.map((row) => row.topic)).toEqual([
      "licensing.order-received",
      "licensing.confirmation-to-send",
      "licensing.purchase-due",
      "licensing.keys-visible-to-technical-contact",
      "licensing.invoice-due",
      "licensing.delivery-note-to-send",
    ]);
    // L13: the key never lies in plain text in the outbox or in the order, and the order response does not show it.
    const note = JSON.stringify(outbox.at(-1)?.payload);
    expect(note).not.toContain("AAAB-KEY-1");
    expect(note).toContain("sealedKey");
    const fetched = await send<OrderBody>(api, "GET", `/v1/orders/${created.id}`, api.tokens.muellerManager, undefined, 200);
    expect(fetched.order.keys).toEqual([{ lineId: "1" }]);
    expect(JSON.stringify(fetched)).not.toContain("AAAB-KEY-1");
    const licenses = await send<{ items: { id: string; orderId: string; hasKey: boolean }[] }>(api, "GET", `/v1/licenses?organizationId=${api.organizations.mueller}`, api.tokens.admin, undefined, 200);
    const delivered = licenses.items.find((item) => item.orderId === created.id);
    expect(delivered?.hasKey).toBe(true);
    // L13: the reseller bought it, so staff read the key; the customer's manager may not.
    const key = await send<{ key: string }>(api, "GET", `/v1/licenses/${delivered?.id ?? ""}/key`, api.tokens.accountManager, undefined, 200);
    expect(key.key).toBe("AAAB-KEY-1");
    const denied = expectProblem(await api.request({ method: "GET", url: `/v1/licenses/${delivered?.id ?? ""}/key`, token: api.tokens.muellerManager }), 403);
    expect(denied.code).toBe("L13_NOT_ORIGINAL_PURCHASER");
  });

  it("L4 + L18: after the purchase a mistyped, unverified technical contact is replaced; only the new contact's verification makes the keys visible", async () => {
    const typo = { fullName: "Tom Technik", email: "tom@typo.example", hasVendorAccount: false };
    const created = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, order: { ...JIRA_ORDER, technicalContact: typo } }, 201);
    for (const body of [{ type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase", paidOn: "2026-03-17" }]) {
      const response = await command(created.id, body);
      expect(response.statusCode, response.body).toBe(200);
    }
    const replace = { type: "register-technical-contact", fullName: "Tom Technik", email: "tom@example.com", hasVendorAccount: false };
    const replaced = await command(created.id, replace);
    expect(replaced.statusCode, replaced.body).toBe(200);
    const body = replaced.json<OrderBody & { order: { technicalContact: unknown; technicalContactChanges: unknown[] } }>();
    expect(body.events?.map((event) => event.type)).toEqual(["technical-contact-changed", "vendor-verification-pending"]);
    expect(body.order.status).toBe("purchased");
    expect(body.order.technicalContact).toEqual({ fullName: "Tom Technik", email: "tom@example.com", vendorAccount: "verification-pending" });
    // The order's history names the staff user who changed the contact (from the token, not the body).
    expect(body.order.technicalContactChanges).toEqual([
      { at: "2026-03-17T09:00:00.000Z", changedBy: api.users.backOffice, previousEmail: "tom@typo.example", fullName: "Tom Technik", email: "tom@example.com", afterPurchase: true },
    ]);

    // The old address verifies late: refused, nothing written.
    const late = expectProblem(await command(created.id, { type: "record-contact-verified", email: "tom@typo.example" }), 422, "body.email");
    expect(late.code).toBe("L4_VERIFICATION_NOT_FOR_TECHNICAL_CONTACT");
    const unchanged = await send<OrderBody>(api, "GET", `/v1/orders/${created.id}`, api.tokens.admin, undefined, 200);
    expect(unchanged.version).toBe(body.version);

    const verified = await command(created.id, { type: "record-contact-verified", email: "tom@example.com" });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json<OrderBody>().events?.map((event) => event.type)).toEqual(["keys-visible-to-technical-contact"]);

    const outbox = await outboxEventsOf(api.database.db, "license-order", created.id);
    expect(outbox.map((row) => [row.topic, (row.payload as { email?: string }).email ?? null])).toEqual([
      ["licensing.order-received", null],
      ["licensing.confirmation-to-send", null],
      ["licensing.purchase-due", null],
      ["licensing.vendor-verification-pending", "tom@typo.example"],
      ["licensing.invoice-due", null],
      ["licensing.technical-contact-changed", "tom@example.com"],
      ["licensing.vendor-verification-pending", "tom@example.com"],
      ["licensing.keys-visible-to-technical-contact", "tom@example.com"],
    ]);
    expect(outbox[5]?.payload).toMatchObject({ previousEmail: "tom@typo.example", changedBy: api.users.backOffice });

    // L4: once verified, the contact is no longer replaced.
    const again = expectProblem(await command(created.id, { ...replace, email: "someone@example.com" }), 422);
    expect(again.code).toBe("L4_TECHNICAL_CONTACT_VERIFIED");
  });

  it("lifecycle: a command the status does not allow is a 422 with ORDER_TRANSITION_NOT_ALLOWED and writes nothing", async () => {
    const created = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, order: JIRA_ORDER }, 201);
    const problem = expectProblem(await command(created.id, { type: "deliver", keys: [] }), 422, "body.type");
    expect(problem.code).toBe("ORDER_TRANSITION_NOT_ALLOWED");
    const unchanged = await send<OrderBody>(api, "GET", `/v1/orders/${created.id}`, api.tokens.admin, undefined, 200);
    expect([unchanged.order.status, unchanged.version]).toEqual(["received", 1]);
    expect((await outboxEventsOf(api.database.db, "license-order", created.id)).map((row) => row.topic)).toEqual(["licensing.order-received"]);
  });

  it("L8: an expired quote cannot be ordered (valid through 2026-04-16)", async () => {
    const quote = await send<{ id: string }>(api, "POST", "/v1/quotes", api.tokens.admin, { organizationId: api.organizations.mueller, request: DATA_CENTER_REQUEST }, 201);
    api.clock.set(new Date("2026-04-16T21:59:00Z"));
    await send(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, quoteId: quote.id, acceptance: { technicalContact: JIRA_ORDER.technicalContact } }, 201);
    api.clock.set(new Date("2026-04-16T22:00:00Z")); // midnight in Berlin: 2026-04-17
    const problem = expectProblem(await api.request({ method: "POST", url: "/v1/orders", token: api.tokens.admin, payload: { organizationId: api.organizations.mueller, quoteId: quote.id } }), 422);
    expect(problem.code).toBe("L8_QUOTE_EXPIRED");
    api.clock.set(new Date("2026-03-17T09:00:00Z"));
  });

  it("L8: a quote is ordered once; a second order is 409 naming the first, even when both come at once; cancelling frees it", async () => {
    const quote = await send<{ id: string }>(api, "POST", "/v1/quotes", api.tokens.admin, { organizationId: api.organizations.mueller, request: DATA_CENTER_REQUEST }, 201);
    const order = (token = api.tokens.admin) => api.request({ method: "POST", url: "/v1/orders", token, payload: { organizationId: api.organizations.mueller, quoteId: quote.id, acceptance: { technicalContact: JIRA_ORDER.technicalContact } } });
    const both = await Promise.all([order(), order(api.tokens.accountManager)]);
    expect(both.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const first = both.find((response) => response.statusCode === 201)?.json<OrderBody>();
    const again = expectProblem(await order(), 409);
    expect([again.code, again.detail]).toEqual(["QUOTE_ALREADY_ORDERED", `Quote ${quote.id} is already ordered (order ${first?.id ?? "?"}); cancel that order to order the quote again`]);
    const cancelled = await command(first?.id ?? "", { type: "cancel", reason: "Kunde hat doppelt bestellt" });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await order()).statusCode).toBe(201);
  });

  it("L14: a price agreed beforehand is final: a line with unitPrice 19000.00 totals 19000", async () => {
    const lines = [{ ...JIRA_ORDER.lines[0], unitPrice: { amount: "19000.00", currency: "EUR" } }];
    const created = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, order: { ...JIRA_ORDER, lines } }, 201);
    expect(created.order.total?.amount).toBe("19000");
  });

  it("needs either an order or a quote; another organization's quote is 404", async () => {
    expectProblem(await api.request({ method: "POST", url: "/v1/orders", token: api.tokens.admin, payload: { organizationId: api.organizations.mueller } }), 400, "body.order");
    const quote = await send<{ id: string }>(api, "POST", "/v1/quotes", api.tokens.admin, { organizationId: api.organizations.baeckerei, request: DATA_CENTER_REQUEST }, 201);
    expectProblem(await api.request({ method: "POST", url: "/v1/orders", token: api.tokens.admin, payload: { organizationId: api.organizations.mueller, quoteId: quote.id } }), 404);
  });

  it("portal managers read their orders but cannot command them; Bäckerei sees 404; technicians 403", async () => {
    const created = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, order: JIRA_ORDER }, 201);
    expectProblem(await command(created.id, { type: "confirm" }, api.tokens.muellerManager), 404);
    expectProblem(await command(created.id, { type: "confirm" }, api.tokens.technician), 403);
    expectProblem(await command(created.id, { type: "confirm" }, api.tokens.baeckereiManager), 404);
    expectProblem(await api.request({ method: "GET", url: `/v1/orders/${created.id}`, token: api.tokens.baeckereiManager }), 404);
    const list = await send<{ items: { organizationId: string }[] }>(api, "GET", "/v1/orders", api.tokens.baeckereiManager, undefined, 200);
    expect(list.items).toEqual([]);
  });
});
