import { recordTimeEntries, type Contract, type ContractAccount, type ContractInput, type TimeEntryInput } from "@kontor/contingent";
import { fixedClock, insertOrganization, insertSepaMandate, loadContractAccount, saveContractAccount, schema, type DatabaseHandle } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import type { MoneyJson } from "@kontor/money";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { testCustomer } from "../testing/billing-customers.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { TEST_COOPERATION_TERMS } from "../testing/cooperation-terms.js";
import { pdfOf } from "../testing/mail-pdf.js";
import { moneyText } from "../testing/money-text.js";
import { insertTestContract, recordTestTimeEntries } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { billingOutboxHandlers } from "./billing-outbox-handlers.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";

// 08:00 on Monday, 4 May 2026 in Berlin (CEST): nothing has been closed since the contracts began in January.
const MAY = new Date("2026-05-04T06:00:00Z");
// 08:00 on Tuesday, 2 June 2026 in Berlin: May has ended too.
const JUNE = new Date("2026-06-02T06:00:00Z");
// 11:00 on Wednesday, 3 June 2026 in Berlin: a technician types in February's forgotten work.
const LATE_RECORDING = new Date("2026-06-03T09:00:00Z");
// 08:00 on Thursday, 4 June 2026 and Thursday, 2 July 2026 in Berlin: the next daily runs that find something.
const AFTER_LATE_ENTRY = new Date("2026-06-04T06:00:00Z");
const JULY = new Date("2026-07-02T06:00:00Z");

const CONTINGENT_ID = "ct-ende-kontingent";
const DEFICIT_ID = "ct-ende-defizit";
const RENTAL_ID = "ct-ende-miete";
const CONTINGENT_CUSTOMER = testCustomer({ id: "org-ende-kontingent", name: "Ende Kontingent GmbH" });
const DEFICIT_CUSTOMER = testCustomer({ id: "org-ende-defizit", name: "Ende Defizit GmbH" });
const RENTAL_CUSTOMER = testCustomer({ id: "org-ende-miete", name: "Ende Miete KG" });

/** 10 hours a month for 950.00 EUR from 1 January to 28 February 2026 (C1 term, C2). */
const CONTINGENT: ContractInput = {
  kind: "contingent",
  id: CONTINGENT_ID,
  customerId: CONTINGENT_CUSTOMER.id,
  startDate: "2026-01-01",
  endDate: "2026-02-28",
  terms: TEST_COOPERATION_TERMS,
  contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" },
};

/** The same contingent for a customer who used 14 hours in February, its last month. */
const DEFICIT: ContractInput = { ...CONTINGENT, id: DEFICIT_ID, customerId: DEFICIT_CUSTOMER.id };

/** All IT rented for 500.00 EUR a month from 1 January to 28 February 2026 (C1, C8: billed by direct debit). */
const RENTAL: ContractInput = { kind: "rental-flat-rate", id: RENTAL_ID, customerId: RENTAL_CUSTOMER.id, startDate: "2026-01-01", endDate: "2026-02-28", terms: TEST_COOPERATION_TERMS, monthlyPrice: "500.00" };

function work(id: string, workDate: string, rawMinutes: number, description: string): TimeEntryInput {
  return { id, contractId: CONTINGENT_ID, workDate, rawMinutes, technician: "S. Wassmann", ticketRef: "T-2026-0042", workType: "remote-support", location: "remote", billable: true, description };
}

interface StoredInvoice {
  readonly lines: readonly { readonly kind: string; readonly description: string; readonly netAmount: MoneyJson }[];
  readonly source: { readonly paymentMeans: { readonly kind: string } };
}

