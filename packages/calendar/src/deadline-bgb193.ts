import { resolveCalendar, type CalendarRef } from "./business-calendar.js";
import { fromEpochDay, toEpochDay, weekdayOfEpochDay, type IsoDate } from "./iso-date.js";

/**
 * The effective end of a deadline under §193 BGB: if the last day of a period falls on a
 * Saturday, a Sunday or a public holiday at the place of performance, the next working day takes
 * its place. Exactly as the statute says, only Saturdays, Sundays and the calendar's holidays
 * move a deadline, whatever weekend days the calendar is configured with. Pass the state of the
 * place of performance (`"DE-BY"`), or `"DE"` for nationwide holidays only.
 *
 * @example deadlineBgb193("2026-10-03", "DE") // "2026-10-05": German Unity Day is a Saturday
 * @param date last day of the period
 * @param calendar calendar id, list of ids (union) or calendar object
 */
export function deadlineBgb193(date: IsoDate, calendar: CalendarRef): IsoDate {
  const resolved = resolveCalendar(calendar);
  let day = toEpochDay(date);
  for (;;) {
    const weekday = weekdayOfEpochDay(day);
    if (weekday !== 6 && weekday !== 7 && !resolved.isHolidayEpochDay(day)) return fromEpochDay(day);
    day++;
  }
}
