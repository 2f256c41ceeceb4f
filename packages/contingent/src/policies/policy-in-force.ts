import type { IsoDate } from "@kontor/calendar";
import { fail, ok, type Result } from "../errors/contingent-issue.js";

/** Anything versioned by the day it takes effect (P1). */
export interface Versioned {
  /** First day (in the contract's zone) on which this version applies, `"YYYY-MM-DD"`. */
  readonly effectiveFrom: IsoDate;
}

/**
 * The version in force on `date` (P1): the one with the latest `effectiveFrom` on or before it.
 * ISO dates compare as strings, so no date objects are built. Versions need not be sorted; of two
 * versions with the same `effectiveFrom`, the later one in the list wins.
 */
export function policyInForce<T extends Versioned>(versions: readonly T[], date: IsoDate, what: string): Result<T> {
  let best: T | undefined;
  // Indexed: policy sets are often frozen arrays (the shipped defaults are), which for…of walks slowly.
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i] as T;
    if (version.effectiveFrom <= date && (best === undefined || version.effectiveFrom >= best.effectiveFrom)) {
      best = version;
    }
  }
  return best === undefined
    ? fail("P1_NO_POLICY_IN_FORCE", `No ${what} policy is in force on ${date}`, [what])
    : ok(best);
}
