import { insertOrganization, insertUsageRecords, schema, type DatabaseHandle, type NewUsageRecord } from "@kontor/db";
import type { ContractInput } from "@kontor/contingent";
import { INVOICE_NUMBER_SERIES } from "@kontor/invoicing";
import type { MoneyJson } from "@kontor/money";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { testCustomer } from "../testing/billing-customers.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { TEST_COOPERATION_TERMS } from "../testing/cooperation-terms.js";
import { lastIssued, pdfOf } from "../testing/mail-pdf.js";
import { moneyText } from "../testing/money-text.js";
import { insertTestContract } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { billingOutboxHandlers } from "./billing-outbox-handlers.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";

// 00:10 on 1 December 2026 in Berlin (CET, UTC+1): November has ended.
const NOW = new Date("2026-11-30T23:10:00Z");
const RECORDED_AT = new Date("2026-11-30T17:00:00Z");

const HANSA = testCustomer({
  id: "org-hansa",
  name: "Hansa Steuerberatung GmbH",
  address: { street: "Ballindamm 8", postalCode: "20095", city: "Hamburg", country: "DE" },
  serviceReportRecipient: "buchhaltung@hansa-stb.de",
  mailDomains: ["hansa-stb.de"],
  calendarId: "DE-HH",
});

/** Managed services billed pay-per-use (C9), one price list version in force from the start. */
const CONTRACT: ContractInput = {
  kind: "managed-services",
  id: "ms-hansa",
  customerId: HANSA.id,
  startDate: "2026-11-01",
  terms: { ...TEST_COOPERATION_TERMS, backupResponsibility: "provider" },
  priceList: [
    {
      effectiveFrom: "2026-11-01",
      prices: [
        { meter: "endpoint-protection-device", unitPrice: "3.20" },
        { meter: "online-backup-server", unitPrice: "19.00" },
        { meter: "online-backup-storage-gb", unitPrice: "0.0125" },
        { meter: "hosted-exchange-mailbox", unitPrice: "6.90" },
        { meter: "mail-archive-storage-gb", unitPrice: "0.05" },
      ],
    },
  ],
};

function usage(month: string, meter: string, quantity: string): NewUsageRecord {
  return { contractId: CONTRACT.id, organizationId: HANSA.id, month, meter, quantity, source: "RMM", recordedBy: "staff-back-office" };
}

