import { DateTime } from "luxon";
import { toEpochMs, type Instant } from "./instant.js";
import { civilFromEpochDay, daysInMonth, epochDayFromCivil, formatIsoDate, parseIsoDate, type CivilDate, type IsoDate } from "./iso-date.js";
import { DEFAULT_ZONE, localEpochDay, resolveZone, wallClockToEpochMs } from "./zone.js";

const MS_PER_DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar month in a time zone, as instants and as days. */
export interface BillingMonth {
  /** Local midnight of the 1st, in the zone. */
  readonly start: DateTime;
  /** Local midnight of the 1st of the next month (exclusive end), in the zone. */
  readonly end: DateTime;
  /** The 1st of the month. */
  readonly firstDay: IsoDate;
  /** The last day of the month. */
  readonly lastDay: IsoDate;
}

/**
 * The calendar month that contains `instant` in `zone` (RULES.md M4: months are the customer's
 * local months). `2026-10-31T23:30Z` is already November in Berlin. Start and end are local
 * midnights resolved in the zone, so a month with a DST change is an hour shorter or longer.
 *
 * @param instant any instant
 * @param zone IANA zone, default `"Europe/Berlin"`
 * @throws CalendarError `CALENDAR_INVALID_INSTANT`, `CALENDAR_UNKNOWN_ZONE`
 */
export function monthContaining(instant: Instant, zone: string = DEFAULT_ZONE): BillingMonth {
  const ianaZone = resolveZone(zone);
  const { year, month } = civilFromEpochDay(localEpochDay(toEpochMs(instant), ianaZone));
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const startMs = wallClockToEpochMs(epochDayFromCivil(year, month, 1) * MS_PER_DAY, ianaZone);
  const endMs = wallClockToEpochMs(epochDayFromCivil(nextYear, nextMonth, 1) * MS_PER_DAY, ianaZone);
  return Object.freeze({
    start: DateTime.fromMillis(startMs, { zone: ianaZone }),
    end: DateTime.fromMillis(endMs, { zone: ianaZone }),
    firstDay: formatIsoDate(year, month, 1),
    lastDay: formatIsoDate(year, month, daysInMonth(year, month)),
  });
}

/** A date-only string is a calendar day; anything else is an instant read in `zone`. */
function civilDateOf(input: IsoDate | Instant, zone: string): CivilDate {
  if (typeof input === "string" && DATE_ONLY.test(input)) return parseIsoDate(input);
  const ianaZone = resolveZone(zone);
  return civilFromEpochDay(localEpochDay(toEpochMs(input), ianaZone));
}

/**
 * The 1st of the month of a day, or of the local day of an instant in `zone` (RULES.md M4: the
 * start date of a monthly rental).
 *
 * @example firstDayOfMonth("2026-02-17") // "2026-02-01"
 * @param input `"YYYY-MM-DD"` (zone ignored) or an instant
 * @param zone IANA zone for instants, default `"Europe/Berlin"`
 */
export function firstDayOfMonth(input: IsoDate | Instant, zone: string = DEFAULT_ZONE): IsoDate {
  const { year, month } = civilDateOf(input, zone);
  return formatIsoDate(year, month, 1);
}

/**
 * The last day of the month of a day, or of the local day of an instant in `zone` (RULES.md M4:
 * the end date of a cancellation).
 *
 * @example lastDayOfMonth("2028-02-03") // "2028-02-29"
 * @param input `"YYYY-MM-DD"` (zone ignored) or an instant
 * @param zone IANA zone for instants, default `"Europe/Berlin"`
 */
export function lastDayOfMonth(input: IsoDate | Instant, zone: string = DEFAULT_ZONE): IsoDate {
  const { year, month } = civilDateOf(input, zone);
  return formatIsoDate(year, month, daysInMonth(year, month));
}
