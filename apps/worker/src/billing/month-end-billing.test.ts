import { schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { INVOICE_NUMBER_SERIES, checkNumberSequence } from "@kontor/invoicing";
import type { MoneyJson } from "@kontor/money";
import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { redeliverToBillingHandler } from "../testing/billing-outbox-events.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { pdfOf } from "../testing/mail-pdf.js";
import { moneyText } from "../testing/money-text.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { INVOICE_DUE_TOPIC, SERVICE_REPORT_READY_TOPIC, billingOutboxHandlers } from "./billing-outbox-handlers.js";
import { seedBillingScenario, type BillingScenario } from "./billing-scenario.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";

// 00:10 on 1 June 2026 in Berlin (CEST, UTC+2): May has ended.
const NOW = new Date("2026-05-31T22:10:00Z");

interface StoredTotals {
  readonly totals: { readonly lineNetTotal: MoneyJson; readonly taxTotal: MoneyJson; readonly grandTotal: MoneyJson };
  readonly lines: readonly { readonly kind: string; readonly quantity: string; readonly netAmount: MoneyJson }[];
}

async function runMonthClose(context: WorkerContext): Promise<void> {
  for (const item of await monthCloseJob.plan(context, NOW)) await monthCloseJob.runItem(context, item, NOW);
}

async function billingEvents(database: DatabaseHandle): Promise<OutboxRow[]> {
  return database.db
    .select()
    .from(schema.outbox)
    .where(inArray(schema.outbox.topic, [SERVICE_REPORT_READY_TOPIC, INVOICE_DUE_TOPIC]))
    .orderBy(asc(schema.outbox.id));
}

async function counts(database: DatabaseHandle) {
  const [closes, reports, invoices, deliveries, outbox] = await Promise.all([
    database.db.select().from(schema.contingentMonthCloses),
    database.db.select({ id: schema.serviceReports.id }).from(schema.serviceReports),
    database.db.select({ id: schema.invoices.id }).from(schema.invoices),
    database.db.select({ key: schema.mailDeliveries.dedupeKey }).from(schema.mailDeliveries),
    database.db.select({ id: schema.outbox.id }).from(schema.outbox),
  ]);
  return { closes: closes.length, reports: reports.length, invoices: invoices.length, deliveries: deliveries.length, outbox: outbox.length };
}

describe("month-end billing (C2, C5, C6, C8)", () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;
  let scenario: BillingScenario;

  beforeAll(async () => {
    worker = await startTestWorker({ now: NOW });
    ({ database, smtp, context } = worker);
    scenario = await seedBillingScenario(database, { contracts: 2, now: NOW });
  });
  afterAll(() => worker.close());

  it("C8: closes May once per contract, mails each service report before its invoice, and bills 950.00 net, 180.50 VAT, 1,130.50 gross under gap-free numbers", async () => {
    expect(scenario.month).toBe("2026-05");
    await runMonthClose(context);
    const pass = await deliverDueOutboxEvents(context, outboxRouting(billingOutboxHandlers), { limit: 1000 });
    expect(pass.failed).toBe(0);

    expect(await counts(database)).toMatchObject({ closes: 2, reports: 2, invoices: 2, deliveries: 4 });
    const invoices = await database.db
      .select({ number: schema.invoices.number, status: schema.invoices.status, sourceKey: schema.invoices.sourceKey, organizationId: schema.invoices.organizationId, document: schema.invoices.document })
      .from(schema.invoices)
      .orderBy(asc(schema.invoices.number));
    expect(invoices.map((invoice) => invoice.status)).toEqual(["finalized", "finalized"]);
    expect(invoices.map((invoice) => invoice.sourceKey).sort()).toEqual(scenario.contractIds.map((id) => `contingent:${id}:2026-05`));
    const numbers = invoices.map((invoice) => invoice.number ?? "");
    expect(checkNumberSequence(INVOICE_NUMBER_SERIES, numbers)).toEqual({ ok: true, value: true });
    for (const invoice of invoices) {
      const document = invoice.document as StoredTotals;
      // C2: the monthly invoice for the agreed 10 hours; T5: 19 % of 950.00 = 180.50.
      expect(document.lines.map((line) => [line.kind, line.quantity, moneyText(line.netAmount)])).toEqual([["monthly-contingent", "1", "950.00 EUR"]]);
      expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["950.00 EUR", "180.50 EUR", "1130.50 EUR"]);
    }

    // Per customer: the service report first, then the invoice (C8), each with its PDF.
    expect(smtp.mails).toHaveLength(4);
    for (const contractId of scenario.contractIds) {
      const organizationId = contractId.replace("ct-billing-", "org-billing-");
      const recipient = scenario.recipients.get(organizationId);
      const mails = smtp.mails.filter((mail) => mail.envelopeTo.includes(recipient ?? "?"));
      const reportId = `SR-${contractId}-2026-05`;
      const invoice = invoices.find((candidate) => candidate.organizationId === organizationId);
      expect(mails.map((mail) => mail.parsed.subject)).toEqual([`Servicebericht ${reportId} – Mai 2026`, `Rechnung ${invoice?.number ?? "?"} – Mai 2026`]);

      const [reportMail, invoiceMail] = mails;
      if (reportMail === undefined || invoiceMail === undefined) throw new Error("mails missing");
      // K4: customer documents are automated mail too; an out-of-office reply to them opens no ticket.
      for (const mail of mails) expect([mail.parsed.headers.get("auto-submitted"), mail.parsed.headers.get("x-auto-response-suppress")]).toEqual(["auto-generated", "All"]);
      const report = await readPdfText(pdfOf(reportMail));
      expect(report).toContain(reportId);
      // C5: the non-billable entry is listed as work performed, with its justification.
      expect(report).toContain("Drucker im Empfang eingerichtet");
      expect(report).toContain("VPN-Profil erneut verteilt");
      expect(report).toContain("Nacharbeit eigener Fehler");
      const invoicePdf = await readPdfText(pdfOf(invoiceMail));
      expect(invoicePdf).toContain(invoice?.number ?? "?");
      expect(invoicePdf).toContain(reportId);
      expect(invoicePdf).toContain("1.130,50");
    }
  });

  it("exactly once: planning, closing and handling every event again writes no second close, report, invoice or mail", async () => {
    const before = await counts(database);
    await runMonthClose(context);
    for (const contractId of scenario.contractIds) {
      expect(await monthCloseJob.runItem(context, { key: `${contractId}:2026-05`, data: { contractId, month: "2026-05" } }, NOW)).toMatchObject({ status: "already-closed" });
    }
    // Every billing event to its handler again, each in a transaction of its own (an at-least-once redelivery).
    for (const event of await billingEvents(database)) await redeliverToBillingHandler(context, event);
    expect(await deliverDueOutboxEvents(context, outboxRouting(billingOutboxHandlers))).toEqual({ delivered: 0, failed: 0 });
    expect(await counts(database)).toEqual(before);
    expect(smtp.mails).toHaveLength(4);
  });
});
