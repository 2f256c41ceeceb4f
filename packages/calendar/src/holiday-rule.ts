import type { EpochDay } from "./iso-date.js";

/** Internal: one holiday occurrence before it is turned into a {@link Holiday}. */
export interface HolidayOccurrence {
  readonly day: EpochDay;
  readonly key: string;
  readonly nameDe: string;
  readonly nameEn: string;
  readonly observedFor?: EpochDay;
}
