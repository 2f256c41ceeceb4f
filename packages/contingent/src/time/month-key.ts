import { daysInMonth, type IsoDate } from "@kontor/calendar";
import { z } from "zod";

/**
 * A calendar month as `"YYYY-MM"`. Month keys compare correctly as strings, and the month of a
 * work date is its first seven characters: the hot paths never build a luxon object per entry.
 */
export type MonthKey = string;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** zod schema of a {@link MonthKey} such as `"2026-01"`. */
export const monthKeySchema = z.string().regex(MONTH_KEY, "Expected a month as YYYY-MM");

/** The month a day belongs to: `monthOf("2026-01-31")` is `"2026-01"` (C6: the work date's month). */
export function monthOf(date: IsoDate): MonthKey {
  return date.slice(0, 7);
}

function yearAndMonth(month: MonthKey): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function formatMonth(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

const followers = new Map<MonthKey, MonthKey>();

/** The month after `month`: `"2026-12"` → `"2027-01"`. */
export function nextMonth(month: MonthKey): MonthKey {
  let next = followers.get(month);
  if (next === undefined) {
    const [year, m] = yearAndMonth(month);
    next = m === 12 ? formatMonth(year + 1, 1) : formatMonth(year, m + 1);
    if (followers.size > 10_000) followers.clear();
    followers.set(month, next);
  }
  return next;
}

/** The month before `month`: `"2026-01"` → `"2025-12"`. */
export function previousMonth(month: MonthKey): MonthKey {
  const [year, m] = yearAndMonth(month);
  return m === 1 ? formatMonth(year - 1, 12) : formatMonth(year, m - 1);
}

/** The 1st of `month` as `"YYYY-MM-DD"`. */
export function firstDayOf(month: MonthKey): IsoDate {
  return `${month}-01`;
}

const lastDays = new Map<MonthKey, IsoDate>();

/** The last day of `month` as `"YYYY-MM-DD"` (`"2028-02"` → `"2028-02-29"`). */
export function lastDayOf(month: MonthKey): IsoDate {
  let last = lastDays.get(month);
  if (last === undefined) {
    const [year, m] = yearAndMonth(month);
    last = `${month}-${String(daysInMonth(year, m)).padStart(2, "0")}`;
    if (lastDays.size > 10_000) lastDays.clear();
    lastDays.set(month, last);
  }
  return last;
}

/** `date` moved into `month`: its first day if earlier, its last day if later. */
export function clampToMonth(date: IsoDate, month: MonthKey): IsoDate {
  const first = firstDayOf(month);
  if (date < first) return first;
  const last = lastDayOf(month);
  return date > last ? last : date;
}
