import { type IsoDate, instantSchema, monthlyAnniversary } from "@kontor/calendar";
import { z } from "zod";
import { parseWith } from "../errors/from-zod.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import type { VendorPolicy } from "../policies/vendor-policy.js";
import { vendorPolicyOn } from "../policies/policy-set.js";
import { type RuleContext, resolveContext } from "../policies/rule-context.js";
import { addDays, daysFromTo } from "../time/day-arithmetic.js";
import { type EvaluationTime, readInstant } from "../time/evaluation-time.js";
import { formatLocalDate } from "../time/local-date.js";
import { type RefundBasis, licenseRefundSchema } from "./license-refund.js";

export type { RefundBasis } from "./license-refund.js";

/** The kinds of license a refund window exists for (L17). */
export type RefundableLicense = "self-managed" | "cloud-annual" | "cloud-monthly";

/** A refund request: what was bought, when it was bought and when it was paid (L17). */
export const refundRequestSchema = z
  .object({
    vendorId: z.string().min(1),
    license: z.enum(["self-managed", "cloud-annual", "cloud-monthly"]),
    /** The original purchase. */
    purchasedAt: instantSchema,
    /** The payment; required for cloud subscriptions, whose windows run from payment. */
    paidAt: instantSchema.optional(),
    /** The license's refund, if it was refunded already (L17): then it is not refunded again. */
    refund: licenseRefundSchema.nullable().optional(),
  })
  .strict()
  .refine((request) => request.license === "self-managed" || request.paidAt !== undefined, {
    message: "Cloud refund windows run from the payment: paidAt is required",
    path: ["paidAt"],
  });

/** Input of {@link checkRefund}. */
export type RefundRequest = z.input<typeof refundRequestSchema>;

/** An allowed refund: the last day it can be asked for, and which day of the window today is. */
export interface RefundEligibility {
  readonly basis: RefundBasis;
  /** The first day of the window (purchase or payment day in the customer's zone); day 0. */
  readonly windowStart: IsoDate;
  /** The last day a refund may be asked for, in the customer's zone. */
  readonly deadline: IsoDate;
  /** Calendar days from `windowStart` to the day the refund is asked. */
  readonly day: number;
  readonly policyId: string;
}

/**
 * L17: whether a refund asked at `asOf` is in time. Self-managed licenses: within 30 days of the
 * original purchase; cloud annual: within 30 days after payment; cloud monthly: within the
 * first paid month (policy numbers). Days are calendar days in the customer's zone, counted from
 * the purchase (payment) day: day 30 is allowed, day 31 refused with
 * `L17_REFUND_DEADLINE_PASSED` (details: `deadline`, `day`, `basis`; the message names the
 * window's last day). A request carrying the license's `refund` is answered
 * `L17_ALREADY_REFUNDED`: a license is refunded once.
 *
 * @param request the license and its purchase and payment instants
 * @param context `asOf` is the instant the refund is asked; `zone` the customer's zone
 */
export function checkRefund(request: RefundRequest, context: RuleContext): LicensingResult<RefundEligibility> {
  const parsed = parseWith(refundRequestSchema, request);
  if (!parsed.ok) return parsed;
  const resolved = resolveContext(context);
  if (!resolved.ok) return resolved;
  const { time, policies } = resolved.value;
  const refunded = refusedAsRefunded(parsed.value.refund);
  if (!refunded.ok) return refunded;
  const policy = vendorPolicyOn(policies, parsed.value.vendorId, time.today);
  if (!policy.ok) return policy;

  const basisInstant = readInstant(
    parsed.value.license === "self-managed" ? parsed.value.purchasedAt : (parsed.value.paidAt ?? parsed.value.purchasedAt),
    [parsed.value.license === "self-managed" ? "purchasedAt" : "paidAt"],
  );
  if (!basisInstant.ok) return basisInstant;
  return refundWindow(parsed.value.license, formatLocalDate(basisInstant.value, time.zone), time, policy.value);
}

/**
 * `L17_ALREADY_REFUNDED` for a license refunded already (details: `refundedAt`, `refundedOn`).
 * Internal to the package.
 */
export function refusedAsRefunded(refund: { readonly refundedAt: string; readonly refundedOn: IsoDate } | null | undefined): LicensingResult<void> {
  if (refund === undefined || refund === null) return ok(undefined);
  return fail(
    licensingError("L17_ALREADY_REFUNDED", `The license was refunded on ${refund.refundedOn} already; a license is refunded once`, ["refund"], {
      refundedAt: refund.refundedAt,
      refundedOn: refund.refundedOn,
    }),
  );
}

const BASIS_EVENT: Readonly<Record<RefundBasis, string>> = { purchase: "purchase", payment: "payment", "first-paid-month": "first payment" };

/**
 * The L17 window of a license whose window starts on `windowStart` (the purchase or payment day
 * in the customer's zone), judged on `time.today`: the eligibility, or
 * `L17_REFUND_DEADLINE_PASSED` naming the window's last day, or `INVALID_INPUT` for a day before
 * the window. Internal to the package: {@link checkRefund} and `refundLicense` share it.
 */
export function refundWindow(license: RefundableLicense, windowStart: IsoDate, time: EvaluationTime, policy: VendorPolicy): LicensingResult<RefundEligibility> {
  const { refunds } = policy;
  const [basis, deadline]: [RefundBasis, IsoDate] =
    license === "self-managed"
      ? ["purchase", addDays(windowStart, refunds.selfManagedDays)]
      : license === "cloud-annual"
        ? ["payment", addDays(windowStart, refunds.cloudAnnualDaysAfterPayment)]
        : ["first-paid-month", addDays(monthlyAnniversary(windowStart, refunds.cloudMonthlyPaidMonths), -1)];
  const day = daysFromTo(windowStart, time.today);
  if (day < 0) {
    return fail(licensingError("INVALID_INPUT", `The refund is asked on ${time.today}, before ${windowStart}`, ["asOf"]));
  }
  if (time.today > deadline) {
    return fail(
      licensingError(
        "L17_REFUND_DEADLINE_PASSED",
        `A refund had to be asked for by ${deadline}, the last day of the refund window (${time.zone}) that opened with the ${BASIS_EVENT[basis]} on ${windowStart}; ${time.today} is day ${day} after it`,
        ["asOf"],
        { deadline, day, basis },
      ),
    );
  }
  return ok({ basis, windowStart, deadline, day, policyId: policy.id });
}
