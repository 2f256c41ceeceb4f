import { releaseServiceReport } from "@kontor/api";
import { insertOrganization, saveBillingSettings, schema, type Clock, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { INVOICE_NUMBER_SERIES, type BillingSettings } from "@kontor/invoicing";
import type { MoneyJson } from "@kontor/money";
import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { WEBER_LOGISTIK } from "../testing/billing-customers.js";
import { firstOutboxEvent, redeliverToBillingHandler } from "../testing/billing-outbox-events.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { tenHourContingent } from "../testing/ten-hour-contingent.js";
import { lastIssued, pdfOf } from "../testing/mail-pdf.js";
import { moneyText } from "../testing/money-text.js";
import { insertTestContract, recordTestTimeEntries } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { INVOICE_DUE_TOPIC, SERVICE_REPORT_READY_TOPIC, SERVICE_REPORT_RELEASED_TOPIC, billingOutboxHandlers } from "./billing-outbox-handlers.js";
import { DEFAULT_BILLING_SETTINGS } from "./billing-settings.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";

// 00:10 on 1 December 2026 in Berlin (CET, UTC+1): November has ended.
const NOW = new Date("2026-11-30T23:10:00Z");
// The back office checks November's services on Wednesday 2 December, 09:30 in Berlin.
const RELEASED_AT = new Date("2026-12-02T08:30:00Z");
const REPORT_ID = "SR-ct-weber-2026-11";

/** K1: this installation's back office checks every month before it goes to the customer. */
const BACK_OFFICE_RELEASE: BillingSettings = { ...DEFAULT_BILLING_SETTINGS, billingRelease: "back-office" };

const WEBER = WEBER_LOGISTIK;
const CONTRACT = tenHourContingent("ct-weber", WEBER.id);

interface StoredInvoice {
  readonly issueDate: string;
  readonly serviceReportId?: string;
  readonly paymentTerms: { readonly dueDate: string };
  readonly lines: readonly { readonly kind: string; readonly quantity: string; readonly netAmount: MoneyJson }[];
  readonly totals: { readonly lineNetTotal: MoneyJson; readonly taxTotal: MoneyJson; readonly grandTotal: MoneyJson };
}

/** A clock the test moves from the close to the back office's release. */
function movableClock(start: Date): Clock & { set(instant: Date): void } {
  let now = start;
  return { now: () => now, set: (instant) => (now = instant) };
}

describe(`billing released by the back office on ${testDatabaseKind()} (K1, C8, C5)`, () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;
  const clock = movableClock(NOW);
  const routing = outboxRouting(billingOutboxHandlers);

  /** What went out or was stored: reports with their release, invoices, mail keys and subjects. */
  async function issued() {
    const [reports, invoices, deliveries] = await Promise.all([
      database.db.select({ id: schema.serviceReports.id, releasedAt: schema.serviceReports.releasedAt, releasedBy: schema.serviceReports.releasedBy }).from(schema.serviceReports),
      database.db.select({ number: schema.invoices.number, sourceKey: schema.invoices.sourceKey }).from(schema.invoices),
      database.db.select({ key: schema.mailDeliveries.dedupeKey }).from(schema.mailDeliveries),
    ]);
    return { reports, invoices, deliveries: deliveries.map((delivery) => delivery.key).sort(), subjects: smtp.mails.map((mail) => mail.parsed.subject), lastNumber: await lastIssued(database, INVOICE_NUMBER_SERIES.id) };
  }

  async function billingEvents(): Promise<OutboxRow[]> {
    return database.db
      .select()
      .from(schema.outbox)
      .where(inArray(schema.outbox.topic, [SERVICE_REPORT_READY_TOPIC, INVOICE_DUE_TOPIC, SERVICE_REPORT_RELEASED_TOPIC]))
      .orderBy(asc(schema.outbox.id));
  }

  beforeAll(async () => {
    worker = await startTestWorker({ clock });
    ({ database, smtp, context } = worker);
    const recordedAt = new Date("2026-11-30T17:00:00Z");
    await insertOrganization(database.db, WEBER, recordedAt);
    const stored = await insertTestContract(database, CONTRACT, recordedAt);
    // C5, C6: 95 minutes billed as 105, 240 billed as 240, and 30 non-billable with its justification: 345 of 600 minutes.
    const common = { contractId: stored.contract.id, technician: "S. Wassmann", workType: "remote-support", location: "remote" as const };
    const entries = [
      { ...common, id: "w1", workDate: "2026-11-04", rawMinutes: 95, ticketRef: "T-2026-000301-4", billable: true, description: "Drucker im Empfang eingerichtet" },
      { ...common, id: "w2", workDate: "2026-11-12", rawMinutes: 30, ticketRef: "T-2026-000302-1", billable: false, justification: "Nacharbeit eigener Fehler", description: "VPN-Profil erneut verteilt" },
      { ...common, id: "w3", workDate: "2026-11-30", rawMinutes: 240, ticketRef: "T-2026-000303-8", billable: true, description: "Lagerverwaltung migriert" },
    ];
    await recordTestTimeEntries(database, stored, entries, recordedAt);
    // Stored as an admin does with PUT /v1/billing-settings.
    expect(await saveBillingSettings(database.db, { settings: BACK_OFFICE_RELEASE, updatedBy: "staff-admin" }, 0, recordedAt)).toMatchObject({ version: 1 });
    for (const item of await monthCloseJob.plan(context, NOW)) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed", month: "2026-11" });
  });
  afterAll(() => worker.close());

  it("K1, C8: November's report is stored held; after both events nothing is mailed, no invoice composed and no number taken, and the events are done, not retried", async () => {
    expect(await deliverDueOutboxEvents(context, routing)).toMatchObject({ failed: 0 });
    expect(await issued()).toEqual({ reports: [{ id: REPORT_ID, releasedAt: null, releasedBy: null }], invoices: [], deliveries: [], subjects: [], lastNumber: undefined });
    const events = await billingEvents();
    expect(events.map((event) => [event.topic, event.attempts, event.lastError, event.deliveredAt === null])).toEqual([
      [SERVICE_REPORT_READY_TOPIC, 1, null, false],
      [INVOICE_DUE_TOPIC, 1, null, false],
    ]);
    expect(await deliverDueOutboxEvents(context, routing)).toEqual({ delivered: 0, failed: 0 });

    // At-least-once: each event again, the invoice's first (as another worker might), sends nothing either.
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC));
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, SERVICE_REPORT_READY_TOPIC));
    expect(await issued()).toMatchObject({ reports: [{ id: REPORT_ID, releasedAt: null }], invoices: [], subjects: [], lastNumber: undefined });
  });

  it("K1: switching the installation back to automatic billing does not release a report the back office has not checked", async () => {
    expect(await saveBillingSettings(database.db, { settings: { ...BACK_OFFICE_RELEASE, billingRelease: "automatic" }, updatedBy: "staff-admin" }, 1, NOW)).toMatchObject({ version: 2 });
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, SERVICE_REPORT_READY_TOPIC));
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC));
    expect(await issued()).toMatchObject({ reports: [{ id: REPORT_ID, releasedAt: null }], invoices: [], subjects: [], lastNumber: undefined });
    expect(await saveBillingSettings(database.db, { settings: BACK_OFFICE_RELEASE, updatedBy: "staff-admin" }, 2, NOW)).toMatchObject({ version: 3 });
  });

  it("K1, C8: released by the back office, the report is mailed, then the invoice: 950.00 net, 180.50 VAT, 1,130.50 gross, issued on the day of the release", async () => {
    clock.set(RELEASED_AT);
    const release = await releaseServiceReport(database.db, REPORT_ID, "staff-back-office", RELEASED_AT);
    expect(release).toMatchObject({ status: "released", report: { id: REPORT_ID, releasedAt: RELEASED_AT, releasedBy: "staff-back-office" } });
    // The release and its event committed together; nothing went out yet.
    expect((await firstOutboxEvent(database, SERVICE_REPORT_RELEASED_TOPIC, "ct-weber")).payload).toMatchObject({ organizationId: WEBER.id, event: { contractId: "ct-weber", month: "2026-11" } });
    expect(smtp.mails).toEqual([]);

    expect(await deliverDueOutboxEvents(context, routing)).toMatchObject({ failed: 0 });
    // C8: the report before the invoice that shows only its ID, both to Weber's billing address.
    expect(smtp.mails.map((mail) => [mail.envelopeTo, mail.parsed.subject])).toEqual([
      [["rechnungen@weber-logistik.de"], `Servicebericht ${REPORT_ID} – November 2026`],
      [["rechnungen@weber-logistik.de"], "Rechnung RE-2026-000001 – November 2026"],
    ]);
    const [reportMail, invoiceMail] = smtp.mails;
    if (reportMail === undefined || invoiceMail === undefined) throw new Error("mails missing");
    const report = await readPdfText(pdfOf(reportMail));
    expect(report).toContain(REPORT_ID);
    // C5: the non-billable entry is listed as work performed, with its justification.
    for (const text of ["Drucker im Empfang eingerichtet", "VPN-Profil erneut verteilt", "Nacharbeit eigener Fehler", "Lagerverwaltung migriert"]) expect(report).toContain(text);

    const [invoice, ...others] = await database.db.select({ number: schema.invoices.number, sourceKey: schema.invoices.sourceKey, document: schema.invoices.document }).from(schema.invoices);
    expect(others).toEqual([]);
    expect([invoice?.number, invoice?.sourceKey]).toEqual(["RE-2026-000001", "contingent:ct-weber:2026-11"]);
    const document = invoice?.document as StoredInvoice;
    // C2: the agreed 10 hours (345 minutes used); T5: 19 % of 950.00 = 180.50.
    expect(document.lines.map((line) => [line.kind, line.quantity, moneyText(line.netAmount)])).toEqual([["monthly-contingent", "1", "950.00 EUR"]]);
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["950.00 EUR", "180.50 EUR", "1130.50 EUR"]);
    // Issued when released, not dated back to the close on 1 December; T1 net 30 ends on
    // 1 January 2027 (New Year's Day), §193 BGB moves it past the weekend to Monday 4 January.
    expect([document.issueDate, document.paymentTerms.dueDate, document.serviceReportId]).toEqual(["2026-12-02", "2027-01-04", REPORT_ID]);
    const invoicePdf = await readPdfText(pdfOf(invoiceMail));
    expect(invoicePdf).toContain("RE-2026-000001");
    expect(invoicePdf).toContain(REPORT_ID);
    expect(invoicePdf).toContain("1.130,50");
    expect(await lastIssued(database, INVOICE_NUMBER_SERIES.id)).toBe("RE-2026-000001");
  });

  it("exactly once: every one of the three events again, and a second release, issues no second report, invoice, number or mail", async () => {
    const before = await issued();
    expect(before.deliveries).toEqual([expect.stringMatching(/^invoice-mail:/), `service-report-mail:ct-weber:2026-11`]);
    const events = await billingEvents();
    expect(events.map((event) => event.topic)).toEqual([SERVICE_REPORT_READY_TOPIC, INVOICE_DUE_TOPIC, SERVICE_REPORT_RELEASED_TOPIC]);
    for (const event of events) await redeliverToBillingHandler(context, event);
    expect(await releaseServiceReport(database.db, REPORT_ID, "staff-admin", new Date("2026-12-02T09:00:00Z"))).toMatchObject({ status: "already-released", report: { releasedBy: "staff-back-office" } });
    expect(await deliverDueOutboxEvents(context, routing)).toEqual({ delivered: 0, failed: 0 });
    expect(await billingEvents()).toHaveLength(3);
    expect(await issued()).toEqual(before);
    expect(smtp.mails).toHaveLength(2);
  });
});

