import { deadlineBgb193, type BusinessCalendar, type Holiday, type IsoDate } from "@kontor/calendar";
import { holidaysBetween, plusDays } from "../dates/day-arithmetic.js";

/** A due date `days` after a start day, moved under §193 BGB. */
export interface MovedDeadline {
  /** Start day plus the days, before any move. */
  readonly nominal: IsoDate;
  /** The effective due date: the nominal day, or the next working day after it. */
  readonly dueDate: IsoDate;
  /** Holidays of the calendar from the nominal day up to the due date that caused the move. */
  readonly holidays: readonly Holiday[];
}

/**
 * `start` plus `days` calendar days; a result on a Saturday, Sunday or holiday of `calendar`
 * (the place of performance) moves to the next working day (§193 BGB).
 */
export function deadlineAfter(start: IsoDate, days: number, calendar: BusinessCalendar): MovedDeadline {
  const nominal = plusDays(start, days);
  const dueDate = deadlineBgb193(nominal, calendar);
  return { nominal, dueDate, holidays: holidaysBetween(calendar, plusDays(nominal, -1), dueDate) };
}
