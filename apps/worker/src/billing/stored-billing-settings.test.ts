import { Writable } from "node:stream";
import { testDatabaseKind } from "@kontor/db/testing";
import { findBillingSettings, saveBillingSettings, schema, type Clock, type DatabaseHandle } from "@kontor/db";
import type { BillingSettings } from "@kontor/invoicing";
import { inArray } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { INVOICE_DUE_TOPIC, SERVICE_REPORT_READY_TOPIC, billingOutboxHandlers } from "./billing-outbox-handlers.js";
import { DEFAULT_BILLING_SETTINGS } from "./billing-settings.js";
import { seedBillingScenario, type BillingScenario } from "./billing-scenario.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";
import { pdfOf } from "../testing/mail-pdf.js";

// 00:10 on 1 June 2026 in Berlin (CEST, UTC+2): May has ended.
const NOW = new Date("2026-05-31T22:10:00Z");

/** The installation's own company, stored through the API (here: the repository) instead of the file. */
const NORDLICHT: BillingSettings = {
  seller: {
    name: "Nordlicht IT GmbH",
    address: { lines: ["Hafenstraße 3"], postcode: "20457", city: "Hamburg", countryCode: "DE" },
    vatId: "DE811907980",
    contact: { name: "Jana Petersen", phone: "+49 40 1234567", email: "rechnung@nordlicht-it.example" },
    electronicAddress: { scheme: "EM", value: "rechnung@nordlicht-it.example" },
  },
  // Input form as an admin typed it: spaces; the invoice carries the electronic form.
  paymentMeans: { kind: "sepa-credit-transfer", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX", accountName: "Nordlicht IT GmbH" },
  netDays: 14,
};

interface StoredDocument {
  readonly seller: { readonly name: string; readonly vatId?: string };
  readonly paymentMeans: { readonly kind: string; readonly iban?: string };
  readonly issueDate: string;
  readonly paymentTerms: { readonly dueDate: string };
}

/** A clock the test moves, so that a failed event becomes due again (retry backoff). */
function movableClock(start: Date): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now = new Date(now.getTime() + ms)) };
}

