import { orderDocument, orderOutboxEvents } from "@kontor/api";
import { MUELLER } from "@kontor/api/testing";
import { appendToOutbox, findLicenseOrder, insertOrganization, schema, updateLicenseOrder, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import { applyOrderCommand, orderSchema, type LicenseOrderLineInput } from "@kontor/licensing";
import { Money, type MoneyJson } from "@kontor/money";
import { asc, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfText } from "../billing/pdf-text.js";
import { licensePurchaseJob } from "../licensing/license-purchase-job.js";
import { deliverDueOutboxEvents, outboxRouting, redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import type { WorkerContext } from "../worker-context.js";
import { licensingBillingOutboxHandlers } from "./licensing-billing-outbox-handlers.js";
import { DELIVERY_NOTE_TO_SEND_TOPIC, LICENSE_INVOICE_DUE_TOPIC } from "./licensing-billing-topics.js";
import { TEST_TECHNICAL_CONTACT } from "../licensing/testing/atlassian-test-catalog.js";
import { storeTestCatalog } from "../licensing/testing/stored-test-catalog.js";
import { storeDueLicenseOrder } from "../licensing/testing/due-license-order.js";
import { lastIssued, pdfOf } from "../testing/mail-pdf.js";

const eur = (amount: string) => ({ amount, currency: "EUR" as const });
const CONTACT = TEST_TECHNICAL_CONTACT;
const BILLING = MUELLER.serviceReportRecipient;
const JIRA_KEY = "AAAB-JIRA-DC-KEY-0001";

/** 08:00 on 2026-06-15 in Berlin: the requested purchase day (L3). */
const PURCHASE = new Date("2026-06-15T06:00:00Z");
/** Two days later staff delivers the Data Center key the vendor sent. */
const DELIVERY = new Date("2026-06-17T07:00:00Z");

interface StoredInvoice {
  readonly issueDate: string;
  readonly deliveryDate: string;
  readonly purchaseOrderReference?: string;
  readonly paymentTerms: { readonly dueDate: string };
  readonly totals: { readonly lineNetTotal: MoneyJson; readonly taxTotal: MoneyJson; readonly grandTotal: MoneyJson };
  readonly lines: readonly { readonly kind: string; readonly description: string; readonly quantity: string; readonly netAmount: MoneyJson }[];
}

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

function cents(json: MoneyJson): string {
  return Money.fromJSON(json).toFixed();
}

/** {@link storeDueLicenseOrder} with the technical contact and the given confirmation requirements. */
async function dueOrder(orderId: string, line: LicenseOrderLineInput, confirmationRequirements: { addressee?: string; customerPoNumber?: string } = {}): Promise<void> {
  await storeDueLicenseOrder(database, orderId, line, { confirmationRequirements });
}

/** Staff enters the vendor's key (the API's `deliver` command route, L5): the order and its events. */
async function deliverWithKey(orderId: string, key: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    const row = await findLicenseOrder(tx, orderId);
    if (row === undefined) throw new Error(`no order ${orderId}`);
    const transition = applyOrderCommand(orderSchema.parse(row.record), { type: "deliver", keys: [{ lineId: "1", key }] }, { asOf: DELIVERY.toISOString() });
    if (!transition.ok) throw new Error(transition.errors.map((error) => error.code).join(", "));
    const updated = await updateLicenseOrder(tx, row.id, { status: transition.value.order.status, record: orderDocument(transition.value.order) }, row.version, DELIVERY);
    if (updated === undefined) throw new Error("version conflict");
    await appendToOutbox(tx, orderOutboxEvents(row.id, updated.version, transition.value.events), DELIVERY);
  });
}

async function invoices() {
  return database.db
    .select({ id: schema.invoices.id, number: schema.invoices.number, status: schema.invoices.status, sourceKey: schema.invoices.sourceKey, document: schema.invoices.document })
    .from(schema.invoices)
    .orderBy(asc(schema.invoices.number));
}

