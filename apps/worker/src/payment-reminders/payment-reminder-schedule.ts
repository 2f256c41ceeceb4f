import { toEpochDay, type IsoDate } from "@kontor/calendar";

/**
 * The reminder stages of an overdue invoice and the days overdue from which each is due:
 * stage 1, the friendly "Zahlungserinnerung", from 7 days after the due date; stage 2, the
 * "Mahnung" stating the T6 claim, from 30 days.
 */
export const PAYMENT_REMINDER_STAGES = [
  { stage: 1, fromDaysOverdue: 7, title: "Zahlungserinnerung" },
  { stage: 2, fromDaysOverdue: 30, title: "Mahnung" },
] as const;

/** One of the stages of {@link PAYMENT_REMINDER_STAGES}. */
export type PaymentReminderStage = (typeof PAYMENT_REMINDER_STAGES)[number]["stage"];

/** Days overdue from which the first reminder is due: an invoice overdue fewer days is not looked at. */
export const FIRST_REMINDER_DAYS_OVERDUE = PAYMENT_REMINDER_STAGES[0].fromDaysOverdue;

/** The title of a stage as mail subjects and texts name it (`Zahlungserinnerung`, `Mahnung`). */
export function paymentReminderTitle(stage: PaymentReminderStage): string {
  const found = PAYMENT_REMINDER_STAGES.find((candidate) => candidate.stage === stage);
  if (found === undefined) throw new Error(`unknown payment reminder stage ${String(stage)}`);
  return found.title;
}

/**
 * Calendar days from the due date to local day `today` (today − due date): 0 on the due date
 * and before (never negative), 1 the day after it.
 *
 * @example daysOverdue("2026-10-15", "2026-10-22") // 7
 */
export function daysOverdue(dueDate: IsoDate, today: IsoDate): number {
  return Math.max(0, toEpochDay(today) - toEpochDay(dueDate));
}

/**
 * The reminder stage due on local day `today` for an invoice still open and due on `dueDate`:
 * the highest stage whose threshold the days overdue ({@link daysOverdue}) have reached, or
 * `undefined` before the first. A stage stays due until the next one takes over, so a day the
 * worker missed is caught up late (once, by the event's dedupe key) instead of being lost, and an
 * invoice first seen 40 days overdue gets only the Mahnung.
 *
 * @example duePaymentReminder("2026-10-15", "2026-10-21") // undefined (6 days)
 * @example duePaymentReminder("2026-10-15", "2026-10-22") // 1 (7 days)
 * @example duePaymentReminder("2026-10-15", "2026-11-14") // 2 (30 days)
 */
export function duePaymentReminder(dueDate: IsoDate, today: IsoDate): PaymentReminderStage | undefined {
  const overdue = daysOverdue(dueDate, today);
  // The highest threshold reached: descending order finds it first.
  return [...PAYMENT_REMINDER_STAGES].reverse().find((candidate) => overdue >= candidate.fromDaysOverdue)?.stage;
}
