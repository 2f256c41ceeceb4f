import { DEFAULT_POLICY_SET, openAccount, parsePolicySet, recordTimeEntries, type ClosedMonth, type PolicySet, type PolicySetInput, type TimeEntryInput } from "@kontor/contingent";
import { findMonthClose, insertOrganization, saveContractAccount, saveInstallationPolicies, schema, type DatabaseHandle } from "@kontor/db";
import type { MoneyJson } from "@kontor/money";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { WEBER_LOGISTIK } from "../testing/billing-customers.js";
import type { CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { TEST_COOPERATION_TERMS } from "../testing/cooperation-terms.js";
import { pdfOf } from "../testing/mail-pdf.js";
import { moneyText } from "../testing/money-text.js";
import { tenHourContingent } from "../testing/ten-hour-contingent.js";
import { insertTestContract, type StoredTestContract } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { billingOutboxHandlers } from "./billing-outbox-handlers.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";

// 00:10 on 1 December 2026 in Berlin (CET, UTC+1): November has ended.
const NOW = new Date("2026-11-30T23:10:00Z");
const RECORDED_AT = new Date("2026-11-30T17:00:00Z");

/** C6, P1: the installation bills time in 10-minute steps, rounded up, at least 10 minutes an entry. */
const TEN_MINUTE_STEPS: PolicySetInput = {
  timeBilling: [{ effectiveFrom: "1970-01-01", incrementMinutes: 10, rounding: "up", minimumMinutes: 10 }],
  contingent: JSON.parse(JSON.stringify(DEFAULT_POLICY_SET.contingent)) as PolicySetInput["contingent"],
};

interface StoredInvoice {
  readonly lines: readonly { kind: string; quantity: string; unitCode: string; unitPrice: MoneyJson; baseQuantity?: string; netAmount: MoneyJson }[];
  readonly totals: { lineNetTotal: MoneyJson; taxTotal: MoneyJson; grandTotal: MoneyJson };
}

/** Records `entries` under `policies` (as the API does under the installation's) and saves them. */
async function recordUnder(database: DatabaseHandle, stored: StoredTestContract, policies: PolicySet, entries: readonly TimeEntryInput[]): Promise<void> {
  const recorded = recordTimeEntries(openAccount(stored.contract), entries, { contract: stored.contract, asOf: RECORDED_AT.toISOString(), policies });
  if (!recorded.ok) throw new Error(recorded.errors.map((issue) => issue.message).join("; "));
  await saveContractAccount(database.db, stored.row, recorded.value.account, recorded.value.entries, RECORDED_AT);
}

function work(contractId: string, workDate: string, rawMinutes: number, index: number): TimeEntryInput {
  return {
    id: `${contractId}-w${String(index)}`,
    contractId,
    workDate,
    rawMinutes,
    technician: "S. Wassmann",
    ticketRef: `T-2026-00040${String(index)}-0`,
    workType: "remote-support",
    location: "remote",
    billable: true,
    description: `Fernwartung Teil ${String(index)}`,
  };
}

describe("month-end billing in 10-minute steps (C6, T5, BT-149): the invoice bills the contingent's net to the cent", () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;

  const closedRecord = async (contractId: string): Promise<ClosedMonth> => {
    const row = await findMonthClose(database.db, contractId, "2026-11");
    if (row === undefined) throw new Error(`${contractId} 2026-11 is not closed`);
    return row.closed as ClosedMonth;
  };
  const storedInvoice = async (contractId: string): Promise<{ number: string | null; document: StoredInvoice }> => {
    const [invoice, ...others] = await database.db
      .select({ number: schema.invoices.number, document: schema.invoices.document })
      .from(schema.invoices)
      .where(eq(schema.invoices.sourceKey, `contingent:${contractId}:2026-11`))
      .orderBy(asc(schema.invoices.number));
    expect(others).toEqual([]);
    if (invoice === undefined) throw new Error(`no invoice for ${contractId}`);
    return { number: invoice.number, document: invoice.document as StoredInvoice };
  };

  beforeAll(async () => {
    worker = await startTestWorker({ now: NOW });
    ({ database, smtp, context } = worker);
    const parsed = parsePolicySet(TEN_MINUTE_STEPS);
    if (!parsed.ok) throw new Error("policy set invalid");
    expect(await saveInstallationPolicies(database.db, "contingent", { policies: TEN_MINUTE_STEPS, updatedBy: "staff-admin" }, 0, RECORDED_AT)).toMatchObject({ version: 1 });
    await insertOrganization(database.db, WEBER_LOGISTIK, RECORDED_AT);
    // Time and material (no contingent): 45 raw minutes are billed as 50.
    const agreement = await insertTestContract(
      database,
      { kind: "cooperation-agreement", id: "ct-tm", customerId: WEBER_LOGISTIK.id, startDate: "2026-11-01", terms: TEST_COOPERATION_TERMS },
      RECORDED_AT,
    );
    await recordUnder(database, agreement, parsed.value, [work("ct-tm", "2026-11-10", 45, 1)]);
    // C3, C4: a 600-minute contingent charged 240 + 240 + 240 + 230 (225 raw) = 950 minutes: −350 is below −50 %, a correction of 350 minutes.
    const contingent = await insertTestContract(database, tenHourContingent("ct-10min", WEBER_LOGISTIK.id), RECORDED_AT);
    await recordUnder(
      database,
      contingent,
      parsed.value,
      [240, 240, 240, 225].map((rawMinutes, index) => work("ct-10min", `2026-11-${String(2 + index * 7).padStart(2, "0")}`, rawMinutes, index + 1)),
    );
    for (const item of await monthCloseJob.plan(context, NOW)) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed", month: "2026-11" });
    const pass = await deliverDueOutboxEvents(context, outboxRouting(billingOutboxHandlers), { limit: 1000 });
    expect(pass.failed).toBe(0);
  });
  afterAll(() => worker.close());

  it("time and material: 50 minutes at 95.00 per hour are 79.17 in the close and on the invoice (50 MIN at 95.00 per 60 MIN), not 0.8333 h × 95.00 = 79.16", async () => {
    const closed = await closedRecord("ct-tm");
    expect(closed.invoice.lines.map((line) => [line.kind, line.quantity, line.unit, line.minutes, moneyText(line.net)])).toEqual([["time-and-material", "0.8333", "hour", 50, "79.17 EUR"]]);
    const { number, document } = await storedInvoice("ct-tm");
    expect(document.lines.map((line) => moneyText(line.netAmount))).toEqual(closed.invoice.lines.map((line) => moneyText(line.net)));
    expect(document.lines.map((line) => [line.kind, line.quantity, line.unitCode, moneyText(line.unitPrice), line.baseQuantity, moneyText(line.netAmount)])).toEqual([
      ["time-and-material", "50", "MIN", "95.00 EUR", "60", "79.17 EUR"],
    ]);
    // T5: 19 % of 79.17 = 15.0423 → 15.04.
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["79.17 EUR", "15.04 EUR", "94.21 EUR"]);
    const mail = smtp.mails.find((candidate) => candidate.parsed.subject === `Rechnung ${number ?? "?"} – November 2026`);
    if (mail === undefined) throw new Error("invoice mail missing");
    const text = await readPdfText(pdfOf(mail));
    expect(text).toContain("50 Min. 95,00 € je 60 Min. 19 % 79,17 €");
    expect(text).toContain("94,21");
  });

  it("C4 correction: 350 minutes over the contingent are 554.17 (350 × 95.00 ÷ 60) in the close and on the invoice, not 5.8333 h × 95.00 = 554.16", async () => {
    const closed = await closedRecord("ct-10min");
    expect(closed.statement?.correctionMinutes).toBe(350);
    expect(closed.invoice.lines.map((line) => [line.kind, line.quantity, line.unit, line.minutes, moneyText(line.net)])).toEqual([
      ["contingent-monthly", "1", "month", 600, "950.00 EUR"],
      ["correction", "5.8333", "hour", 350, "554.17 EUR"],
    ]);
    const { document } = await storedInvoice("ct-10min");
    expect(document.lines.map((line) => moneyText(line.netAmount))).toEqual(closed.invoice.lines.map((line) => moneyText(line.net)));
    expect(document.lines.map((line) => [line.kind, line.quantity, line.unitCode, moneyText(line.unitPrice), line.baseQuantity ?? "1", moneyText(line.netAmount)])).toEqual([
      ["monthly-contingent", "1", "MON", "950.00 EUR", "1", "950.00 EUR"],
      ["correction", "350", "MIN", "95.00 EUR", "60", "554.17 EUR"],
    ]);
    // T5: 1,504.17 × 19 % = 285.7923 → 285.79.
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["1504.17 EUR", "285.79 EUR", "1789.96 EUR"]);
  });
});
