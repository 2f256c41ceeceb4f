import {
  addBusinessDays,
  calendarRefSchema,
  resolveCalendar,
  zoneSchema,
  type CalendarRef,
  type Holiday,
  type IsoDate,
} from "@kontor/calendar";
import { z } from "zod";
import { dateInputSchema, localDate } from "../dates/date-input.js";
import { holidaysBetween, plusDays } from "../dates/day-arithmetic.js";
import { deadlineAfter } from "../due-dates/deadline.js";
import { fail, guard, ok, type Result } from "../errors/terms-error.js";
import type { Decision } from "../policy/decision.js";
import { policyInForce } from "../policy/policy-history.js";
import { refOf } from "../policy/policy-ref.js";
import { DEFAULT_PAYMENT_TERMS_POLICIES } from "../policies/payment-terms-policies.js";
import type { PaymentPolicyOptions } from "./payment-eligibility.js";
import { paymentMethodSchema, type PaymentMethod } from "./payment-method.js";
import type { Clearing } from "./payment-policy.js";

/** Input of {@link estimateSettlement} in its serializable form. */
export const settlementInputSchema = z.object({
  method: paymentMethodSchema,
  /** When the payment was started (or, for on-invoice, the invoice date). */
  startedAt: dateInputSchema,
  zone: zoneSchema.optional(),
  /**
   * Overrides the policy's calendar: a German state (`"DE-NW"`) instead of TARGET2 for a bank
   * transfer, or the place of performance for the §193 BGB move of an on-invoice due date.
   */
  calendar: calendarRefSchema.optional(),
});

/** Input of {@link estimateSettlement}; `calendar` may also be a custom `BusinessCalendar`. */
export type SettlementInput = Omit<z.output<typeof settlementInputSchema>, "calendar"> & { readonly calendar?: CalendarRef };

/** The T2 estimate of when a payment clears. */
export interface SettlementEstimate extends Decision {
  readonly rule: "T2";
  readonly method: PaymentMethod;
  /** Local day the payment started. */
  readonly startDate: IsoDate;
  /** Earliest day the payment can have cleared. */
  readonly earliest: IsoDate;
  /** Latest day the payment should have cleared. */
  readonly latest: IsoDate;
  readonly clearing: Clearing;
  /** Id of the calendar counted in (business-day clearing and on-invoice due dates). */
  readonly calendar?: string;
  /** Holidays of that calendar after the start and up to `latest`, which the count skipped. */
  readonly holidaysSkipped: readonly Holiday[];
}

/**
 * Earliest and latest day a payment clears (RULES.md T2), under the payment-terms policy in
 * force on the start day:
 * - card and PayPal clear on the start day;
 * - bank transfer and ACH count business days of the policy's calendar (TARGET2 for SEPA,
 *   `"US"` federal holidays for ACH), or of `input.calendar`; a start on a non-business day
 *   counts from the next business day, as the count only includes days after the start;
 * - checks count calendar days;
 * - on invoice: from the invoice date up to the net due date, moved under §193 BGB to the next
 *   business day of `input.calendar` (default `"DE"`, nationwide holidays).
 *
 * @example
 * ```ts
 * estimateSettlement({ method: "bank-transfer", startedAt: "2026-12-18", calendar: "DE-NW" });
 * // earliest 2026-12-28, latest 2026-12-30: Dec 25 and 26 are not business days
 * ```
 */
export function estimateSettlement(input: SettlementInput, options: PaymentPolicyOptions = {}): Result<SettlementEstimate> {
  const start = localDate(input.startedAt, input.zone, ["startedAt"]);
  if (!start.ok) return start;
  const policy = policyInForce(options.policies ?? DEFAULT_PAYMENT_TERMS_POLICIES, start.value, "payment-terms policy");
  if (!policy.ok) return policy;
  const rule = policy.value.methods.find((m) => m.method === input.method);
  if (rule === undefined) {
    return fail("T2_METHOD_NOT_IN_POLICY", `The payment-terms policy ${policy.value.version} has no ${input.method}`, ["method"]);
  }
  const startDate = start.value;
  const base = { rule: "T2" as const, method: input.method, startDate, clearing: rule.clearing, policies: [refOf(policy.value)] };
  const { clearing } = rule;

  return guard((): Result<SettlementEstimate> => {
    switch (clearing.kind) {
      case "immediate":
        return ok({ ...base, earliest: startDate, latest: startDate, holidaysSkipped: [], reason: `T2: ${rule.label} clears on the day of payment` });
      case "calendar-days":
        return ok({
          ...base,
          earliest: plusDays(startDate, clearing.minDays),
          latest: plusDays(startDate, clearing.maxDays),
          holidaysSkipped: [],
          reason: `T2: ${rule.label} takes ${clearing.minDays}–${clearing.maxDays} calendar days`,
        });
      case "business-days": {
        const calendar = resolveCalendar(input.calendar ?? clearing.calendar);
        const latest = addBusinessDays(startDate, clearing.maxDays, calendar);
        const skipped = holidaysBetween(calendar, startDate, latest);
        const names = skipped.length === 0 ? "" : `; skipped ${skipped.map((h) => `${h.date} ${h.nameEn}`).join(", ")}`;
        return ok({
          ...base,
          earliest: addBusinessDays(startDate, clearing.minDays, calendar),
          latest,
          calendar: calendar.id,
          holidaysSkipped: skipped,
          reason: `T2: ${rule.label} takes ${clearing.minDays}–${clearing.maxDays} business days of calendar ${calendar.id}${names}`,
        });
      }
      case "net-terms": {
        const calendar = resolveCalendar(input.calendar ?? "DE");
        const netDays = rule.netDays ?? 0;
        const deadline = deadlineAfter(startDate, netDays, calendar);
        const moved = deadline.dueDate === deadline.nominal ? "" : `, moved from ${deadline.nominal} under §193 BGB`;
        return ok({
          ...base,
          earliest: startDate,
          latest: deadline.dueDate,
          calendar: calendar.id,
          holidaysSkipped: deadline.holidays,
          reason: `T2: ${rule.label}: payable from the invoice date until ${deadline.dueDate} (net ${netDays}${moved})`,
        });
      }
    }
  });
}
