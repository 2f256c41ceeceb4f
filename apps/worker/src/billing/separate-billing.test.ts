import { Writable } from "node:stream";
import { testDatabaseKind } from "@kontor/db/testing";
import { fixedClock, insertOrganization, insertSepaMandate, revokeSepaMandate, schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { parseContract, type ContractInput, type TimeEntryInput } from "@kontor/contingent";
import { checkNumberSequence, INVOICE_NUMBER_SERIES } from "@kontor/invoicing";
import type { MoneyJson } from "@kontor/money";
import { asc, eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting, redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import { testCustomer } from "../testing/billing-customers.js";
import type { CaptureSmtpServer, CapturedMail } from "../testing/capture-smtp-server.js";
import { TEST_COOPERATION_TERMS } from "../testing/cooperation-terms.js";
import { lastIssued, pdfOf } from "../testing/mail-pdf.js";
import { moneyText } from "../testing/money-text.js";
import { insertTestContract, recordTestTimeEntries } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { billingOutboxHandlers } from "./billing-outbox-handlers.js";
import { DEFAULT_BILLING_SETTINGS } from "./billing-settings.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";
import { BILLED_SEPARATELY_TOPIC, separateBillingOutboxHandlers } from "./separate-billing-handlers.js";
import { germanDate, sepaCollectionDate, separateMonthLineDescription } from "./separate-month-invoice.js";

// 00:10 on Tuesday, 1 December 2026 in Berlin (CET, UTC+1): November has ended.
const NOW = new Date("2026-11-30T23:10:00Z");
/** The demo installation's creditor ID (Bundesbank example, valid check digits). */
const CREDITOR_ID = "DE98ZZZ09999999999";
/** Weber's account (check digits 89); the PDF prints it masked as `DE89 **** **** **** **** 00`. */
const WEBER_IBAN = "DE89370400440532013000";
/** The hosting customer's account. */
const HOSTING_IBAN = "DE02120300000000202051";

interface StoredInvoice {
  readonly issueDate: string;
  readonly lines: readonly { readonly kind: string; readonly description: string; readonly quantity: string; readonly unitCode: string; readonly unitPrice: MoneyJson; readonly netAmount: MoneyJson }[];
  readonly totals: { readonly lineNetTotal: MoneyJson; readonly taxTotal: MoneyJson; readonly grandTotal: MoneyJson };
  readonly paymentTerms: { readonly dueDate: string; readonly description: string };
  readonly source: { readonly paymentMeans: { readonly kind: string; readonly mandateReference?: string; readonly creditorId?: string; readonly debtorIban?: string; readonly iban?: string } };
}

const TERMS: ContractInput["terms"] = { ...TEST_COOPERATION_TERMS, backupResponsibility: "provider" };

/** One hour of remote support for the hosting customer on 12 November: its month's service report has one entry. */
const HOSTING_WORK: TimeEntryInput = {
  id: "hansen-2026-11-12",
  contractId: "ct-hansen-rz",
  workDate: "2026-11-12",
  rawMinutes: 60,
  technician: "S. Wassmann",
  ticketRef: "T-2026-0412",
  workType: "remote-support",
  location: "remote",
  billable: true,
  description: "Backup-Job des gehosteten Servers geprüft",
};

function rental(id: string, customerId: string, monthlyPrice: string): ContractInput {
  return { kind: "rental-flat-rate", id, customerId, startDate: "2026-11-01", terms: TERMS, monthlyPrice };
}

/**
 * Every separately billed customer of the test: contract, monthly price, mandates. Each is a
 * {@link testCustomer} in Warendorf that receives its invoices at `rechnungen@<id>.example`.
 */
const CASES = {
  weber: { organization: testCustomer({ id: "org-weber", name: "Weber Logistik GmbH" }), contract: rental("ct-weber-miete", "org-weber", "1250.00") },
  kurz: { organization: testCustomer({ id: "org-kurz", name: "Kurz Steuerberatung" }), contract: rental("ct-kurz-miete", "org-kurz", "480.00") },
  ohne: { organization: testCustomer({ id: "org-ohne", name: "Ohne Mandat KG" }), contract: rental("ct-ohne-miete", "org-ohne", "640.00") },
  hosting: {
    organization: testCustomer({ id: "org-hosting", name: "Hansen Hosting-Kunde GmbH" }),
    contract: { kind: "data-center-hosting", id: "ct-hansen-rz", customerId: "org-hosting", startDate: "2026-11-01", terms: TERMS, dataCenter: "TERRA CLOUD Hüllhorst", monthlyPrice: "890.00" } satisfies ContractInput,
  },
  glaeubiger: { organization: testCustomer({ id: "org-glaeubiger", name: "Glaser Praxis" }), contract: rental("ct-glaser-miete", "org-glaeubiger", "300.00") },
  spaet: { organization: testCustomer({ id: "org-spaet", name: "Spät & Söhne OHG" }), contract: rental("ct-spaet-miete", "org-spaet", "1000.00") },
} as const;

describe(`separate billing of rental and hosting months on ${testDatabaseKind()} (C8, T7)`, () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;
  const warnings: { readonly msg: string; readonly contractId?: string; readonly reason?: string }[] = [];
  const handler = separateBillingOutboxHandlers[0];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const line = JSON.parse(chunk.toString("utf8")) as { level: number; msg: string; contractId?: string; reason?: string };
        if (line.level >= 40) warnings.push(line);
        done();
      },
    });
    worker = await startTestWorker({ now: NOW, logger: pino({ level: "warn" }, logStream) });
    ({ database, smtp, context } = worker);
    const recordedAt = new Date("2026-10-20T09:00:00Z");
    for (const { organization, contract: input } of Object.values(CASES)) {
      await insertOrganization(database.db, organization, recordedAt);
      const stored = await insertTestContract(database, input, recordedAt);
      // The hosting customer had work done in November; the rental customers had none (C8 reports).
      if (input.id === CASES.hosting.contract.id) await recordTestTimeEntries(database, stored, [HOSTING_WORK], new Date("2026-11-12T16:00:00Z"));
    }
    const mandate = (id: string, organizationId: string, reference: string, debtorIban: string, signedOn: string, preNotificationDays?: number) =>
      insertSepaMandate(database.db, { id, organizationId, mandateReference: reference, debtorIban, debtorName: "Kontoinhaber", signedOn, preNotificationDays, createdBy: "staff-back-office" }, recordedAt);
    // Weber: an old mandate superseded by the latest signed one (T7 default of 14 days).
    await mandate("sm-weber-alt", "org-weber", "WEBER-2025-01", HOSTING_IBAN, "2025-03-01");
    await mandate("sm-weber", "org-weber", "WEBER-2026-01", WEBER_IBAN, "2026-10-15");
    // Kurz agreed a pre-notification period of 5 days (T7: "unless a shorter period is agreed").
    await mandate("sm-kurz", "org-kurz", "KURZ-2026-01", WEBER_IBAN, "2026-10-15", 5);
    // Ohne's only mandate was revoked before the close.
    await mandate("sm-ohne", "org-ohne", "OHNE-2026-01", WEBER_IBAN, "2026-10-15");
    await revokeSepaMandate(database.db, "org-ohne", "sm-ohne", "staff-back-office", new Date("2026-11-10T10:00:00Z"));
    await mandate("sm-hosting", "org-hosting", "HANSEN-RZ-7", HOSTING_IBAN, "2026-10-01");
    await mandate("sm-glaser", "org-glaeubiger", "GLASER-2026-01", WEBER_IBAN, "2026-10-15");
    await mandate("sm-spaet", "org-spaet", "SPAET-2026-01", WEBER_IBAN, "2026-10-15");

    for (const item of await monthCloseJob.plan(context, NOW)) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed" });
  });
  afterAll(() => worker.close());

  async function billedSeparately(contractId: string): Promise<OutboxRow> {
    const [event, ...others] = await database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, contractId)).orderBy(asc(schema.outbox.id));
    const all = [event, ...others].filter((row) => row?.topic === BILLED_SEPARATELY_TOPIC);
    expect(all).toHaveLength(1);
    if (all[0] === undefined) throw new Error(`no ${BILLED_SEPARATELY_TOPIC} event of ${contractId}`);
    return all[0];
  }

  async function invoiceOf(contractId: string): Promise<{ readonly number: string | null; readonly document: StoredInvoice }> {
    const rows = await database.db.select({ number: schema.invoices.number, document: schema.invoices.document }).from(schema.invoices).where(eq(schema.invoices.sourceKey, `contingent:${contractId}:2026-11`));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    if (row === undefined) throw new Error(`no invoice of ${contractId}`);
    return { number: row.number, document: row.document as StoredInvoice };
  }

  /** Handles a contract's billed-separately event with `as` and returns the invoice mail it sent. */
  async function bill(contractId: string, as: WorkerContext = context): Promise<CapturedMail> {
    if (handler === undefined) throw new Error("no handler");
    const before = smtp.mails.length;
    await redeliverOutboxEvent(as, handler, await billedSeparately(contractId));
    const sent = smtp.mails.slice(before);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    if (mail === undefined) throw new Error("no invoice mail");
    return mail;
  }

  it("the month close emits one billed-separately event per rental and hosting contract and no invoice-due; the billing handlers consume it", async () => {
    for (const { contract } of Object.values(CASES)) {
      expect((await billedSeparately(contract.id)).payload).toEqual({ organizationId: contract.customerId, event: { type: "billed-separately", contractId: contract.id, month: "2026-11", method: "direct-debit" } });
    }
    expect(await database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, "contingent.invoice-due"))).toEqual([]);
    expect(outboxRouting(billingOutboxHandlers).get(BILLED_SEPARATELY_TOPIC)).toBe(handler);
  });

  it("pure parts: the line texts, German dates and T7 collection dates on TARGET2 business days", () => {
    const weber = parseContract(CASES.weber.contract);
    const hosting = parseContract(CASES.hosting.contract);
    if (!weber.ok || !hosting.ok || weber.value.kind !== "rental-flat-rate" || hosting.value.kind !== "data-center-hosting") throw new Error("contracts invalid");
    expect(separateMonthLineDescription(weber.value, "2026-11")).toBe("Mietpauschale November 2026");
    expect(separateMonthLineDescription(hosting.value, "2026-05")).toBe("Rechenzentrums-Hosting Mai 2026 (TERRA CLOUD Hüllhorst)");
    expect(germanDate("2026-12-15")).toBe("15.12.2026");
    // 1 December + 14 = Tuesday 15 December; + 5 = Sunday 6 December → Monday 7 December.
    expect(sepaCollectionDate("2026-12-01", 14)).toBe("2026-12-15");
    expect(sepaCollectionDate("2026-12-01", 5)).toBe("2026-12-07");
    // 11 December + 14 = 25 December (Christmas, TARGET2 closed), 26th also closed, 27th Sunday → 28 December.
    expect(sepaCollectionDate("2026-12-11", 14)).toBe("2026-12-28");
  });

  it("C8, T7: Weber's rental of 1,250.00 for November is billed 1,250.00 net, 237.50 VAT, 1,487.50 gross by direct debit on 15 December, 14 days after the issue on 1 December", async () => {
    const mail = await bill("ct-weber-miete");
    const { number, document } = await invoiceOf("ct-weber-miete");
    expect(number).toBe("RE-2026-000001");
    expect(document.lines.map((line) => [line.kind, line.description, line.quantity, line.unitCode, moneyText(line.unitPrice), moneyText(line.netAmount)])).toEqual([
      ["rental-month", "Mietpauschale November 2026", "1", "MON", "1250.00 EUR", "1250.00 EUR"],
    ]);
    // T5: 19 % of 1,250.00 = 237.50.
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["1250.00 EUR", "237.50 EUR", "1487.50 EUR"]);
    expect(document.issueDate).toBe("2026-12-01");
    // The latest signed mandate (2026-10-15), not the one of 2025.
    expect(document.source.paymentMeans).toEqual({ kind: "sepa-direct-debit", mandateReference: "WEBER-2026-01", creditorId: CREDITOR_ID, debtorIban: WEBER_IBAN });
    expect(document.paymentTerms.dueDate).toBe("2026-12-15");
    expect(document.paymentTerms.description).toContain("am 15.12.2026 per SEPA-Lastschrift eingezogen");

    // The mail to the billing recipient is the pre-notification: amount, date, masked account, mandate, creditor ID.
    expect(mail.envelopeTo).toEqual(["rechnungen@org-weber.example"]);
    expect(mail.parsed.subject).toBe("Rechnung RE-2026-000001 – Mietpauschale November 2026 – Vorabankündigung SEPA-Lastschrift");
    const text = mail.parsed.text ?? "";
    expect(text).toContain("Vorabankündigung (Pre-Notification)");
    expect(text).toContain("1.487,50");
    expect(text).toContain("am 15.12.2026 per SEPA-Lastschrift von Ihrem Konto DE89 **** **** **** **30 00 ein");
    expect(text).toContain(`Mandatsreferenz WEBER-2026-01, Gläubiger-ID ${CREDITOR_ID}`);
    expect(text).not.toContain("0532013000");

    const pdf = await readPdfText(pdfOf(mail));
    expect(pdf).toContain("RE-2026-000001");
    expect(pdf).toContain("Mietpauschale November 2026");
    expect(pdf).toContain("1.487,50");
    expect(pdf).toContain("Der Betrag wird am 15.12.2026 per SEPA-Lastschrift von Ihrem Konto DE89 **** **** **** **** 00 eingezogen.");
    expect(pdf).toContain(`Mandatsreferenz WEBER-2026-01, Gläubiger-ID ${CREDITOR_ID}`);
    expect(pdf).not.toContain("0532 0130");
  });

  it("T7: Kurz agreed 5 days: 1 December + 5 is a Sunday, so the collection is Monday 7 December", async () => {
    const mail = await bill("ct-kurz-miete");
    const { document } = await invoiceOf("ct-kurz-miete");
    // 19 % of 480.00 = 91.20.
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["480.00 EUR", "91.20 EUR", "571.20 EUR"]);
    expect(document.source.paymentMeans).toMatchObject({ kind: "sepa-direct-debit", mandateReference: "KURZ-2026-01" });
    expect(document.paymentTerms.dueDate).toBe("2026-12-07");
    expect(await readPdfText(pdfOf(mail))).toContain("Der Betrag wird am 07.12.2026 per SEPA-Lastschrift");
  });

  it("C8: without an active mandate (Ohne's was revoked) the month is still billed, by credit transfer net 30, and a warning is logged", async () => {
    const mail = await bill("ct-ohne-miete");
    const { number, document } = await invoiceOf("ct-ohne-miete");
    // 19 % of 640.00 = 121.60.
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["640.00 EUR", "121.60 EUR", "761.60 EUR"]);
    expect(document.source.paymentMeans).toEqual({ kind: "sepa-credit-transfer", iban: "DE02120300000000202051", bic: "BYLADEM1001", accountName: "CSM MeinSystemhaus GmbH" });
    // T1: net 30 from Tuesday 1 December: Thursday 31 December.
    expect(document.paymentTerms.dueDate).toBe("2026-12-31");
    expect(mail.parsed.subject).toBe(`Rechnung ${number ?? "?"} – Mietpauschale November 2026`);
    expect(mail.parsed.text).toContain("Bitte überweisen Sie 761,60");
    const pdf = await readPdfText(pdfOf(mail));
    expect(pdf).toContain("Bitte überweisen Sie den Betrag");
    expect(pdf).not.toContain("SEPA-Lastschrift");
    expect(warnings.filter((line) => line.contractId === "ct-ohne-miete").map((line) => line.reason)).toEqual(["the customer has no active SEPA mandate"]);
  });

  it("C8, T7: hosting in TERRA CLOUD Hüllhorst, 890.00 a month: 169.10 VAT, 1,059.10 gross, collected on 15 December", async () => {
    const mail = await bill("ct-hansen-rz");
    const { document } = await invoiceOf("ct-hansen-rz");
    expect(document.lines.map((line) => [line.kind, line.description, line.unitCode, moneyText(line.netAmount)])).toEqual([
      ["rental-month", "Rechenzentrums-Hosting November 2026 (TERRA CLOUD Hüllhorst)", "MON", "890.00 EUR"],
    ]);
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["890.00 EUR", "169.10 EUR", "1059.10 EUR"]);
    expect(document.source.paymentMeans).toEqual({ kind: "sepa-direct-debit", mandateReference: "HANSEN-RZ-7", creditorId: CREDITOR_ID, debtorIban: HOSTING_IBAN });
    expect(document.paymentTerms.dueDate).toBe("2026-12-15");
    const pdf = await readPdfText(pdfOf(mail));
    expect(pdf).toContain("Der Betrag wird am 15.12.2026 per SEPA-Lastschrift von Ihrem Konto DE02 **** **** **** **** 51 eingezogen.");
    expect(pdf).toContain(`Mandatsreferenz HANSEN-RZ-7, Gläubiger-ID ${CREDITOR_ID}`);
  });

  it("C8: an installation without a creditor ID bills by credit transfer even under an active mandate, with a warning", async () => {
    const { seller, paymentMeans, netDays } = DEFAULT_BILLING_SETTINGS;
    const withoutCreditorId = { seller, paymentMeans, netDays };
    const mail = await bill("ct-glaser-miete", { ...context, settings: { ...context.settings, billing: withoutCreditorId } });
    const { document } = await invoiceOf("ct-glaser-miete");
    expect(document.source.paymentMeans.kind).toBe("sepa-credit-transfer");
    expect(document.paymentTerms.dueDate).toBe("2026-12-31");
    expect(await readPdfText(pdfOf(mail))).not.toContain("SEPA-Lastschrift");
    expect(warnings.filter((line) => line.contractId === "ct-glaser-miete").map((line) => line.reason)).toEqual(["the billing settings have no sepaCreditorId"]);
  });

  it("T7: handled late (worker down until 11 December), the 14 days count from the mail, not the issue date: collected on 28 December after Christmas", async () => {
    const late = { ...context, clock: fixedClock(new Date("2026-12-11T08:00:00Z")) };
    const mail = await bill("ct-spaet-miete", late);
    const { document } = await invoiceOf("ct-spaet-miete");
    // The issue date stays the day of the close.
    expect(document.issueDate).toBe("2026-12-01");
    expect(document.paymentTerms.dueDate).toBe("2026-12-28");
    expect(mail.parsed.text).toContain("am 28.12.2026 per SEPA-Lastschrift");
  });

  it("exactly once: redelivering every event, and a full delivery pass, issue no second invoice and no second invoice mail", async () => {
    const invoicesBefore = await database.db.select({ id: schema.invoices.id, number: schema.invoices.number }).from(schema.invoices).orderBy(asc(schema.invoices.number));
    expect(invoicesBefore).toHaveLength(6);
    expect(checkNumberSequence(INVOICE_NUMBER_SERIES, invoicesBefore.map((row) => row.number ?? ""))).toEqual({ ok: true, value: true });
    expect(await lastIssued(database, INVOICE_NUMBER_SERIES.id)).toBe("RE-2026-000006");
    const invoiceMails = () => smtp.mails.filter((mail) => mail.parsed.subject?.startsWith("Rechnung ") === true).length;
    expect(invoiceMails()).toBe(6);
    if (handler === undefined) throw new Error("no handler");
    for (const { contract } of Object.values(CASES)) await redeliverOutboxEvent(context, handler, await billedSeparately(contract.id));
    // The pass also handles the six months' service-report events; it bills nothing again.
    const reportMails = () => smtp.mails.filter((mail) => mail.parsed.subject?.startsWith("Servicebericht ") === true);
    expect(reportMails()).toEqual([]);
    expect((await deliverDueOutboxEvents(context, outboxRouting(billingOutboxHandlers), { limit: 1000 })).failed).toBe(0);
    // C8: only the hosting month had work, so only its report is stored and mailed; the five
    // rental months without entries get no empty report (their invoice prints no report ID).
    expect(reportMails().map((mail) => [mail.parsed.subject, mail.parsed.text?.includes("Die Monatspauschale wird wie vereinbart separat in Rechnung gestellt.")])).toEqual([
      ["Servicebericht SR-ct-hansen-rz-2026-11 – November 2026", true],
    ]);
    expect((await database.db.select({ id: schema.serviceReports.id }).from(schema.serviceReports)).map((row) => row.id)).toEqual(["SR-ct-hansen-rz-2026-11"]);
    expect(await database.db.select({ id: schema.invoices.id, number: schema.invoices.number }).from(schema.invoices).orderBy(asc(schema.invoices.number))).toEqual(invoicesBefore);
    expect(await lastIssued(database, INVOICE_NUMBER_SERIES.id)).toBe("RE-2026-000006");
    expect(invoiceMails()).toBe(6);
    // The stored Weber invoice still says 15 December although the clock and the handling moved on.
    expect((await invoiceOf("ct-weber-miete")).document.paymentTerms.dueDate).toBe("2026-12-15");
  });
});
