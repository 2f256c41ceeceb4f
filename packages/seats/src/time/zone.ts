import { IANAZone } from "luxon";
import { z } from "zod";
import { MS_PER_DAY } from "./epoch-day.js";

/** The organization zone used when a caller names none (RULES.md P2). */
export const DEFAULT_ZONE = "Europe/Berlin";

/** zod schema of an IANA time zone name such as `"Europe/Berlin"`. */
export const zoneSchema = z
  .string()
  .refine((name) => IANAZone.isValidZone(name), { message: "Expected an IANA time zone name" });

const MS_PER_MINUTE = 60_000;

/**
 * Local calendar arithmetic in one IANA zone without creating a luxon `DateTime` per call: the
 * evaluator needs a handful of day boundaries per purchase order, and an organization can have
 * thousands of orders.
 */
export class ZoneClock {
  /** The IANA zone name. */
  readonly name: string;
  readonly #zone: IANAZone;
  readonly #dayStarts = new Map<number, number>();

  /** @param name a valid IANA zone name (check it with {@link zoneSchema} first) */
  constructor(name: string) {
    this.name = name;
    this.#zone = IANAZone.create(name);
  }

  /**
   * The local calendar day (days since 1970-01-01) on which the instant `ms` falls. Found by
   * comparing with cached day starts (UTC offsets stay within ±1 day), so many instants on few
   * days cost few zone lookups.
   */
  localEpochDay(ms: number): number {
    let day = Math.floor(ms / MS_PER_DAY);
    while (ms < this.startOfLocalDay(day)) day -= 1;
    while (ms >= this.startOfLocalDay(day + 1)) day += 1;
    return day;
  }

  /**
   * The first instant of local day `epochDay`: 00:00 local time, or — in a zone whose clocks jump
   * over midnight — the first wall-clock time that exists that day (luxon's rule: a time in a
   * gap moves forward by the gap's length).
   */
  startOfLocalDay(epochDay: number): number {
    const cached = this.#dayStarts.get(epochDay);
    if (cached !== undefined) return cached;
    const localMs = epochDay * MS_PER_DAY;
    const offsetBefore = this.#zone.offset(localMs - MS_PER_DAY);
    const offsetAfter = this.#zone.offset(localMs + MS_PER_DAY);
    const before = localMs - offsetBefore * MS_PER_MINUTE;
    let result = before;
    if (offsetBefore !== offsetAfter) {
      const after = localMs - offsetAfter * MS_PER_MINUTE;
      const beforeValid = this.#zone.offset(before) === offsetBefore;
      const afterValid = this.#zone.offset(after) === offsetAfter;
      if (beforeValid && afterValid) result = Math.min(before, after);
      else if (afterValid) result = after;
    }
    this.#dayStarts.set(epochDay, result);
    return result;
  }
}
