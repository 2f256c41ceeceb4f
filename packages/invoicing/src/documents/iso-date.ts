import { DateTime } from "luxon";
import { z } from "zod";

/**
 * zod schema of a calendar date `YYYY-MM-DD` (no time, no zone: invoice dates are dates in the
 * seller's calendar, P2). Rejects impossible dates such as `2026-02-29`.
 */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date like 2026-01-31")
  .refine((text) => DateTime.fromISO(text, { zone: "UTC" }).isValid, {
    message: "Not a calendar date",
  });

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = z.output<typeof isoDateSchema>;

/** zod schema of a month `YYYY-MM`. */
export const isoMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Expected a month like 2026-01");

/**
 * zod schema of a period of whole days, both ends inclusive (a supply period, §14 Abs. 4 Nr. 6
 * UStG; EN 16931 BG-14/BG-26).
 */
export const periodSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .strict()
  .refine((period) => period.start <= period.end, {
    message: "The period ends before it starts",
    path: ["end"],
  });

/** A period of whole days, both ends inclusive. */
export type Period = z.output<typeof periodSchema>;

/** `2026-01-31` as `20260131`, the CII date format 102. */
export function toFormat102(date: IsoDate): string {
  return date.replaceAll("-", "");
}
