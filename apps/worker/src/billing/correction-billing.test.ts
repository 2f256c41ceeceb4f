import { insertOrganization, schema, type DatabaseHandle } from "@kontor/db";
import type { MoneyJson } from "@kontor/money";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBER_LOGISTIK } from "../testing/billing-customers.js";
import { firstOutboxEvent, redeliverToBillingHandler } from "../testing/billing-outbox-events.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { tenHourContingent } from "../testing/ten-hour-contingent.js";
import { moneyText } from "../testing/money-text.js";
import { insertTestContract, recordTestTimeEntries } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { INVOICE_DUE_TOPIC, SERVICE_REPORT_READY_TOPIC } from "./billing-outbox-handlers.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";

// 00:10 on 1 December 2026 in Berlin (CET, UTC+1, after the DST change of 25 October).
const NOW = new Date("2026-11-30T23:10:00Z");

const WEBER = WEBER_LOGISTIK;
const CONTRACT = tenHourContingent("ct-weber", WEBER.id);

describe("month-end billing of an overbooked contingent (C3, C4, C8)", () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;

  beforeAll(async () => {
    worker = await startTestWorker({ now: NOW });
    ({ database, smtp, context } = worker);
    const recordedAt = new Date("2026-11-30T17:00:00Z");
    await insertOrganization(database.db, WEBER, recordedAt);
    const stored = await insertTestContract(database, CONTRACT, recordedAt);
    // C3: four 4-hour jobs in November, 960 minutes against a credit of 600.
    const entries = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-30"].map((workDate, index) => ({
      id: `w${index + 1}`,
      contractId: stored.contract.id,
      workDate,
      rawMinutes: 240,
      technician: "S. Wassmann",
      ticketRef: `T-2026-00020${index}-0`,
      workType: "remote-support",
      location: "remote" as const,
      billable: true,
      description: `Lagerverwaltung migriert, Teil ${index + 1}`,
    }));
    await recordTestTimeEntries(database, stored, entries, recordedAt);
  });
  afterAll(() => worker.close());

  it("C4, C8: the correction (6 h × 95.00) is billed on November's invoice, and handling invoice-due before service-report-ready still mails the report first", async () => {
    for (const item of await monthCloseJob.plan(context, NOW)) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed", month: "2026-11" });
    // C4: −360 minutes is below −50 % of 600: one correction event, billed with the month.
    expect((await firstOutboxEvent(database, "contingent.correction-invoice-due")).payload).toMatchObject({ event: { deficitMinutes: 360, trigger: "deficit-below-limit" } });

    // The invoice event arrives first (another worker has not handled the report's event yet).
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC));
    expect(smtp.mails.map((mail) => mail.parsed.subject)).toEqual([
      "Servicebericht SR-ct-weber-2026-11 – November 2026",
      expect.stringMatching(/^Rechnung RE-\S+ – November 2026$/),
    ]);
    expect(smtp.mails.map((mail) => mail.envelopeTo)).toEqual([["rechnungen@weber-logistik.de"], ["rechnungen@weber-logistik.de"]]);

    const [invoice, ...others] = await database.db.select({ number: schema.invoices.number, document: schema.invoices.document }).from(schema.invoices);
    expect(others).toEqual([]);
    const document = invoice?.document as {
      readonly issueDate: string;
      readonly lines: readonly { kind: string; quantity: string; unitPrice: MoneyJson; netAmount: MoneyJson }[];
      readonly totals: { lineNetTotal: MoneyJson; taxTotal: MoneyJson; grandTotal: MoneyJson };
      readonly paymentTerms: { dueDate: string };
    };
    expect(document.lines.map((line) => [line.kind, line.quantity, moneyText(line.unitPrice), moneyText(line.netAmount)])).toEqual([
      ["monthly-contingent", "1", "950.00 EUR", "950.00 EUR"],
      ["correction", "6", "95.00 EUR", "570.00 EUR"],
    ]);
    // T5: 19 % of 1,520.00 = 288.80. Issued on 1 December in Berlin (UTC still says 30 November), due net 30.
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["1520.00 EUR", "288.80 EUR", "1808.80 EUR"]);
    expect(document.issueDate).toBe("2026-12-01");
    expect(document.paymentTerms.dueDate).toBe("2026-12-31");
    const pdf = smtp.mails[1]?.parsed.attachments[0]?.content;
    if (pdf === undefined) throw new Error("invoice mail without PDF");
    const text = await readPdfText(new Uint8Array(pdf));
    expect(text).toContain(invoice?.number ?? "?");
    expect(text).toContain("1.808,80");
    expect(text).toContain("SR-ct-weber-2026-11");

    // The report's own event now finds its mail sent; a redelivered invoice event finds its invoice.
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, SERVICE_REPORT_READY_TOPIC));
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC));
    expect(smtp.mails).toHaveLength(2);
    expect(await database.db.select({ id: schema.invoices.id }).from(schema.invoices)).toHaveLength(1);
    expect(await database.db.select({ id: schema.serviceReports.id }).from(schema.serviceReports)).toEqual([{ id: "SR-ct-weber-2026-11" }]);
  });

  it("C4: the overbooked month reaches the account manager the contract names, once", async () => {
    const flag = await firstOutboxEvent(database, "contingent.account-manager-flag");
    expect(flag.payload).toMatchObject({ event: { flag: "overbooked", balanceMinutes: -360 } });
    await redeliverToBillingHandler(context, flag);
    await redeliverToBillingHandler(context, flag);
    const notices = smtp.mails.filter((mail) => mail.parsed.subject?.startsWith("Überbucht:") === true);
    expect(notices.map((mail) => [mail.envelopeTo, mail.parsed.subject])).toEqual([
      [["kundenbetreuung@meinsystemhaus.de"], "Überbucht: Kontingent ct-weber (Weber Logistik GmbH) – November 2026"],
    ]);
    expect(notices[0]?.parsed.text).toContain("Saldo −6 Std. (monatlich 10 Std.)");
  });
});
