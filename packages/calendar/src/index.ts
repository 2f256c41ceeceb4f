/**
 * `@kontor/calendar`: holiday calendars (Germany and its states, TARGET2, US federal),
 * business-day arithmetic, business hours for SLA clocks, billing months and day counts.
 * Pure functions; every time-dependent function takes an explicit instant and IANA zone.
 *
 * @packageDocumentation
 */
export { CalendarError, type CalendarErrorCode, type CalendarErrorPath } from "./calendar-error.js";
export {
  civilFromEpochDay,
  daysInMonth,
  epochDayFromCivil,
  fromEpochDay,
  isLeapYear,
  isoDateSchema,
  parseIsoDate,
  toEpochDay,
  weekdayOfEpochDay,
  weekdaySchema,
  type CivilDate,
  type EpochDay,
  type IsoDate,
  type Weekday,
} from "./iso-date.js";
export { DEFAULT_ZONE, zoneSchema } from "./zone.js";
export { instantSchema, type Instant } from "./instant.js";
export { easterSunday } from "./easter.js";
export type { Holiday } from "./holiday.js";
export {
  CALENDAR_IDS,
  GERMAN_STATE_CODES,
  calendarIdSchema,
  isCalendarId,
  type CalendarId,
  type GermanRegion,
  type GermanStateCode,
} from "./calendar-id.js";
export {
  MAX_HOLIDAY_YEAR,
  MIN_HOLIDAY_YEAR,
  calendarOptionsSchema,
  calendarRefSchema,
  getCalendar,
  resolveCalendar,
  unionCalendar,
  type BusinessCalendar,
  type CalendarOptions,
  type CalendarRef,
} from "./business-calendar.js";
export { addBusinessDays, businessDaysBetween, isBusinessDay, nextBusinessDay, previousBusinessDay } from "./business-days.js";
export { deadlineBgb193 } from "./deadline-bgb193.js";
export {
  WEEKDAY_KEYS,
  businessHours,
  businessHoursInputSchema,
  timeOfDaySchema,
  timeRangeSchema,
  weeklyScheduleSchema,
  type BusinessHours,
  type BusinessHoursInput,
  type TimeRange,
  type TimeRangeInput,
  type WeekdayKey,
  type WeeklyScheduleInput,
} from "./business-hours.js";
export { addBusinessMinutes, businessMinutesBetween, isWithinBusinessHours } from "./business-minutes.js";
export { firstDayOfMonth, lastDayOfMonth, monthContaining, type BillingMonth } from "./billing-month.js";
export { addTermYears, daysInYearTerm, monthlyAnniversary, termDays } from "./term-dates.js";
