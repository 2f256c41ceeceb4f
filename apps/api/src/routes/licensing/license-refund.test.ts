import { findLicense, insertInvoiceDraftForSource, listCreditNotesOf, outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { composeInvoice, type InvoiceInput } from "@kontor/invoicing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { KONTOR_SELLER, MUELLER_BUYER } from "../invoices/invoice-fixtures.js";
import { toStoredDocument } from "../invoices/stored-invoice.js";
import { JIRA_ORDER, seedLicensingCatalog, send } from "./licensing-fixtures.js";

interface OrderBody {
  id: string;
  order: { orderId: string; lines: { lineId: string; quantity: number; productName: string; amount: { amount: string; currency: string } }[] };
}

interface RefundBody {
  id: string;
  orderId: string | null;
  hasKey: boolean;
  license: { userTier: number; refund?: { refundedAt: string; refundedOn: string; reason: string; refundedBy: string | null; deadline: string; day: number; basis: string } };
  creditNoteId: string | null;
  creditNote: { id: string; invoiceId: string; invoiceNumber: string; lineIds: string[]; netTotal: { amount: string }; grandTotal: { amount: string } } | null;
  noCreditNote: { code: string; message: string } | null;
}

interface InvoiceBody {
  id: string;
  type: string;
  status: string;
  precedingInvoiceId: string | null;
  precedingInvoice?: { number: string };
  notes: string[];
  lines: { id: string; quantity: string; unitPrice: { amount: string }; netAmount: { amount: string } }[];
  totals: { lineNetTotal: { amount: string }; taxTotal: { amount: string }; grandTotal: { amount: string } };
}

const CONFLUENCE_DC = {
  vendor: { id: "atlassian", name: "Atlassian" },
  product: {
    id: "confluence-dc",
    vendorId: "atlassian",
    name: "Confluence Data Center",
    productLine: "confluence",
    edition: "data-center",
    billingModel: "annual-subscription",
    currency: "EUR",
    pricing: { kind: "user-tiers", tiers: [{ users: 500, price: { amount: "12000.00", currency: "EUR" } }] },
  },
};

/** Jira DC 500 users (21,000.00) and two Confluence DC licenses of 500 users (2 × 12,000.00). */
const TWO_LINE_ORDER = {
  ...JIRA_ORDER,
  lines: [
    { lineId: "1", productId: "jira-dc", userTier: 500, action: "new" },
    { lineId: "2", productId: "confluence-dc", userTier: 500, quantity: 2, action: "new" },
  ],
};

// Bought on 2026-03-02 10:00 in Berlin (the customer's zone): refundable through 2026-04-01 (day 30).
const PURCHASE = new Date("2026-03-02T09:00:00Z");

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: PURCHASE });
  await seedLicensingCatalog(api);
  await send(api, "POST", "/v1/catalog/products", api.tokens.admin, CONFLUENCE_DC, 201);
}, 60_000);
afterAll(() => api.close());

const at = (instant: string): void => {
  api.clock.set(new Date(instant));
};

const refund = (id: string, payload: unknown, token = api.tokens.backOffice, headers: Record<string, string> = {}) =>
  api.request({ method: "POST", url: `/v1/licenses/${id}/refund`, token, payload: payload as never, headers });

