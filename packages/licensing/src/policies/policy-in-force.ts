import type { IsoDate } from "@kontor/calendar";
import { type FieldPath, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";

/** Anything versioned by the day it takes effect (P1). */
export interface Versioned {
  readonly id: string;
  /** First day (in the evaluation zone) the version is in force. */
  readonly effectiveFrom: IsoDate;
}

/**
 * The version in force on `day` (P1): the one with the latest `effectiveFrom` not after `day`;
 * `P1_NO_POLICY_IN_FORCE` when every version starts later (or there is none).
 *
 * @param versions the versions of one policy, in any order
 * @param day the evaluated calendar day (the local day of `asOf` in the customer's zone)
 * @param what a name for messages, such as `"atlassian vendor policy"`
 */
export function policyInForce<P extends Versioned>(
  versions: readonly P[],
  day: IsoDate,
  what: string,
  path: FieldPath = ["policies"],
): LicensingResult<P> {
  let best: P | undefined;
  for (const version of versions) {
    if (version.effectiveFrom <= day && (best === undefined || version.effectiveFrom > best.effectiveFrom)) best = version;
  }
  return best === undefined
    ? fail(licensingError("P1_NO_POLICY_IN_FORCE", `No ${what} is in force on ${day}`, path, { day }))
    : ok(best);
}