describe(`billing released automatically on ${testDatabaseKind()} (K1, C8)`, () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;

  beforeAll(async () => {
    worker = await startTestWorker({ now: NOW });
    ({ database, smtp, context } = worker);
    await insertOrganization(database.db, WEBER, NOW);
    await insertTestContract(database, CONTRACT, NOW);
    // Stored with the option spelled out: the same as leaving it out (the month-end tests do).
    await saveBillingSettings(database.db, { settings: { ...DEFAULT_BILLING_SETTINGS, billingRelease: "automatic" }, updatedBy: "staff-admin" }, 0, NOW);
    for (const item of await monthCloseJob.plan(context, NOW)) await monthCloseJob.runItem(context, item, NOW);
  });
  afterAll(() => worker.close());

  it("K1, C8: the report is stored released by 'automatic' at the handling instant, and report and invoice go out at month close", async () => {
    expect(await deliverDueOutboxEvents(context, outboxRouting(billingOutboxHandlers))).toMatchObject({ failed: 0 });
    expect(await database.db.select({ id: schema.serviceReports.id, releasedAt: schema.serviceReports.releasedAt, releasedBy: schema.serviceReports.releasedBy }).from(schema.serviceReports)).toEqual([
      { id: REPORT_ID, releasedAt: NOW, releasedBy: "automatic" },
    ]);
    expect(smtp.mails.map((mail) => mail.parsed.subject)).toEqual([`Servicebericht ${REPORT_ID} – November 2026`, "Rechnung RE-2026-000001 – November 2026"]);
    const [invoice] = await database.db.select({ document: schema.invoices.document }).from(schema.invoices);
    // An empty month still bills the agreed hours (C2); issued on the day of the close as before.
    const document = invoice?.document as StoredInvoice;
    expect([document.issueDate, moneyText(document.totals.grandTotal)]).toEqual(["2026-12-01", "1130.50 EUR"]);
    // A release by the back office finds it released already.
    expect(await releaseServiceReport(database.db, REPORT_ID, "staff-back-office", NOW)).toMatchObject({ status: "already-released", report: { releasedBy: "automatic" } });
    expect(await database.db.select().from(schema.outbox).where(inArray(schema.outbox.topic, [SERVICE_REPORT_RELEASED_TOPIC]))).toEqual([]);
  });
});
