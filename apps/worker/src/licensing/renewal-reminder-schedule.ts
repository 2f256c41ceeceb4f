import type { IsoDate } from "@kontor/calendar";
import { daysFromTo } from "@kontor/licensing";

/** Days before a term's end at which the customer is reminded to renew, largest first. */
export const RENEWAL_REMINDER_DAYS = [90, 30] as const;

/** One of {@link RENEWAL_REMINDER_DAYS}. */
export type RenewalReminderThreshold = (typeof RENEWAL_REMINDER_DAYS)[number];

/**
 * The renewal reminder due on local day `today` for a maintenance or subscription term ending
 * on `termEnd` (the day after its last covered day, as `@kontor/licensing`'s `TermPeriod.to`
 * and L15 count it): the 90-day reminder from `termEnd − 90` on, the 30-day one from
 * `termEnd − 30` on, none once the term has ended. Each reminder stays due until the next one
 * takes over, so a day the worker missed is caught up late (once, by its dedupe key) instead of
 * being lost, and a term first seen 20 days before its end gets only the 30-day reminder.
 *
 * @example dueRenewalReminder("2028-02-29", "2027-12-01") // 90 (exactly 90 days before)
 * @example dueRenewalReminder("2028-02-29", "2027-11-30") // undefined (91 days)
 */
export function dueRenewalReminder(termEnd: IsoDate, today: IsoDate): RenewalReminderThreshold | undefined {
  const daysLeft = daysFromTo(today, termEnd);
  if (daysLeft <= 0) return undefined;
  // The smallest threshold whose day has come: ascending order finds it first.
  return [...RENEWAL_REMINDER_DAYS].reverse().find((threshold) => daysLeft <= threshold);
}
