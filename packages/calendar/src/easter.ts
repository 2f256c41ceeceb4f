import { epochDayFromCivil, formatIsoDate, type EpochDay, type IsoDate } from "./iso-date.js";

/**
 * Epoch day of Western (Gregorian) Easter Sunday: the anonymous Gregorian computus
 * (Meeus/Jones/Butcher), exact for every Gregorian year.
 */
export function easterSundayEpochDay(year: number): EpochDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return epochDayFromCivil(year, month, day);
}

/**
 * Western (Gregorian) Easter Sunday of `year` as an {@link IsoDate}.
 *
 * @example easterSunday(2026) // "2026-04-05"
 */
export function easterSunday(year: number): IsoDate {
  const a = easterSundayEpochDay(year);
  // Easter is always in March or April of the same year.
  const marchFirst = epochDayFromCivil(year, 3, 1);
  const offset = a - marchFirst;
  return offset < 31 ? formatIsoDate(year, 3, offset + 1) : formatIsoDate(year, 4, offset - 30);
}
