import type { IsoDate } from "@kontor/calendar";
import type { z } from "zod";
import { fail, failWith, ok, type Result } from "../errors/terms-error.js";
import { zodErrors } from "../errors/zod-errors.js";

/** Anything with a first day in force. ISO dates compare correctly as strings. */
export interface Dated {
  readonly effectiveFrom: IsoDate;
}

/**
 * The entry of `history` in force on `date`: the one with the latest `effectiveFrom` on or before
 * it (RULES.md P1). `history` need not be sorted.
 */
export function inForce<T extends Dated>(history: readonly T[], date: IsoDate): T | undefined {
  let best: T | undefined;
  for (const entry of history) {
    if (entry.effectiveFrom <= date && (best === undefined || entry.effectiveFrom > best.effectiveFrom)) best = entry;
  }
  return best;
}

/**
 * Like {@link inForce}, as a {@link Result}: `POLICY_NOT_IN_FORCE` when nothing was in force yet.
 *
 * @param what names the policy in the error message (`"payment-terms policy"`)
 */
export function policyInForce<T extends Dated>(
  history: readonly T[],
  date: IsoDate,
  what: string,
  path: readonly (string | number)[] = ["policies"],
): Result<T> {
  const policy = inForce(history, date);
  return policy === undefined ? fail("POLICY_NOT_IN_FORCE", `No ${what} is in force on ${date}`, path) : ok(policy);
}

/**
 * Reads a user-supplied policy history (parsed JSON: an array of policy values) with the policy's
 * zod schema, so that a user can load their own policy without code changes (RULES.md P1). Two
 * values with the same `effectiveFrom` are refused because the one in force would be ambiguous.
 * The result is sorted by `effectiveFrom`.
 */
export function loadPolicyHistory<S extends z.ZodType<Dated>>(schema: S, json: unknown): Result<z.output<S>[]> {
  if (!Array.isArray(json)) return fail("POLICY_INVALID", "A policy history is an array of policy values", []);
  const parsed: z.output<S>[] = [];
  const errors = [];
  for (const [index, item] of (json as unknown[]).entries()) {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else errors.push(...zodErrors(result.error, "POLICY_INVALID").map((e) => ({ ...e, path: [index, ...e.path] })));
  }
  if (errors.length > 0) return failWith(errors);
  if (parsed.length === 0) return fail("POLICY_INVALID", "A policy history needs at least one value", []);
  parsed.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  for (let i = 1; i < parsed.length; i++) {
    const current = parsed[i];
    if (current !== undefined && current.effectiveFrom === parsed[i - 1]?.effectiveFrom) {
      return fail("POLICY_INVALID", `Two policy values take effect on ${current.effectiveFrom}`, [i, "effectiveFrom"]);
    }
  }
  return ok(parsed);
}
