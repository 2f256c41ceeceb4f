import type { IsoDate } from "@kontor/calendar";
import { DateTime } from "luxon";

/** The installation's zone: demo dates are Europe/Berlin days (P2), whatever the machine's zone. */
export const DEMO_ZONE = "Europe/Berlin";

/**
 * The days and instants of the demo, all relative to the start instant `now`, so a demo started
 * with `KONTOR_NOW` at a month end gets a month with work in it and terms that end soon.
 */
export interface DemoTimeline {
  readonly now: Date;
  readonly zone: string;
  /** The local day of `now`. */
  readonly today: IsoDate;
  /** The 1st of the current local month. */
  readonly currentMonthStart: IsoDate;
  /** The 1st of the previous local month. */
  readonly previousMonthStart: IsoDate;
  /** The last day of the previous local month. */
  readonly previousMonthEnd: IsoDate;
  /** The local day `days` after today (negative: before). */
  readonly day: (days: number) => IsoDate;
  /** Day `dayOfMonth` (1–28) of the previous month. */
  readonly previousMonth: (dayOfMonth: number) => IsoDate;
  /** Day `dayOfMonth` of the current month, or today while that day is still to come. */
  readonly thisMonth: (dayOfMonth: number) => IsoDate;
  /** Local `hour:minute` on `date` as an instant, never later than `now` (nothing happens in the future). */
  readonly at: (date: IsoDate, hour: number, minute?: number) => Date;
  /** `hours` before `now`. */
  readonly hoursAgo: (hours: number) => Date;
}

function isoDate(value: DateTime): IsoDate {
  const date = value.toISODate();
  if (date === null) throw new Error(`demo timeline: invalid date ${value.invalidReason ?? ""}`);
  return date;
}

/** The {@link DemoTimeline} of a demo started at `now`, in `zone`. */
export function demoTimeline(now: Date, zone: string = DEMO_ZONE): DemoTimeline {
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) throw new Error(`demo timeline: unknown zone ${zone}`);
  const monthStart = local.startOf("month");
  return {
    now,
    zone,
    today: isoDate(local),
    currentMonthStart: isoDate(monthStart),
    previousMonthStart: isoDate(monthStart.minus({ months: 1 })),
    previousMonthEnd: isoDate(monthStart.minus({ days: 1 })),
    day: (days) => isoDate(local.plus({ days })),
    previousMonth: (dayOfMonth) => isoDate(monthStart.minus({ months: 1 }).set({ day: dayOfMonth })),
    thisMonth: (dayOfMonth) => isoDate(DateTime.min(monthStart.set({ day: dayOfMonth }), local)),
    at: (date, hour, minute = 0) => {
      const instant = DateTime.fromISO(date, { zone }).set({ hour, minute }).toJSDate();
      return instant.getTime() > now.getTime() ? now : instant;
    },
    hoursAgo: (hours) => new Date(now.getTime() - hours * 3_600_000),
  };
}

/**
 * `count` days of the current month up to today, spread evenly (the 1st repeated when the month
 * has just begun): work can only be recorded for days that have passed (C6).
 */
export function daysSoFarThisMonth(timeline: DemoTimeline, count: number): IsoDate[] {
  const daysPassed = Number(timeline.today.slice(8, 10));
  return Array.from({ length: count }, (_, index) => timeline.thisMonth(Math.max(1, Math.round((daysPassed * (index + 1)) / (count + 1)))));
}
