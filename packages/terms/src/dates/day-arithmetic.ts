import { fromEpochDay, toEpochDay, type BusinessCalendar, type Holiday, type IsoDate } from "@kontor/calendar";

/** `date` plus `days` calendar days (negative: minus). */
export function plusDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Days from `from` to `to`, both counted: 2026-07-01 to 2026-07-01 is 1. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from) + 1;
}

/** Holidays of `calendar` with `after < date <= upTo`, in date order. */
export function holidaysBetween(calendar: BusinessCalendar, after: IsoDate, upTo: IsoDate): Holiday[] {
  const found: Holiday[] = [];
  for (let year = Number(after.slice(0, 4)); year <= Number(upTo.slice(0, 4)); year++) {
    for (const holiday of calendar.holidays(year)) if (holiday.date > after && holiday.date <= upTo) found.push(holiday);
  }
  return found;
}
