import { type Instant, instantSchema, zoneSchema } from "@kontor/calendar";
import { z } from "zod";
import type { Catalog } from "../catalog/catalog.js";
import { type LicensingResult, ok } from "../errors/result.js";
import { type EvaluationTime, readEvaluationTime } from "../time/evaluation-time.js";
import { DEFAULT_POLICIES, type PolicySet } from "./policy-set.js";

/**
 * When and under which policies a rule is evaluated (P1, P2): the explicit instant `asOf`, the
 * customer's IANA zone (default `Europe/Berlin`) and the policy versions to pick from (default
 * {@link DEFAULT_POLICIES}). Nothing reads the system clock.
 */
export interface RuleContext {
  readonly asOf: Instant;
  readonly zone?: string;
  readonly policies?: PolicySet;
}

/** A {@link RuleContext} plus the catalog with products and prices. */
export interface CatalogRuleContext extends RuleContext {
  readonly catalog: Catalog;
}

/** zod schema of the serializable part of a {@link RuleContext} (policies are validated by `policySetSchema`). */
export const ruleContextSchema = z.object({ asOf: instantSchema, zone: zoneSchema.optional() });

/** A {@link RuleContext} read and resolved: the evaluation time plus the policy set. */
export interface ResolvedContext {
  readonly time: EvaluationTime;
  readonly policies: PolicySet;
}

/** Reads `asOf` and `zone` of a {@link RuleContext}; `INVALID_INSTANT` / `INVALID_ZONE` otherwise. */
export function resolveContext(context: RuleContext): LicensingResult<ResolvedContext> {
  const time = readEvaluationTime(context.asOf, context.zone);
  if (!time.ok) return time;
  return ok({ time: time.value, policies: context.policies ?? DEFAULT_POLICIES });
}
