import { installationContingentPolicies } from "@kontor/api";
import { nextMonth, parsePolicySet, type PolicySet } from "@kontor/contingent";
import { listMonthCloseCandidates } from "@kontor/db";
import { DateTime } from "luxon";
import { z } from "zod";
import type { FanOutJob, JobItem, JobSummary } from "../jobs/scheduled-job.js";
import type { WorkerContext } from "../worker-context.js";
import { closeContractMonth } from "./close-contract-month.js";

/** The data of one month-close item: a contract, one of its ended, open months and the run's policies. */
const monthCloseItemSchema = z.object({
  contractId: z.string().min(1),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  /** The run's contingent policies as JSON (P1), read once by `plan`; absent in hand-made or older items. */
  policies: z.string().optional(),
});

/**
 * The contingent policies an item closes under (P1, C4): the set its run's `plan` read, so every
 * contract of a run closes under one snapshot with one query for the whole run; an item without
 * them reads the installation's policies itself.
 */
async function itemPolicies(context: WorkerContext, json: string | undefined): Promise<PolicySet> {
  if (json === undefined) return installationContingentPolicies(context.database.db);
  const parsed = parsePolicySet(JSON.parse(json) as unknown);
  if (!parsed.ok) throw new Error(`month-close item policies are invalid: ${parsed.errors.map((issue) => `${issue.path.join(".")} ${issue.code}`).join("; ")}`);
  return parsed.value;
}

/** The month containing `now` in `zone` (P2: the contract's zone, never the machine's). */
function monthIn(now: Date, zone: string): string {
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) throw new Error(`Unknown zone ${zone}`);
  return local.toFormat("yyyy-MM");
}

/**
 * The months of a candidate to close, oldest first (C1, C8): from its first open month up to, not
 * including, `current`, but never past `endMonth`, the month of the contract's end date. A
 * candidate whose first open month lies after its end month is one only because its books still
 * hold something (a late entry booked there after the final close): just that month, once.
 */
function monthsToClose(first: string, current: string, endMonth: string | null): string[] {
  if (endMonth !== null && first > endMonth) return [first];
  const months: string[] = [];
  for (let month = first; month < current && (endMonth === null || month <= endMonth); month = nextMonth(month)) months.push(month);
  return months;
}

/**
 * Closes every contract's ended months (C2–C9, C8 month-end billing), daily shortly after
 * midnight in the installation's zone. `plan` lists one item per contract and ended open month,
 * oldest first (`<contractId>:<YYYY-MM>`), from one query over all contracts; each item closes
 * its month in one transaction ({@link closeContractMonth}) and writes the events that mail the
 * service report and bill the month. Items are idempotent: a closed month is never closed again,
 * and an item whose earlier months are still open (items ran out of order) closes those first.
 *
 * C1, C8 contract end: a contract with an `endDate` is planned only up to its end month (the
 * month of the end date), never past it, so an ended contract mails no empty service report and
 * bills nothing month after month. Once its last month is closed it is planned again only when
 * its books hold something open (`listMonthCloseCandidates`): a back-dated entry typed in after
 * the final close is booked into the first open month, and that one month is closed and
 * reported once; no run of empty months follows.
 *
 * P1: `plan` reads the installation's contingent policies once (not per contract: no N+1) and
 * hands them to every item in its data, so a run closes all contracts under one snapshot. A
 * stored set that no longer parses fails the plan: no month is closed under the shipped defaults
 * while the installation believes its own are in force.
 */
export const monthCloseJob: FanOutJob = {
  name: "contingent.month-close",
  cron: "10 0 * * *",
  expireInSeconds: 900,

  async plan(context: WorkerContext, now: Date): Promise<readonly JobItem[]> {
    const candidates = await listMonthCloseCandidates(context.database.db, now, context.settings.zone);
    const currentMonths = new Map<string, string>();
    const items: JobItem[] = [];
    for (const candidate of candidates) {
      let current = currentMonths.get(candidate.zone);
      if (current === undefined) {
        current = monthIn(now, candidate.zone);
        currentMonths.set(candidate.zone, current);
      }
      for (const month of monthsToClose(candidate.firstOpenMonth, current, candidate.endMonth)) {
        items.push({ key: `${candidate.contractId}:${month}`, data: { contractId: candidate.contractId, month } });
      }
    }
    if (items.length === 0) return items;
    // P1: one read for the whole run, serialized once and shared by every item.
    const policies = JSON.stringify(await installationContingentPolicies(context.database.db));
    return items.map((item) => ({ ...item, data: { ...item.data, policies } }));
  },

  async runItem(context: WorkerContext, item: JobItem, now: Date): Promise<JobSummary> {
    const { contractId, month, policies: json } = monthCloseItemSchema.parse(item.data);
    const policies = await itemPolicies(context, json);
    const closedNow: string[] = [];
    // Each pass closes one month in its own transaction; at most one pass per open month.
    for (;;) {
      const outcome = await closeContractMonth(context.database, contractId, month, now, policies);
      if (outcome.status === "earlier-month-open") {
        const earlier = await closeContractMonth(context.database, contractId, outcome.firstOpenMonth, now, policies);
        if (earlier.status === "closed") closedNow.push(outcome.firstOpenMonth);
        else if (earlier.status !== "already-closed") return { contractId, month, status: earlier.status, closed: closedNow };
        continue;
      }
      if (outcome.status === "closed") closedNow.push(month);
      return { contractId, month, status: outcome.status, closed: closedNow };
    }
  },
};
