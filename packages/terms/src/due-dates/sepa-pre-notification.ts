import { addBusinessDays, isoDateSchema, resolveCalendar, type IsoDate } from "@kontor/calendar";
import { z } from "zod";
import { localDate } from "../dates/date-input.js";
import { plusDays } from "../dates/day-arithmetic.js";
import { fail, guard, ok, type Result } from "../errors/terms-error.js";
import type { Decision } from "../policy/decision.js";
import { policyInForce } from "../policy/policy-history.js";
import { refOf } from "../policy/policy-ref.js";
import { DEFAULT_SEPA_POLICIES } from "../policies/sepa-policies.js";
import type { SepaPolicy } from "./sepa-policy.js";

/** Options of the SEPA functions. */
export interface SepaOptions {
  /** SEPA policy history; default {@link DEFAULT_SEPA_POLICIES}. */
  readonly policies?: readonly SepaPolicy[];
}

const agreedDaysSchema = z.number().int().min(1).max(366).optional();

/** Input of {@link sepaPreNotificationDeadline}. */
export const sepaPreNotificationInputSchema = z.object({
  /** The collection (due) date of the direct debit. */
  collectionDate: isoDateSchema,
  /** A shorter pre-notification period agreed with the debtor (≥ 1 day); default 14. */
  agreedDays: agreedDaysSchema,
});

/** See {@link sepaPreNotificationInputSchema}. */
export type SepaPreNotificationInput = z.infer<typeof sepaPreNotificationInputSchema>;

/** Input of {@link earliestSepaCollection}. */
export const sepaCollectionInputSchema = z.object({
  /** The day the debtor was pre-notified. */
  notifiedOn: isoDateSchema,
  agreedDays: agreedDaysSchema,
});

/** See {@link sepaCollectionInputSchema}. */
export type SepaCollectionInput = z.infer<typeof sepaCollectionInputSchema>;

/** The T7 pre-notification schedule of one SEPA direct debit. */
export interface SepaSchedule extends Decision {
  readonly rule: "T7";
  /** Calendar days between pre-notification and collection. */
  readonly days: number;
  /** Latest day the pre-notification must reach the debtor. */
  readonly notifyBy: IsoDate;
  /** The collection date the schedule is for. */
  readonly collectionDate: IsoDate;
  /** The day the debit is booked: the collection date, or the next TARGET2 business day. */
  readonly debitDate: IsoDate;
}

function periodOf(policy: SepaPolicy, agreedDays: number | undefined): Result<{ days: number; why: string }> {
  if (agreedDays === undefined) return ok({ days: policy.preNotificationDays, why: "the default period" });
  if (!Number.isSafeInteger(agreedDays) || agreedDays < policy.minimumAgreedDays) {
    return fail(
      "T7_AGREED_PERIOD_TOO_SHORT",
      `An agreed pre-notification period must be a whole number of at least ${policy.minimumAgreedDays} day(s), got ${agreedDays}`,
      ["agreedDays"],
    );
  }
  return ok({ days: agreedDays, why: "the agreed period" });
}

function schedule(
  policy: SepaPolicy,
  days: number,
  why: string,
  notifyBy: IsoDate,
  collectionDate: IsoDate,
): Result<SepaSchedule> {
  return guard(() => {
    const debitDate = addBusinessDays(collectionDate, 0, resolveCalendar(policy.collectionCalendar));
    const booked = debitDate === collectionDate ? "" : `; debited on ${debitDate}, the next business day`;
    return ok({
      rule: "T7",
      reason: `T7: pre-notify at least ${days} calendar days (${why}) before the collection on ${collectionDate}: by ${notifyBy}${booked}`,
      policies: [refOf(policy)],
      days,
      notifyBy,
      collectionDate,
      debitDate,
    });
  });
}

/**
 * The latest day to pre-notify a SEPA direct debit collected on `collectionDate` (RULES.md T7):
 * 14 calendar days before, unless a shorter period (≥ 1 day) was agreed. The policy in force on
 * the collection date applies.
 *
 * @example
 * ```ts
 * sepaPreNotificationDeadline({ collectionDate: "2026-03-02" }); // notifyBy 2026-02-16
 * ```
 */
export function sepaPreNotificationDeadline(input: SepaPreNotificationInput, options: SepaOptions = {}): Result<SepaSchedule> {
  const day = localDate(input.collectionDate, undefined, ["collectionDate"]);
  if (!day.ok) return day;
  const collectionDate = day.value;
  const policy = policyInForce(options.policies ?? DEFAULT_SEPA_POLICIES, collectionDate, "SEPA policy");
  if (!policy.ok) return policy;
  const period = periodOf(policy.value, input.agreedDays);
  if (!period.ok) return period;
  return schedule(policy.value, period.value.days, period.value.why, plusDays(collectionDate, -period.value.days), collectionDate);
}

/**
 * The earliest collection date of a SEPA direct debit pre-notified on `notifiedOn` (RULES.md T7),
 * with the day the debit is then booked (the next TARGET2 business day if needed).
 *
 * @example
 * ```ts
 * earliestSepaCollection({ notifiedOn: "2026-03-02", agreedDays: 5 }); // collectionDate 2026-03-07
 * ```
 */
export function earliestSepaCollection(input: SepaCollectionInput, options: SepaOptions = {}): Result<SepaSchedule> {
  const day = localDate(input.notifiedOn, undefined, ["notifiedOn"]);
  if (!day.ok) return day;
  const notifiedOn = day.value;
  const policy = policyInForce(options.policies ?? DEFAULT_SEPA_POLICIES, notifiedOn, "SEPA policy");
  if (!policy.ok) return policy;
  const period = periodOf(policy.value, input.agreedDays);
  if (!period.ok) return period;
  return schedule(policy.value, period.value.days, period.value.why, notifiedOn, plusDays(notifiedOn, period.value.days));
}
