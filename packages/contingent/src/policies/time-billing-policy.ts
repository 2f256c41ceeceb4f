import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";

/**
 * How raw minutes become billed minutes (C6): the increment and its rounding, the minimum per
 * entry, and multipliers per work type and for work after hours. Multipliers are whole percent
 * (150 = ×1.5) so that billing stays integer arithmetic.
 */
export const timeBillingPolicySchema = z.strictObject({
  /** First day on which this version applies (P1). */
  effectiveFrom: isoDateSchema,
  /** Billing step in minutes (default 15). */
  incrementMinutes: z.int().min(1).max(480),
  /** How a part-increment is rounded: `up` (default), `half-up` (nearest, ties up) or `down`. */
  rounding: z.enum(["up", "half-up", "down"]),
  /** The least an entry bills, applied after rounding (default 15). */
  minimumMinutes: z.int().min(0).max(1440),
  /** Multiplier per work type in percent; work types not listed bill at 100. */
  workTypeMultipliersPercent: z.record(z.string().min(1), z.int().min(1).max(1000)).default({}),
  /** Multiplier for entries flagged `afterHours`, in percent (combined with the work type's). */
  afterHoursMultiplierPercent: z.int().min(1).max(1000).default(100),
});

/** JSON form of a {@link TimeBillingPolicy}, as a user would load it. */
export type TimeBillingPolicyInput = z.input<typeof timeBillingPolicySchema>;

/** One version of the C6 time billing rules. */
export type TimeBillingPolicy = z.output<typeof timeBillingPolicySchema>;