async function billingEvents(): Promise<OutboxRow[]> {
  return (await database.db.select().from(schema.outbox).where(like(schema.outbox.topic, "licensing.%")).orderBy(asc(schema.outbox.id))).filter((event) =>
    [LICENSE_INVOICE_DUE_TOPIC, DELIVERY_NOTE_TO_SEND_TOPIC].includes(event.topic),
  );
}

/** Hands every billing event to its handler again (at-least-once redelivery). */
async function handleAgain(context: WorkerContext): Promise<void> {
  for (const event of await billingEvents()) {
    const handler = licensingBillingOutboxHandlers.find((candidate) => candidate.topics.includes(event.topic));
    if (handler === undefined) throw new Error(`no handler for ${event.topic}`);
    await redeliverOutboxEvent(context, handler, event);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
  await storeTestCatalog(database);
  await dueOrder("order-dc", { lineId: "1", productId: "jira-dc", userTier: 500, action: "new" });
  await dueOrder(
    "order-cloud",
    { lineId: "1", productId: "confluence-cloud", userTier: 100, action: "new", siteUrl: "https://mueller.atlassian.net" },
    { addressee: "Müller GmbH – Zentraleinkauf", customerPoNumber: "BEST-2026-4711" },
  );
  await licensePurchaseJob.run(testWorkerContext(database, smtp, { now: PURCHASE }), PURCHASE);
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing billing: invoice and delivery note of a license order (L3, L5)", () => {
  it("L5: on the purchase day each order is invoiced once in purchase order (RE-2026-000001 Confluence Cloud 5,500.00 + 19 % = 6,545.00; RE-2026-000002 Jira DC 21,000.00 + 3,990.00 = 24,990.00) and mailed with its PDF", async () => {
    const context = testWorkerContext(database, smtp, { now: PURCHASE });
    const pass = await deliverDueOutboxEvents(context, outboxRouting(licensingBillingOutboxHandlers));
    expect(pass.failed).toBe(0);

    const stored = await invoices();
    expect(stored.map((invoice) => [invoice.sourceKey, invoice.number, invoice.status])).toEqual([
      ["license-order:order-cloud", "RE-2026-000001", "finalized"],
      ["license-order:order-dc", "RE-2026-000002", "finalized"],
    ]);
    const [cloud, dc] = stored.map((invoice) => invoice.document as StoredInvoice);
    expect(dc?.lines.map((line) => [line.kind, line.description, line.quantity, cents(line.netAmount)])).toEqual([["license-purchase", "Jira Data Center, 500 Nutzer", "1", "21000.00"]]);
    // T5: 19 % of 21,000.00 = 3,990.00; L5: supplied on the purchase day; T1: net 30 → 2026-07-15.
    expect([cents(dc?.totals.lineNetTotal ?? eur("0")), cents(dc?.totals.taxTotal ?? eur("0")), cents(dc?.totals.grandTotal ?? eur("0"))]).toEqual(["21000.00", "3990.00", "24990.00"]);
    expect([dc?.issueDate, dc?.deliveryDate, dc?.paymentTerms.dueDate]).toEqual(["2026-06-15", "2026-06-15", "2026-07-15"]);
    expect([cents(cloud?.totals.taxTotal ?? eur("0")), cents(cloud?.totals.grandTotal ?? eur("0"))]).toEqual(["1045.00", "6545.00"]);
    // L1: the customer's own order number is the invoice's purchase order reference.
    expect(cloud?.purchaseOrderReference).toBe("BEST-2026-4711");

    // In event order: invoices to the billing address; the cloud order's delivery note (L5: no key) also to the technical contact.
    await smtp.waitFor(3);
    expect(smtp.mails.map((mail) => [mail.parsed.subject, mail.envelopeTo])).toEqual([
      ["Rechnung RE-2026-000001 – Lizenzauftrag order-cloud", [BILLING]],
      ["Lieferschein LS-2026-000001 – Lizenzauftrag order-cloud", [BILLING, CONTACT.email]],
      ["Rechnung RE-2026-000002 – Lizenzauftrag order-dc", [BILLING]],
    ]);
    const [, noteMail, dcMail] = smtp.mails;
    if (dcMail === undefined || noteMail === undefined) throw new Error("mails missing");
    const invoiceText = await readPdfText(pdfOf(dcMail));
    expect(invoiceText).toContain("RE-2026-000002");
    expect(invoiceText).toContain("24.990,00");
    const noteText = await readPdfText(pdfOf(noteMail));
    for (const expected of ["LS-2026-000001", "RE-2026-000001", "BEST-2026-4711", "Müller GmbH – Zentraleinkauf", "Confluence Cloud, 100 Nutzer", "mueller.atlassian.net"]) {
      expect(noteText).toContain(expected);
    }

    // L5: the delivered cloud order is invoiced; the Data Center order still waits for its key.
    expect(orderSchema.parse((await findLicenseOrder(database.db, "order-cloud"))?.record)).toMatchObject({ status: "invoiced", invoiceNumber: "RE-2026-000001" });
    expect((await findLicenseOrder(database.db, "order-dc"))?.status).toBe("purchased");
  });

  it("L5: redelivering every event creates no second invoice, delivery note number or mail", async () => {
    const context = testWorkerContext(database, smtp, { now: new Date("2026-06-16T06:00:00Z") });
    await handleAgain(context);
    expect((await invoices()).map((invoice) => invoice.number)).toEqual(["RE-2026-000001", "RE-2026-000002"]);
    expect(await lastIssued(database, "delivery-notes")).toBe("LS-2026-000001");
    expect(await database.db.select().from(schema.mailDeliveries)).toHaveLength(3);
    expect(smtp.mails).toHaveLength(3);
  });

  it("L5, L13: once staff delivers the Data Center key, its delivery note LS-2026-000002 lists the key and names invoice RE-2026-000002, and the order is invoiced", async () => {
    await deliverWithKey("order-dc", JIRA_KEY);
    // The outbox keeps the key sealed (L13); only the mailed document shows it.
    const [noteEvent] = (await billingEvents()).filter((event) => event.aggregateId === "order-dc" && event.topic === DELIVERY_NOTE_TO_SEND_TOPIC);
    expect(JSON.stringify(noteEvent?.payload)).not.toContain(JIRA_KEY);

    const context = testWorkerContext(database, smtp, { now: DELIVERY });
    expect((await deliverDueOutboxEvents(context, outboxRouting(licensingBillingOutboxHandlers))).failed).toBe(0);
    await smtp.waitFor(4);
    expect(smtp.mails).toHaveLength(4);
    const noteMail = smtp.mails[3];
    if (noteMail === undefined) throw new Error("delivery note mail missing");
    expect([noteMail.parsed.subject, noteMail.envelopeTo]).toEqual(["Lieferschein LS-2026-000002 – Lizenzauftrag order-dc", [BILLING, CONTACT.email]]);
    const noteText = await readPdfText(pdfOf(noteMail));
    for (const expected of ["LS-2026-000002", "RE-2026-000002", "Jira Data Center, 500 Nutzer", JIRA_KEY]) expect(noteText).toContain(expected);

    expect((await invoices()).map((invoice) => invoice.number)).toEqual(["RE-2026-000001", "RE-2026-000002"]);
    expect(orderSchema.parse((await findLicenseOrder(database.db, "order-dc"))?.record)).toMatchObject({ status: "invoiced", invoiceNumber: "RE-2026-000002" });

    await handleAgain(context);
    expect(smtp.mails).toHaveLength(4);
    expect(await lastIssued(database, "delivery-notes")).toBe("LS-2026-000002");
  });
});