/** A license order confirmed, purchased (paid) and delivered now; answers the order as stored. */
async function deliveredOrder(order: unknown, keys: { lineId: string; key: string }[]): Promise<OrderBody> {
  const placed = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, order }, 201);
  const today = new Date(api.clock.now().getTime()).toISOString().slice(0, 10);
  for (const command of [{ type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase", vendorOrderRef: `AT-${placed.id.slice(0, 6)}`, paidOn: today }, { type: "deliver", keys }]) {
    await send(api, "POST", `/v1/orders/${placed.id}/commands`, api.tokens.backOffice, command, 200);
  }
  return send<OrderBody>(api, "GET", `/v1/orders/${placed.id}`, api.tokens.admin, undefined, 200);
}

/**
 * The order's invoice as the worker issues it (L5, `license-order-invoice-input.ts`): one line per
 * order line with the line ID, quantity and amount per license, 19 % VAT, stored under the source
 * key `license-order:<orderId>` and finalized through the API.
 */
async function invoiceOrder(order: OrderBody): Promise<{ id: string; number: string }> {
  const input: InvoiceInput = {
    type: "invoice",
    issueDate: "2026-03-02",
    currency: "EUR",
    seller: KONTOR_SELLER,
    buyer: MUELLER_BUYER,
    buyerReference: "PO-7781",
    purchaseOrderReference: "PO-7781",
    deliveryDate: "2026-03-02",
    paymentTerms: { netDays: 30, calendar: "DE-NW" },
    paymentMeans: { kind: "sepa-credit-transfer", iban: "DE02 1203 0000 0000 2020 51", bic: "BYLADEM1001" },
    notes: [`Lizenzauftrag ${order.order.orderId}.`],
    lines: order.order.lines.map((line) => ({
      kind: "license-purchase",
      id: line.lineId,
      description: `${line.productName}, 500 Nutzer`,
      quantity: String(line.quantity),
      unitCode: "C62",
      unitPrice: { amount: (Number(line.amount.amount) / line.quantity).toFixed(2), currency: "EUR" },
      vat: { category: "S", rate: "19" },
      deployment: "data-center",
    })),
  };
  const composed = composeInvoice(input);
  if (!composed.ok) throw new Error(JSON.stringify(composed.errors));
  const draft = await insertInvoiceDraftForSource(
    api.database.db,
    `license-order:${order.id}`,
    { id: `inv-${order.id}`, organizationId: api.organizations.mueller, type: "invoice", document: toStoredDocument(composed.value) },
    api.clock.now(),
  );
  const finalized = await send<{ id: string; number: string }>(api, "POST", `/v1/invoices/${draft.id}/finalization`, api.tokens.backOffice, undefined, 200);
  return { id: finalized.id, number: finalized.number };
}

const refundedEvents = async (licenseId: string) => (await outboxEventsOf(api.database.db, "license", licenseId)).filter((event) => event.topic === "licensing.license-refunded");

describe(`POST /v1/licenses/:id/refund on ${testDatabaseKind()}`, () => {
  let order: OrderBody;
  let invoice: { id: string; number: string };
  let firstResponse: string;
  const KEY = "refund-confluence-2026-04-01";

  beforeAll(async () => {
    at(PURCHASE.toISOString());
    order = await deliveredOrder(TWO_LINE_ORDER, [
      { lineId: "1", key: "AAAB-JIRA" },
      { lineId: "2", key: "AAAB-CONFLUENCE" },
    ]);
    invoice = await invoiceOrder(order);
  }, 60_000);

  it("L17: on day 30, 2026-04-01 23:30 in Berlin, the Confluence license is refunded: 200, the license shows the refund, a draft credit note credits exactly its line (2 × 12,000.00 net, 28,560.00 gross)", async () => {
    at("2026-04-01T21:30:00Z");
    const response = await refund(`${order.id}-2`, { reason: "Bestellt für das falsche Team" }, api.tokens.backOffice, { "idempotency-key": KEY });
    expect(response.statusCode, response.body).toBe(200);
    firstResponse = response.body;
    const body = response.json<RefundBody>();
    expect(body.license.refund).toEqual({
      refundedAt: "2026-04-01T21:30:00.000Z",
      refundedOn: "2026-04-01",
      reason: "Bestellt für das falsche Team",
      refundedBy: api.users.backOffice,
      basis: "purchase",
      windowStart: "2026-03-02",
      deadline: "2026-04-01",
      day: 30,
      policyId: "atlassian-reseller-2021-02-02",
    });
    expect([body.id, body.orderId, body.license.userTier, body.noCreditNote]).toEqual([`${order.id}-2`, order.id, 500, null]);
    expect(body.creditNote).toEqual({
      id: body.creditNoteId,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      lineIds: ["2"],
      netTotal: { amount: "24000.00", currency: "EUR" },
      grandTotal: { amount: "28560.00", currency: "EUR" },
    });

    // The stored credit note: a draft referencing the order's invoice (BG-3), its line 2 only.
    const note = await send<InvoiceBody>(api, "GET", `/v1/invoices/${body.creditNoteId ?? ""}`, api.tokens.backOffice, undefined, 200);
    expect([note.type, note.status, note.precedingInvoiceId, note.precedingInvoice?.number]).toEqual(["credit-note", "draft", invoice.id, invoice.number]);
    expect(note.lines.map((line) => [line.id, line.quantity, line.unitPrice.amount, line.netAmount.amount])).toEqual([["2", "2", "12000", "24000.00"]]);
    expect([note.totals.lineNetTotal.amount, note.totals.taxTotal.amount, note.totals.grandTotal.amount]).toEqual(["24000.00", "4560.00", "28560.00"]);
    expect(note.notes.join(" ")).toContain(`Rückerstattung der Lizenz ${order.id}-2`);
    expect(note.notes.join(" ")).toContain("Bestellt für das falsche Team");
    // The invoice itself is untouched: 21,000.00 + 24,000.00 net.
    const original = await send<InvoiceBody>(api, "GET", `/v1/invoices/${invoice.id}`, api.tokens.backOffice, undefined, 200);
    expect([original.status, original.totals.lineNetTotal.amount, original.totals.grandTotal.amount]).toEqual(["finalized", "45000.00", "53550.00"]);

    // One outbox event, carrying what a consumer needs.
    const events = await refundedEvents(`${order.id}-2`);
    expect(events.map((event) => [event.dedupeKey, (event.payload as { creditNoteId: string }).creditNoteId])).toEqual([[`license:${order.id}-2:refunded`, body.creditNoteId]]);
    expect(events[0]?.payload).toMatchObject({ type: "license-refunded", licenseId: `${order.id}-2`, organizationId: api.organizations.mueller, orderId: order.id, invoiceId: invoice.id });
  });

  it("L13, L17: the refunded license is void: its key is no longer readable (409 L17_LICENSE_REFUNDED), nor is it renewed, upgraded or refund-checked", async () => {
    const key = expectProblem(await api.request({ method: "GET", url: `/v1/licenses/${order.id}-2/key`, token: api.tokens.admin }), 409);
    expect([key.code, key.detail]).toEqual(["L17_LICENSE_REFUNDED", "The license was refunded on 2026-04-01 and is void: its key cannot be read any more"]);
    const post = (path: string, payload: unknown) => api.request({ method: "POST", url: `/v1/licenses/${order.id}-2/${path}`, token: api.tokens.accountManager, payload: payload as never });
    expect(expectProblem(await post("renewal-quote", { steps: 1 }), 409).code).toBe("L17_LICENSE_REFUNDED");
    expect(expectProblem(await post("upgrade-quote", { toTier: 1000 }), 409).code).toBe("L17_LICENSE_REFUNDED");
    expect(expectProblem(await post("refund-check", {}), 409).code).toBe("L17_ALREADY_REFUNDED");
    // The other license of the order is not affected.
    expect((await send<{ key: string }>(api, "GET", `/v1/licenses/${order.id}-1/key`, api.tokens.admin, undefined, 200)).key).toBe("AAAB-JIRA");
  });

  it("L17: the same Idempotency-Key replays the first answer; any other second refund is 409 L17_ALREADY_REFUNDED, and there is still one credit note and one event", async () => {
    at("2026-04-01T21:45:00Z");
    const replay = await refund(`${order.id}-2`, { reason: "Bestellt für das falsche Team" }, api.tokens.backOffice, { "idempotency-key": KEY });
    expect([replay.statusCode, replay.headers["idempotent-replayed"], replay.body]).toEqual([200, "true", firstResponse]);
    const twice = expectProblem(await refund(`${order.id}-2`, { reason: "Noch einmal" }), 409);
    expect(twice.code).toBe("L17_ALREADY_REFUNDED");
    expect(twice.detail).toContain("refunded on 2026-04-01 already");
    expect((await listCreditNotesOf(api.database.db, invoice.id)).length).toBe(1);
    expect(await refundedEvents(`${order.id}-2`)).toHaveLength(1);
  });

  it("L17: the day after, 2026-04-02 00:00 in Berlin (day 31), the Jira license is refused with 422 L17_REFUND_DEADLINE_PASSED naming 2026-04-01, and nothing changes", async () => {
    const before = await findLicense(api.database.db, `${order.id}-1`);
    at("2026-04-01T22:00:00Z");
    const problem = expectProblem(await refund(`${order.id}-1`, { reason: "Zu spät" }), 422);
    expect(problem.code).toBe("L17_REFUND_DEADLINE_PASSED");
    expect(problem.detail).toContain("by 2026-04-01, the last day of the refund window");
    expect(problem.errors?.[0]?.path).toBe("body.asOf");
    const after = await findLicense(api.database.db, `${order.id}-1`);
    expect([after?.version, after?.record]).toEqual([before?.version, before?.record]);
    expect((await listCreditNotesOf(api.database.db, invoice.id)).length).toBe(1);
    expect(await refundedEvents(`${order.id}-1`)).toEqual([]);
  });

  it("L17: a license of an order whose invoice is not issued yet is not refunded (409 REFUND_ORDER_NOT_INVOICED): the invoice would bill it later with nothing to credit it", async () => {
    at("2026-03-10T09:00:00Z");
    const uninvoiced = await deliveredOrder(JIRA_ORDER, [{ lineId: "1", key: "AAAB-LATER" }]);
    const before = await findLicense(api.database.db, `${uninvoiced.id}-1`);
    const problem = expectProblem(await refund(`${uninvoiced.id}-1`, { reason: "Projekt abgesagt" }), 409);
    expect(problem.code).toBe("REFUND_ORDER_NOT_INVOICED");
    expect(problem.detail).toContain(`Order ${uninvoiced.id} has not been invoiced yet`);
    const after = await findLicense(api.database.db, `${uninvoiced.id}-1`);
    expect([after?.version, after?.record]).toEqual([before?.version, before?.record]);
    expect(await refundedEvents(`${uninvoiced.id}-1`)).toEqual([]);
  });

  it("L17: a registered cloud monthly license is refunded within its first paid month (paid 2026-03-31: through 2026-04-29, the next month starts 04-30), without an order or credit note", async () => {
    at("2026-04-29T21:00:00Z"); // 23:00 in Berlin
    const registered = await send<{ id: string }>(
      api,
      "POST",
      "/v1/licenses",
      api.tokens.admin,
      { organizationId: api.organizations.mueller, productId: "confluence-cloud-monthly", userTier: 10, purchasedBy: "reseller", purchasedAt: "2026-03-31T08:00:00+02:00", paidOn: "2026-03-31" },
      201,
    );
    const body = await send<RefundBody>(api, "POST", `/v1/licenses/${registered.id}/refund`, api.tokens.admin, { reason: "Kündigung im ersten Monat" }, 200);
    expect([body.license.refund?.basis, body.license.refund?.deadline, body.creditNoteId, body.noCreditNote?.code]).toEqual(["first-paid-month", "2026-04-29", null, "LICENSE_WITHOUT_ORDER"]);
  });

  it("K10: only licensing staff refund: portal manager and reporter 404, Bäckerei 404, a technician 403; nothing changes", async () => {
    at("2026-03-10T09:00:00Z");
    const target = `${order.id}-1`;
    expectProblem(await refund(target, { reason: "x" }, api.tokens.muellerManager), 404);
    expectProblem(await refund(target, { reason: "x" }, api.tokens.muellerReporter), 404);
    expectProblem(await refund(target, { reason: "x" }, api.tokens.baeckereiManager), 404);
    expectProblem(await refund(target, { reason: "x" }, api.tokens.technician), 403);
    expectProblem(await refund("no-such-license", { reason: "x" }), 404);
    expect((await findLicense(api.database.db, target))?.record).not.toHaveProperty("refund");
  });

  it("L17: the reason is required, 1–500 characters: 400 naming body.reason", async () => {
    at("2026-03-10T09:00:00Z");
    for (const payload of [{}, { reason: "" }, { reason: "x".repeat(501) }, { reason: "ok", refundedAt: "2026-03-01T00:00:00Z" }]) {
      const problem = expectProblem(await refund(`${order.id}-1`, payload), 400);
      expect(problem.errors?.map((error) => error.path)).toEqual([Object.keys(payload).includes("refundedAt") ? "body" : "body.reason"]);
    }
  });

  it("L17, L15: a renewal order naming a refunded license by its SEN is not delivered: 409 L17_LICENSE_REFUNDED, the license stays as refunded", async () => {
    at("2026-03-10T09:00:00Z");
    const registered = await send<{ id: string }>(
      api,
      "POST",
      "/v1/licenses",
      api.tokens.admin,
      { organizationId: api.organizations.mueller, productId: "jira-dc", userTier: 500, sen: "SEN-VOID", key: "AAAB-VOID", purchasedBy: "reseller", purchasedAt: "2026-03-05T10:00:00+01:00", term: { from: "2026-03-05", to: "2027-03-05" } },
      201,
    );
    await send(api, "POST", `/v1/licenses/${registered.id}/refund`, api.tokens.admin, { reason: "Doppelt gekauft" }, 200);
    const placed = await send<OrderBody>(api, "POST", "/v1/orders", api.tokens.admin, { organizationId: api.organizations.mueller, order: { ...JIRA_ORDER, lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "renewal", sen: "SEN-VOID" }] } }, 201);
    for (const command of [{ type: "confirm" }, { type: "record-confirmation-sent" }, { type: "purchase", vendorOrderRef: "AT-VOID", paidOn: "2026-03-10" }]) {
      await send(api, "POST", `/v1/orders/${placed.id}/commands`, api.tokens.backOffice, command, 200);
    }
    const problem = expectProblem(await api.request({ method: "POST", url: `/v1/orders/${placed.id}/commands`, token: api.tokens.backOffice, payload: { type: "deliver", keys: [{ lineId: "1", key: "AAAB-NEW" }] } }), 409);
    expect(problem.code).toBe("L17_LICENSE_REFUNDED");
    const row = await findLicense(api.database.db, registered.id);
    expect([(row?.record as { term: unknown }).term, row?.version]).toEqual([{ from: "2026-03-05", to: "2027-03-05" }, 2]);
  });

  it("L17: two refunds of one license at once: the row lock lets exactly one through (200), the other sees it refunded (409); one credit note for the Jira line (21,000.00 net, 24,990.00 gross)", async () => {
    at("2026-03-20T09:00:00Z");
    const responses = await Promise.all([refund(`${order.id}-1`, { reason: "Storno A" }), refund(`${order.id}-1`, { reason: "Storno B" })]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((response) => response.statusCode === 409)?.json<{ code: string }>().code).toBe("L17_ALREADY_REFUNDED");
    const notes = await listCreditNotesOf(api.database.db, invoice.id);
    // Line 2 (first test) and now line 1, each once: together exactly the invoice.
    const credited = notes.flatMap((note) => (note.document as { lines: { id: string; netAmount: { amount: string } }[] }).lines.map((line) => `${line.id}: ${line.netAmount.amount}`));
    expect(credited.sort()).toEqual(["1: 21000", "2: 24000"]);
    const won = responses.find((response) => response.statusCode === 200)?.json<RefundBody>();
    expect([won?.creditNote?.lineIds, won?.creditNote?.netTotal.amount, won?.creditNote?.grandTotal.amount]).toEqual([["1"], "21000.00", "24990.00"]);
    expect(await refundedEvents(`${order.id}-1`)).toHaveLength(1);
  });
});
