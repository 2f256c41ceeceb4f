import type { IsoDate } from "@kontor/calendar";
import type { Contract } from "../contracts/contract.js";
import { issuesFromZod, type ContingentIssue } from "../errors/contingent-issue.js";
import { rateIndex } from "../contracts/rate-index.js";
import { timeEntryInputSchema, type ValidTimeEntry } from "./time-entry.js";

/**
 * Validates one time entry against its schema and its contract: C1 (contract, known work type,
 * within the term), C5 (a non-billable entry needs a justification), C6 (no future work dates,
 * travel only on site and priced the agreement's way). Returns the entry or its issues.
 *
 * @param today the local day of `asOf` in the contract's zone
 */
export function validateTimeEntry(
  input: unknown,
  contract: Contract,
  today: IsoDate,
): { entry: ValidTimeEntry; issues: [] } | { entry: undefined; issues: ContingentIssue[] } {
  const parsed = timeEntryInputSchema.safeParse(input);
  if (!parsed.success) return { entry: undefined, issues: issuesFromZod(parsed.error) };
  const entry = parsed.data;
  const issues: ContingentIssue[] = [];
  if (entry.contractId !== contract.id) {
    issues.push({ code: "C1_CONTRACT_MISMATCH", message: `The entry is for contract ${entry.contractId}, not ${contract.id}`, path: ["contractId"] });
  }
  if (!rateIndex(contract.terms.rates).has(entry.workType)) {
    issues.push({ code: "C1_UNKNOWN_WORK_TYPE", message: `The agreement has no rate for work type "${entry.workType}"`, path: ["workType"] });
  }
  if (entry.workDate < contract.startDate || (contract.endDate !== null && entry.workDate > contract.endDate)) {
    issues.push({ code: "C1_OUTSIDE_CONTRACT_TERM", message: `${entry.workDate} is outside the contract term`, path: ["workDate"] });
  }
  if (entry.workDate > today) {
    issues.push({ code: "C6_WORK_DATE_IN_FUTURE", message: `Work on ${entry.workDate} cannot be recorded on ${today}`, path: ["workDate"] });
  }
  if (!entry.billable && (entry.justification === null || entry.justification === "")) {
    issues.push({
      code: "C5_JUSTIFICATION_REQUIRED",
      message: "A non-billable entry needs the technician's justification",
      path: ["justification"],
    });
  }
  if (entry.travel !== null) issues.push(...travelIssues(entry, contract));
  return issues.length === 0 ? { entry, issues: [] } : { entry: undefined, issues };
}

function travelIssues(entry: ValidTimeEntry, contract: Contract): ContingentIssue[] {
  const travel = entry.travel;
  if (travel === null) return [];
  if (entry.location !== "on-site") {
    return [{ code: "C6_TRAVEL_REQUIRES_ON_SITE", message: "Only on-site work has travel", path: ["travel"] }];
  }
  const pricing = contract.terms.travel;
  if (pricing.kind === "zones") {
    if (travel.zone === null) {
      return [{ code: "C6_TRAVEL_ZONE_REQUIRED", message: "The agreement prices travel by zone; name the zone", path: ["travel", "zone"] }];
    }
    if (!pricing.zones.some((zone) => zone.zone === travel.zone)) {
      return [{ code: "C6_UNKNOWN_TRAVEL_ZONE", message: `The agreement has no travel zone "${travel.zone}"`, path: ["travel", "zone"] }];
    }
  }
  if (pricing.kind === "per-kilometre" && travel.kilometres === null) {
    return [
      { code: "C6_TRAVEL_KILOMETRES_REQUIRED", message: "The agreement prices travel per kilometre; give the kilometres", path: ["travel", "kilometres"] },
    ];
  }
  return [];
}
