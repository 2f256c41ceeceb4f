import { issue } from "../errors/ticketing-error.js";
import { fail, ok, type Result } from "../errors/result.js";
import { tryParseInstant } from "../time/instant.js";
import type { TicketingPolicy } from "./ticketing-policy.js";

// Parsed `effectiveFrom` per policy object: intake evaluates the policy for every mail, and the
// policy objects live as long as the worker's configuration.
const effectiveFromCache = new WeakMap<TicketingPolicy, number | undefined>();

function effectiveFromMs(policy: TicketingPolicy): number | undefined {
  if (effectiveFromCache.has(policy)) return effectiveFromCache.get(policy);
  const ms = tryParseInstant(policy.effectiveFrom);
  effectiveFromCache.set(policy, ms);
  return ms;
}

/**
 * The policy in force at `asOfMs` (RULES.md P1): the one with the latest `effectiveFrom` that is
 * not after `asOfMs`. Returns `NO_POLICY_IN_FORCE` when every policy starts later.
 *
 * @param policies candidate policies, any order
 * @param asOfMs evaluated instant in epoch milliseconds
 */
export function policyInForce(policies: readonly TicketingPolicy[], asOfMs: number): Result<TicketingPolicy> {
  let best: TicketingPolicy | undefined;
  let bestFrom = Number.NEGATIVE_INFINITY;
  for (const policy of policies) {
    const from = effectiveFromMs(policy);
    if (from !== undefined && from <= asOfMs && from >= bestFrom) {
      best = policy;
      bestFrom = from;
    }
  }
  if (best === undefined) {
    return fail(issue("NO_POLICY_IN_FORCE", `No ticketing policy is in force at ${new Date(asOfMs).toISOString()}`, ["policies"]));
  }
  return ok(best);
}