describe("month-end billing of managed services (C8, C9)", () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;

  beforeAll(async () => {
    worker = await startTestWorker({ now: NOW });
    ({ database, smtp, context } = worker);
    await insertOrganization(database.db, HANSA, RECORDED_AT);
    await insertTestContract(database, CONTRACT, RECORDED_AT);
    // November's usage as `POST /v1/contracts/:id/usage` stores it; the storage meter twice (they add up).
    await insertUsageRecords(
      database.db,
      [
        usage("2026-11", "online-backup-storage-gb", "1250.5"),
        usage("2026-11", "endpoint-protection-device", "42"),
        usage("2026-11", "online-backup-server", "3"),
        usage("2026-11", "online-backup-storage-gb", "0.25"),
        usage("2026-11", "hosted-exchange-mailbox", "12"),
        usage("2026-11", "mail-archive-storage-gb", "37.3"),
      ],
      RECORDED_AT,
    );
    // December has begun in Berlin: its usage waits for December's close.
    await insertUsageRecords(database.db, [usage("2026-12", "endpoint-protection-device", "50")], NOW);
  });
  afterAll(() => worker.close());

  it("C9: the month close bills November's stored usage, one pay-per-use line per meter: 291.70 net, 55.42 VAT, 347.12 gross", async () => {
    const items = await monthCloseJob.plan(context, NOW);
    expect(items.map((item) => item.key)).toEqual(["ms-hansa:2026-11"]);
    for (const item of items) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed", month: "2026-11" });
    const pass = await deliverDueOutboxEvents(context, outboxRouting(billingOutboxHandlers), { limit: 100 });
    expect(pass.failed).toBe(0);

    const invoices = await database.db.select({ number: schema.invoices.number, status: schema.invoices.status, document: schema.invoices.document }).from(schema.invoices).orderBy(asc(schema.invoices.number));
    expect(invoices.map((invoice) => invoice.status)).toEqual(["finalized"]);
    const [invoice] = invoices;
    const document = invoice?.document as {
      readonly lines: readonly { kind: string; description: string; quantity: string; unitPrice: MoneyJson; netAmount: MoneyJson }[];
      readonly totals: { lineNetTotal: MoneyJson; taxTotal: MoneyJson; grandTotal: MoneyJson };
    };
    // The stored document keeps unit prices as exact decimals without trailing zeros (3.20 → "3.2").
    expect(document.lines.map((line) => [line.kind, line.description, line.quantity, line.unitPrice.amount, moneyText(line.netAmount)])).toEqual([
      ["pay-per-use", "Managed endpoint protection, protected devices", "42", "3.2", "134.40 EUR"],
      ["pay-per-use", "Managed online backup, servers", "3", "19", "57.00 EUR"],
      // 1250.75 GB × 0.0125 = 15.634375 → 15.63
      ["pay-per-use", "Managed online backup, stored volume", "1250.75", "0.0125", "15.63 EUR"],
      ["pay-per-use", "Hosted Exchange, mailboxes", "12", "6.9", "82.80 EUR"],
      // 37.3 GB × 0.05 = 1.865 → 1.87 (half-up)
      ["pay-per-use", "Managed mail archive, storage", "37.3", "0.05", "1.87 EUR"],
    ]);
    // T5: 19 % of 291.70 = 55.423 → 55.42. December's 50 devices are not on November's invoice.
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["291.70 EUR", "55.42 EUR", "347.12 EUR"]);
    expect(await lastIssued(database, INVOICE_NUMBER_SERIES.id)).toBe(invoice?.number);

    // C8: the service report first, then the invoice whose PDF carries the usage lines.
    expect(smtp.mails.map((mail) => mail.parsed.subject)).toEqual(["Servicebericht SR-ms-hansa-2026-11 – November 2026", `Rechnung ${invoice?.number ?? "?"} – November 2026`]);
    const invoiceMail = smtp.mails[1];
    if (invoiceMail === undefined) throw new Error("no invoice mail");
    expect(invoiceMail.envelopeTo).toEqual(["buchhaltung@hansa-stb.de"]);
    const text = await readPdfText(pdfOf(invoiceMail));
    expect(text).toContain(invoice?.number ?? "?");
    expect(text).toContain("Managed endpoint protection, protected devices");
    expect(text).toContain("134,40");
    expect(text).toContain("15,63");
    expect(text).toContain("291,70");
    expect(text).toContain("347,12");
  });

  it("C9: December's close bills December's 50 devices (160.00 net) and nothing of November again", async () => {
    const january = new Date("2026-12-31T23:10:00Z");
    for (const item of await monthCloseJob.plan(context, january)) expect(await monthCloseJob.runItem(context, item, january)).toMatchObject({ status: "closed", month: "2026-12" });
    const [december] = await database.db.select({ closed: schema.contingentMonthCloses.closed }).from(schema.contingentMonthCloses).orderBy(asc(schema.contingentMonthCloses.month)).offset(1);
    const closed = december?.closed as { readonly month: string; readonly invoice: { readonly lines: readonly { reference: string; quantity: string; net: MoneyJson }[]; readonly net: MoneyJson } };
    expect(closed.month).toBe("2026-12");
    expect(closed.invoice.lines.map((line) => [line.reference, line.quantity, line.net.amount])).toEqual([["endpoint-protection-device", "50", "160.00"]]);
    expect(closed.invoice.net.amount).toBe("160.00");
  });
});
