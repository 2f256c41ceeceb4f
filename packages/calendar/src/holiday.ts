import type { IsoDate } from "./iso-date.js";

/** One public holiday of a calendar: the day off, a stable key and its German and English names. */
export interface Holiday {
  /** The day that is off (for US observed holidays: the observed day). */
  readonly date: IsoDate;
  /** Stable camelCase key, shared across calendars for the same feast (`"goodFriday"`). */
  readonly key: string;
  /** German name (`"Karfreitag"`). */
  readonly nameDe: string;
  /** English name (`"Good Friday"`). */
  readonly nameEn: string;
  /** Present when `date` is an observed substitute: the date the holiday itself falls on. */
  readonly observedFor?: IsoDate;
}
