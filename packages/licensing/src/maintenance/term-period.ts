import type { IsoDate } from "@kontor/calendar";
import { z } from "zod";
import { dateSchema } from "../time/zone-fields.js";

/**
 * A license term or maintenance period from `from` (first day) to `to` (the day after the last
 * day, which is also the next term's first day): 2026-01-01 → 2027-01-01 is one year of 365 days.
 */
export interface TermPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** zod schema of a {@link TermPeriod}; `to` must be after `from`. */
export const termPeriodSchema = z
  .object({ from: dateSchema, to: dateSchema })
  .strict()
  .refine((period) => period.from < period.to, { message: "The term must end after it starts", path: ["to"] });
