import { calendarRefSchema, resolveCalendar, zoneSchema, type CalendarRef, type Holiday, type IsoDate } from "@kontor/calendar";
import { z } from "zod";
import { dateInputSchema, localDate } from "../dates/date-input.js";
import { fail, guard, ok, type Result } from "../errors/terms-error.js";
import type { PaymentPolicyOptions } from "../payment/payment-eligibility.js";
import type { Decision } from "../policy/decision.js";
import { policyInForce } from "../policy/policy-history.js";
import { refOf } from "../policy/policy-ref.js";
import { DEFAULT_PAYMENT_TERMS_POLICIES } from "../policies/payment-terms-policies.js";
import { deadlineAfter } from "./deadline.js";

/** Input of {@link netDueDate} in its serializable form. */
export const netDueDateInputSchema = z.object({
  invoiceDate: dateInputSchema,
  zone: zoneSchema.optional(),
  /** Net days; default: the on-invoice method's `netDays` of the policy in force (30). */
  netDays: z.number().int().min(0).max(366).optional(),
  /** Holidays of the place of performance for §193 BGB; default `"DE"` (nationwide). */
  calendar: calendarRefSchema.optional(),
});

/** Input of {@link netDueDate}; `calendar` may also be a custom `BusinessCalendar`. */
export type NetDueDateInput = Omit<z.output<typeof netDueDateInputSchema>, "calendar"> & { readonly calendar?: CalendarRef };

/** The due date of an invoice with net terms. */
export interface NetDueDate extends Decision {
  readonly rule: "T1";
  readonly invoiceDate: IsoDate;
  readonly netDays: number;
  /** Invoice date plus the net days. */
  readonly nominalDueDate: IsoDate;
  /** The nominal day, or the next business day if it is a Saturday, Sunday or holiday (§193 BGB). */
  readonly dueDate: IsoDate;
  /** Holidays that moved the due date. */
  readonly holidays: readonly Holiday[];
}

/**
 * Due date of an invoice payable net N days (RULES.md T1): the invoice date plus N calendar days;
 * when that day is a Saturday, Sunday or public holiday at the place of performance it moves to
 * the next business day (§193 BGB).
 *
 * @example
 * ```ts
 * netDueDate({ invoiceDate: "2026-11-25" }); // net 30: 2026-12-25 is Christmas → due 2026-12-28
 * ```
 */
export function netDueDate(input: NetDueDateInput, options: PaymentPolicyOptions = {}): Result<NetDueDate> {
  const day = localDate(input.invoiceDate, input.zone, ["invoiceDate"]);
  if (!day.ok) return day;
  const policy = policyInForce(options.policies ?? DEFAULT_PAYMENT_TERMS_POLICIES, day.value, "payment-terms policy");
  if (!policy.ok) return policy;
  const netDays = input.netDays ?? policy.value.methods.find((m) => m.method === "on-invoice")?.netDays;
  if (netDays === undefined) {
    return fail("NET_DAYS_INVALID", `Pass netDays: the policy ${policy.value.version} has no on-invoice net days`, ["netDays"]);
  }
  if (!Number.isSafeInteger(netDays) || netDays < 0) return fail("NET_DAYS_INVALID", "netDays must be a whole number ≥ 0", ["netDays"]);
  const invoiceDate = day.value;
  return guard(() => {
    const calendar = resolveCalendar(input.calendar ?? "DE");
    const { nominal, dueDate, holidays } = deadlineAfter(invoiceDate, netDays, calendar);
    const reason =
      dueDate === nominal
        ? `T1: net ${netDays} days from ${invoiceDate}: due ${dueDate}`
        : `T1: net ${netDays} days from ${invoiceDate} ends on ${nominal}, not a business day in ${calendar.id}; due ${dueDate} (§193 BGB)`;
    return ok({ rule: "T1", reason, policies: [refOf(policy.value)], invoiceDate, netDays, nominalDueDate: nominal, dueDate, holidays });
  });
}
