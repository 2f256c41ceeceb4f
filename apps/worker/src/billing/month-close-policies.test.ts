import { DEFAULT_CONTINGENT_POLICY, DEFAULT_POLICY_SET, type ClosedMonth, type PolicySetInput } from "@kontor/contingent";
import { findMonthClose, insertOrganization, outboxEventsOf, saveInstallationPolicies, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBER_LOGISTIK } from "../testing/billing-customers.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { tenHourContingent } from "../testing/ten-hour-contingent.js";
import { insertTestContract, recordTestTimeEntries } from "../testing/test-contracts.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import type { WorkerContext } from "../worker-context.js";
import { monthCloseJob } from "./month-close-job.js";

// 00:10 on 1 December 2026 in Berlin (CET, UTC+1).
const NOW = new Date("2026-11-30T23:10:00Z");
// 00:10 on 1 January 2027 in Berlin.
const NEW_YEAR = new Date("2026-12-31T23:10:00Z");

/**
 * The installation's contingent policies (P1, C4): the shipped version until October 2026, then
 * from 1 November a correction only below −75 % of the monthly hours (still after 3 negative
 * month ends) and warnings at 50, 90 and 150 % of the month's credit.
 */
const STORED: PolicySetInput = {
  timeBilling: JSON.parse(JSON.stringify(DEFAULT_POLICY_SET.timeBilling)) as PolicySetInput["timeBilling"],
  contingent: [
    { ...DEFAULT_CONTINGENT_POLICY, warningThresholdsPercent: [...DEFAULT_CONTINGENT_POLICY.warningThresholdsPercent] },
    { effectiveFrom: "2026-11-01", correction: { consecutiveNegativeMonthEnds: 3, deficitPercentOfMonthly: 75 }, oversizedAboveMonthsOfCredit: 3, warningThresholdsPercent: [50, 90, 150] },
  ],
};

/** The closed record's C4 numbers: statement, warnings and invoice lines. */
function c4(closed: ClosedMonth) {
  return {
    closingBeforeCorrectionMinutes: closed.statement?.closingBeforeCorrectionMinutes,
    correctionMinutes: closed.statement?.correctionMinutes,
    closingMinutes: closed.statement?.closingMinutes,
    correctionTrigger: closed.statement?.correctionTrigger,
    warnings: closed.warnings.map((warning) => warning.thresholdPercent),
    overbooked: closed.flags.overbooked,
    lines: closed.invoice.lines.map((line) => [line.kind, line.net.amount]),
  };
}

describe("month close under the installation's contingent policies (P1, C4)", () => {
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;

  const closedRecord = async (contractId: string, month: string): Promise<ClosedMonth> => {
    const row = await findMonthClose(database.db, contractId, month);
    if (row === undefined) throw new Error(`${contractId} ${month} is not closed`);
    return row.closed as ClosedMonth;
  };
  const topics = async (contractId: string) => (await outboxEventsOf(database.db, "contract", contractId)).map((row) => row.topic).filter((topic) => topic !== "contingent.time-entry-recorded");

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startCaptureSmtpServer();
    context = testWorkerContext(database, smtp, { now: NOW });
    const recordedAt = new Date("2026-11-30T17:00:00Z");
    await insertOrganization(database.db, WEBER_LOGISTIK, recordedAt);
    // C3: two contingents of 600 minutes, each with four 4-hour jobs in November: 960 charged, −360 at the month end.
    for (const id of ["ct-default", "ct-stored"]) {
      const stored = await insertTestContract(database, tenHourContingent(id, WEBER_LOGISTIK.id), recordedAt);
      const entries = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-30"].map((workDate, index) => ({
        id: `${id}-w${index + 1}`,
        contractId: id,
        workDate,
        rawMinutes: 240,
        technician: "S. Wassmann",
        ticketRef: `T-2026-00030${index}-0`,
        workType: "remote-support",
        location: "remote" as const,
        billable: true,
      }));
      await recordTestTimeEntries(database, stored, entries, recordedAt);
    }
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  it("C4: with nothing stored, −360 minutes is below −50 % of 600 (the shipped default): a 6-hour correction (570.00 EUR), warnings at 80 and 100 %", async () => {
    const items = await monthCloseJob.plan(context, NOW);
    expect(items.map((item) => item.key)).toEqual(["ct-default:2026-11", "ct-stored:2026-11"]);
    const [item] = items;
    if (item === undefined) throw new Error("expected an item");
    expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed", month: "2026-11" });
    expect(c4(await closedRecord("ct-default", "2026-11"))).toEqual({
      closingBeforeCorrectionMinutes: -360,
      correctionMinutes: 360,
      closingMinutes: 0,
      correctionTrigger: "deficit-below-limit",
      warnings: [80, 100],
      overbooked: true,
      lines: [
        ["contingent-monthly", "950.00"],
        ["correction", "570.00"],
      ],
    });
    expect(await topics("ct-default")).toContain("contingent.correction-invoice-due");
  });

  it("P1, C4: under a stored policy (correction below −75 %, from 2026-11-01) the same −360 minutes bill no correction and carry over; warnings at 50, 90 and 150 %; the items never read the table again", async () => {
    expect(await saveInstallationPolicies(database.db, "contingent", { policies: STORED, updatedBy: "staff-admin" }, 0, NOW)).toMatchObject({ version: 1 });
    // P1: `plan` reads the stored set once for the whole run and hands it to every item.
    const items = await monthCloseJob.plan(context, NOW);
    expect(items.map((item) => item.key)).toEqual(["ct-stored:2026-11"]);
    // Corrupted after planning: the items close under the run's snapshot and query no policies
    // themselves (one read per run, not one per contract).
    await database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{contingent,1,correction,deficitPercentOfMonthly}', '0'::jsonb) WHERE domain = 'contingent'");
    for (const item of items) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed", closed: ["2026-11"] });
    expect(c4(await closedRecord("ct-stored", "2026-11"))).toEqual({
      closingBeforeCorrectionMinutes: -360,
      correctionMinutes: 0,
      closingMinutes: -360,
      correctionTrigger: null,
      // 960 of 600 minutes is 160 %.
      warnings: [50, 90, 150],
      overbooked: true,
      lines: [["contingent-monthly", "950.00"]],
    });
    // No correction-invoice-due; the account manager is still flagged (overbooked).
    expect(await topics("ct-stored")).toEqual(["contingent.service-report-ready", "contingent.account-manager-flag", "contingent.invoice-due", "contingent.month-closed"]);
  });

  it("P1: a stored set that no longer parses fails the run's plan with CONTINGENT_POLICIES_INVALID; no month is closed under the shipped defaults", async () => {
    await expect(monthCloseJob.plan(context, NEW_YEAR)).rejects.toMatchObject({ status: 500, code: "CONTINGENT_POLICIES_INVALID" });
    // An item planned without policies (by hand, or by an older release) reads them itself and fails alike.
    await expect(monthCloseJob.runItem(context, { key: "ct-stored:2026-12", data: { contractId: "ct-stored", month: "2026-12" } }, NEW_YEAR)).rejects.toMatchObject({ code: "CONTINGENT_POLICIES_INVALID" });
    expect(await findMonthClose(database.db, "ct-stored", "2026-12")).toBeUndefined();
    expect(await findMonthClose(database.db, "ct-default", "2026-12")).toBeUndefined();
  });
});