describe(`billing with stored settings on ${testDatabaseKind()} (C8, T1)`, () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;
  let scenario: BillingScenario;
  const clock = movableClock(NOW);
  const logLines: { level: number; msg: string; field?: string }[] = [];
  const routing = outboxRouting(billingOutboxHandlers);

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(JSON.parse(chunk.toString("utf8")) as { level: number; msg: string; field?: string });
        done();
      },
    });
    worker = await startTestWorker({ clock, logger: pino({ level: "info" }, logStream) });
    ({ database, smtp, context } = worker);
    // Three contracts close May: one billed before settings are stored, one after, one under a broken row.
    scenario = await seedBillingScenario(database, { contracts: 3, now: NOW });
    for (const item of await monthCloseJob.plan(context, NOW)) await monthCloseJob.runItem(context, item, NOW);
  });
  afterAll(() => worker.close());

  /** The contracts' invoices billed so far, by contract id. */
  async function invoicesByContract(): Promise<Map<string, StoredDocument>> {
    const rows = await database.db.select({ sourceKey: schema.invoices.sourceKey, document: schema.invoices.document }).from(schema.invoices);
    return new Map(rows.map((row) => [row.sourceKey?.split(":")[1] ?? "?", row.document as StoredDocument]));
  }

  /** Hands the next contract month's two events (report, then invoice) to the handlers. */
  async function billNextContract(): Promise<{ readonly contractId: string; readonly invoice: StoredDocument; readonly reportText: string; readonly invoiceText: string }> {
    const before = await invoicesByContract();
    const mailsBefore = smtp.mails.length;
    // `delivered` also counts the events nobody consumes (invoice.finalized): count the invoices instead.
    expect((await deliverDueOutboxEvents(context, routing, { limit: 2 })).failed).toBe(0);
    const after = await invoicesByContract();
    const billed = [...after.entries()].filter(([contractId]) => !before.has(contractId));
    expect(billed).toHaveLength(1);
    const [[contractId, invoice]] = billed as [[string, StoredDocument]];
    const [reportMail, invoiceMail] = smtp.mails.slice(mailsBefore);
    if (reportMail === undefined || invoiceMail === undefined) throw new Error("report and invoice mails missing");
    return { contractId, invoice, reportText: await readPdfText(pdfOf(reportMail)), invoiceText: await readPdfText(pdfOf(invoiceMail)) };
  }

  it("C8: with no stored row, the invoice and service report carry the worker's settings (the file, here the demo seller)", async () => {
    expect(await findBillingSettings(database.db)).toBeUndefined();
    const billed = await billNextContract();
    expect(billed.invoice.seller).toMatchObject({ name: DEFAULT_BILLING_SETTINGS.seller.name, vatId: "DE136695976" });
    expect(billed.invoice.paymentMeans).toMatchObject({ kind: "sepa-credit-transfer", iban: "DE02120300000000202051" });
    expect(billed.reportText).toContain("DE136695976");
  });

  it("C8, T1: once settings are stored, the next invoice and service report carry the stored seller's VAT id and IBAN and its net days, without a restart", async () => {
    expect(await saveBillingSettings(database.db, { settings: NORDLICHT, updatedBy: "staff-admin" }, 0, NOW)).toMatchObject({ version: 1 });
    const billed = await billNextContract();
    expect(billed.invoice.seller).toMatchObject({ name: "Nordlicht IT GmbH", vatId: "DE811907980" });
    expect(billed.invoice.paymentMeans).toMatchObject({ kind: "sepa-credit-transfer", iban: "DE89370400440532013000" });
    // T1: net 14 from 1 June 2026 is 15 June (a Monday).
    expect([billed.invoice.issueDate, billed.invoice.paymentTerms.dueDate]).toEqual(["2026-06-01", "2026-06-15"]);
    for (const text of [billed.reportText, billed.invoiceText]) {
      expect(text).toContain("Nordlicht IT GmbH");
      expect(text).toContain("DE811907980");
      expect(text).not.toContain("DE136695976");
    }
    // The row keeps the input form (IBAN as typed); only the documents normalize it.
    expect((await findBillingSettings(database.db))?.settings).toEqual(NORDLICHT);
  });

  it("C8: a stored row that no longer parses fails the event with a log line naming the field, never falls back; fixed, the retry bills with the fixed settings", async () => {
    // A row broken behind the API's back (by hand, or by an older release): the IBAN's check digits no longer match.
    await database.query("UPDATE billing_settings SET settings = jsonb_set(settings, '{paymentMeans,iban}', '\"DE88 3704 0044 0532 0130 00\"')");
    const invoicesBefore = await invoicesByContract();
    const mailsBefore = smtp.mails.length;

    expect((await deliverDueOutboxEvents(context, routing)).failed).toBe(2);
    expect(await invoicesByContract()).toEqual(invoicesBefore);
    expect(smtp.mails).toHaveLength(mailsBefore);
    const failedEvents = await database.db
      .select({ topic: schema.outbox.topic, attempts: schema.outbox.attempts, lastError: schema.outbox.lastError, deliveredAt: schema.outbox.deliveredAt })
      .from(schema.outbox)
      .where(inArray(schema.outbox.topic, [SERVICE_REPORT_READY_TOPIC, INVOICE_DUE_TOPIC]));
    const pending = failedEvents.filter((event) => event.deliveredAt === null);
    expect(pending.map((event) => event.topic).sort()).toEqual([INVOICE_DUE_TOPIC, SERVICE_REPORT_READY_TOPIC]);
    for (const event of pending) {
      expect(event.attempts).toBe(1);
      expect(event.lastError).toMatch(/^Stored billing settings \(version 1\) are invalid at paymentMeans\.iban: /);
    }
    const errors = logLines.filter((line) => line.level >= 50);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.every((line) => line.field === "paymentMeans.iban" && line.msg.includes("paymentMeans.iban"))).toBe(true);

    // An admin stores valid settings again; the events are retried after their backoff.
    expect(await saveBillingSettings(database.db, { settings: { ...NORDLICHT, netDays: 30 }, updatedBy: "staff-admin" }, 1, NOW)).toMatchObject({ version: 2 });
    clock.advance(60 * 60_000);
    expect((await deliverDueOutboxEvents(context, routing)).failed).toBe(0);
    const last = scenario.contractIds.find((contractId) => !invoicesBefore.has(contractId));
    const invoice = (await invoicesByContract()).get(last ?? "?");
    expect(invoice?.seller.vatId).toBe("DE811907980");
    expect(invoice?.paymentMeans.iban).toBe("DE89370400440532013000");
    expect(invoice?.paymentTerms.dueDate).toBe("2026-07-01");
    expect([...(await invoicesByContract()).keys()].sort()).toEqual([...scenario.contractIds].sort());
  });
});