describe(`month close of contracts that have ended on ${testDatabaseKind()} (C1, C8)`, () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;

  beforeAll(async () => {
    worker = await startTestWorker({ now: MAY });
    ({ database, smtp } = worker);
    const recordedAt = new Date("2025-12-15T09:00:00Z");
    await insertOrganization(database.db, CONTINGENT_CUSTOMER, recordedAt);
    await insertOrganization(database.db, RENTAL_CUSTOMER, recordedAt);
    await insertOrganization(database.db, DEFICIT_CUSTOMER, recordedAt);
    const contingent = await insertTestContract(database, CONTINGENT, recordedAt);
    await insertTestContract(database, RENTAL, recordedAt);
    const deficit = await insertTestContract(database, DEFICIT, recordedAt);
    await insertSepaMandate(
      database.db,
      { id: "sm-ende", organizationId: RENTAL_CUSTOMER.id, mandateReference: "ENDE-2026-01", debtorIban: "DE89370400440532013000", debtorName: "Ende Miete KG", signedOn: "2025-12-01", createdBy: "staff-back-office" },
      recordedAt,
    );
    // One hour in January and one in February, recorded on the last day of the term.
    await recordTestTimeEntries(database, contingent, [work("jan-1", "2026-01-14", 60, "Firewall-Regeln angepasst"), work("feb-1", "2026-02-10", 60, "Drucker eingerichtet")], new Date("2026-02-28T10:00:00Z"));
    // January uses its 10 hours; February, the last month of the term, 14.
    const twoHours = (month: string, days: readonly number[]) =>
      days.map((day) => ({ ...work(`def-${month}-${String(day)}`, `2026-${month}-${String(day).padStart(2, "0")}`, 120, "Migration Fileserver"), contractId: DEFICIT_ID }));
    await recordTestTimeEntries(database, deficit, [...twoHours("01", [12, 13, 14, 15, 16]), ...twoHours("02", [10, 11, 12, 13, 16, 17, 18])], new Date("2026-02-28T10:00:00Z"));
  });
  afterAll(() => worker.close());

  function at(now: Date): WorkerContext {
    return { ...worker.context, clock: fixedClock(now) };
  }

  /** One daily run at `now`: plan, run every item, deliver the billing events (reports, invoices, mails). Returns the planned keys. */
  async function dailyRun(now: Date): Promise<string[]> {
    const context = at(now);
    const items = await monthCloseJob.plan(context, now);
    for (const item of items) expect(await monthCloseJob.runItem(context, item, now)).toMatchObject({ status: "closed" });
    expect((await deliverDueOutboxEvents(context, outboxRouting(billingOutboxHandlers), { limit: 1000 })).failed).toBe(0);
    return items.map((item) => item.key);
  }

  async function closedMonths(contractId: string): Promise<string[]> {
    const rows = await database.db
      .select({ month: schema.contingentMonthCloses.month })
      .from(schema.contingentMonthCloses)
      .where(eq(schema.contingentMonthCloses.contractId, contractId))
      .orderBy(asc(schema.contingentMonthCloses.month));
    return rows.map((row) => row.month);
  }

  async function invoices(contractId: string): Promise<[string, StoredInvoice][]> {
    const rows = await database.db.select({ sourceKey: schema.invoices.sourceKey, document: schema.invoices.document }).from(schema.invoices).orderBy(asc(schema.invoices.sourceKey));
    return rows.filter((row) => row.sourceKey?.startsWith(`contingent:${contractId}:`) === true).map((row) => [row.sourceKey ?? "", row.document as StoredInvoice]);
  }

  function subjectsTo(customerId: string): string[] {
    return smtp.mails.filter((mail) => mail.envelopeTo.includes(`rechnungen@${customerId}.example`)).map((mail) => mail.parsed.subject ?? "");
  }

  it("C1, C8: closed in May, a contingent that ended on 28 February closes January and February only, both billed with the monthly 950.00; no March or April, no report after February", async () => {
    const planned = await dailyRun(MAY);
    // The plan stops at the end month: no March and April items although May is the current month.
    expect(planned).toEqual([`${DEFICIT_ID}:2026-01`, `${DEFICIT_ID}:2026-02`, `${CONTINGENT_ID}:2026-01`, `${CONTINGENT_ID}:2026-02`, `${RENTAL_ID}:2026-01`, `${RENTAL_ID}:2026-02`]);
    expect(await closedMonths(CONTINGENT_ID)).toEqual(["2026-01", "2026-02"]);
    // C2: February is the term's last month and is billed with its monthly line like January.
    expect((await invoices(CONTINGENT_ID)).map(([key, document]) => [key, document.lines.map((line) => [line.kind, moneyText(line.netAmount)])])).toEqual([
      [`contingent:${CONTINGENT_ID}:2026-01`, [["monthly-contingent", "950.00 EUR"]]],
      [`contingent:${CONTINGENT_ID}:2026-02`, [["monthly-contingent", "950.00 EUR"]]],
    ]);
    // C8: each report before its invoice; no report for March or April.
    const subjects = subjectsTo(CONTINGENT_CUSTOMER.id);
    expect(subjects.filter((subject) => subject.startsWith("Servicebericht "))).toEqual([`Servicebericht SR-${CONTINGENT_ID}-2026-01 – Januar 2026`, `Servicebericht SR-${CONTINGENT_ID}-2026-02 – Februar 2026`]);
    expect(subjects.filter((subject) => subject.startsWith("Rechnung "))).toHaveLength(2);
  });

  it("C1, C4: February, the term's last month, ends 4 hours short: its invoice settles them (4 h × 95.00 = 380.00) beside the monthly 950.00", async () => {
    expect((await invoices(DEFICIT_ID)).map(([key, document]) => [key, document.lines.map((line) => [line.kind, moneyText(line.netAmount)])])).toEqual([
      [`contingent:${DEFICIT_ID}:2026-01`, [["monthly-contingent", "950.00 EUR"]]],
      [`contingent:${DEFICIT_ID}:2026-02`, [["monthly-contingent", "950.00 EUR"], ["correction", "380.00 EUR"]]],
    ]);
  });

  it("C1, C8: a rental flat rate that ended on 28 February gets direct-debit invoices for January and February only", async () => {
    expect(await closedMonths(RENTAL_ID)).toEqual(["2026-01", "2026-02"]);
    expect((await invoices(RENTAL_ID)).map(([key, document]) => [key, document.source.paymentMeans.kind, document.lines.map((line) => [line.kind, line.description, moneyText(line.netAmount)])])).toEqual([
      [`contingent:${RENTAL_ID}:2026-01`, "sepa-direct-debit", [["rental-month", "Mietpauschale Januar 2026", "500.00 EUR"]]],
      [`contingent:${RENTAL_ID}:2026-02`, "sepa-direct-debit", [["rental-month", "Mietpauschale Februar 2026", "500.00 EUR"]]],
    ]);
    // No service report: the rental months had no entries (C8 mails no empty report for them).
    expect(subjectsTo(RENTAL_CUSTOMER.id).map((subject) => subject.replace(/RE-\d{4}-\d{6}/, "RE-…"))).toEqual([
      "Rechnung RE-… – Mietpauschale Januar 2026 – Vorabankündigung SEPA-Lastschrift",
      "Rechnung RE-… – Mietpauschale Februar 2026 – Vorabankündigung SEPA-Lastschrift",
    ]);
  });

  it("C1, C8: the runs after the last month of the term plan and close nothing for either contract", async () => {
    const mailsBefore = smtp.mails.length;
    expect(await dailyRun(JUNE)).toEqual([]);
    expect(await closedMonths(CONTINGENT_ID)).toEqual(["2026-01", "2026-02"]);
    expect(await closedMonths(RENTAL_ID)).toEqual(["2026-01", "2026-02"]);
    expect(smtp.mails).toHaveLength(mailsBefore);
  });

  it("C6, C8: a back-dated entry for 20 February typed in on 3 June is booked into March, closed once in March and reported; a later run closes nothing more", async () => {
    await database.db.transaction(async (tx) => {
      const loaded = await loadContractAccount<ContractAccount>(tx, CONTINGENT_ID, { forUpdate: true });
      if (loaded === undefined) throw new Error("contract missing");
      const recorded = recordTimeEntries(loaded.account, [work("feb-late", "2026-02-20", 45, "Nachtrag: Backup-Prüfung Februar")], { contract: loaded.row.contract as Contract, asOf: LATE_RECORDING.toISOString() });
      if (!recorded.ok) throw new Error(recorded.errors.map((issue) => issue.message).join("; "));
      expect(recorded.value.entries.map((entry) => [entry.id, entry.bookingMonth])).toEqual([["feb-late", "2026-03"]]);
      await saveContractAccount(tx, loaded.row, recorded.value.account, recorded.value.entries, LATE_RECORDING);
    });

    const reportsBefore = subjectsTo(CONTINGENT_CUSTOMER.id).length;
    expect(await dailyRun(AFTER_LATE_ENTRY)).toEqual([`${CONTINGENT_ID}:2026-03`]);
    expect(await closedMonths(CONTINGENT_ID)).toEqual(["2026-01", "2026-02", "2026-03"]);
    // Reported once; after the term March has no monthly line, so no invoice.
    const reportSubject = `Servicebericht SR-${CONTINGENT_ID}-2026-03 – März 2026`;
    expect(subjectsTo(CONTINGENT_CUSTOMER.id).slice(reportsBefore)).toEqual([reportSubject]);
    const reportMail = smtp.mails.find((mail) => mail.parsed.subject === reportSubject);
    if (reportMail === undefined) throw new Error("no March report");
    expect(await readPdfText(pdfOf(reportMail))).toContain("Nachtrag: Backup-Prüfung Februar");
    expect((await invoices(CONTINGENT_ID)).map(([key]) => key)).toEqual([`contingent:${CONTINGENT_ID}:2026-01`, `contingent:${CONTINGENT_ID}:2026-02`]);

    const mailsBefore = smtp.mails.length;
    expect(await dailyRun(JULY)).toEqual([]);
    expect(await closedMonths(CONTINGENT_ID)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(smtp.mails).toHaveLength(mailsBefore);
  });
});
