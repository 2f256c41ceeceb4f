import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";

/**
 * The account-manager rules of a contingent (C4): when a negative balance is billed by a
 * correction invoice, when a growing balance flags the contract as oversized, and at which shares
 * of the month's credit a usage warning is raised. A `null` trigger is switched off.
 */
export const contingentPolicySchema = z
  .strictObject({
    /** First day on which this version applies (P1). */
    effectiveFrom: isoDateSchema,
    correction: z.strictObject({
      /** Correct once the balance was negative at this many consecutive month ends (default 3). */
      consecutiveNegativeMonthEnds: z.int().min(1).max(120).nullable(),
      /** Correct at once when the month-end balance is below −this % of the monthly hours (default 50). */
      deficitPercentOfMonthly: z.int().min(1).max(10_000).nullable(),
    }),
    /** Flag as oversized when the month-end balance exceeds this many months of credit (default 3). */
    oversizedAboveMonthsOfCredit: z.int().min(1).max(120).nullable(),
    /** Warn when the month's charged minutes reach these % of the month's credit (default 80, 100). */
    warningThresholdsPercent: z.array(z.int().min(1).max(10_000)).max(10),
  })
  .refine(
    (policy) => policy.warningThresholdsPercent.every((value, i, all) => i === 0 || value > (all[i - 1] ?? 0)),
    { message: "Thresholds must be strictly ascending", path: ["warningThresholdsPercent"] },
  );

/** JSON form of a {@link ContingentPolicy}. */
export type ContingentPolicyInput = z.input<typeof contingentPolicySchema>;

/** One version of the C4 account-manager rules. */
export type ContingentPolicy = z.output<typeof contingentPolicySchema>;
