import {
  WEEKDAY_KEYS,
  businessHours,
  businessHoursInputSchema,
  calendarRefSchema,
  type BusinessCalendar,
  type BusinessHours,
  type TimeRangeInput,
  type WeekdayKey,
} from "@kontor/calendar";
import { z } from "zod";
import { issue } from "../errors/ticketing-error.js";
import { fail, ok, parseWith, type Result } from "../errors/result.js";
import type { TicketPriority } from "../tickets/ticket-classification.js";

/** zod schema of the K7 targets for one priority, in business minutes. */
export const slaTargetSchema = z
  .object({
    firstResponseMinutes: z.number().int().positive(),
    resolutionMinutes: z.number().int().positive(),
  })
  .strict();

/** K7 targets for one priority, in business minutes. */
export type SlaTarget = z.infer<typeof slaTargetSchema>;

/**
 * zod schema of the reaction times of a cooperation agreement or contract (K7): the customer's
 * holiday calendar (e.g. `DE-NW`), weekly business hours in a zone, and targets per priority
 * (`normal` is required and is the fallback for priorities without their own target).
 * `calendar: null` keeps no holidays: service agreed round the clock ("24/7", seed 004's
 * monitoring) runs on public holidays too.
 */
export const slaTermsInputSchema = z
  .object({
    calendar: calendarRefSchema.nullable(),
    businessHours: businessHoursInputSchema,
    targets: z
      .object({
        low: slaTargetSchema.optional(),
        normal: slaTargetSchema,
        high: slaTargetSchema.optional(),
        critical: slaTargetSchema.optional(),
      })
      .strict(),
  })
  .strict();

/** Reaction times as agreed (before validation). */
export type SlaTermsInput = z.input<typeof slaTermsInputSchema>;

/** Validated reaction times with the business hours resolved once (they are reused per ticket). */
export interface SlaTerms {
  readonly hours: BusinessHours;
  readonly targets: z.output<typeof slaTermsInputSchema>["targets"];
}

/** A calendar without holidays or weekend days, for `calendar: null`: every day is a working day. */
const NO_HOLIDAYS: BusinessCalendar = Object.freeze({
  id: "none",
  weekendDays: Object.freeze([]),
  holidays: () => [],
  isHoliday: () => false,
  holidayEpochDays: () => [],
  isHolidayEpochDay: () => false,
});

/**
 * Validates reaction times and binds the weekly hours to the customer's holiday calendar via
 * `@kontor/calendar` (holidays are closed all day; DST handled there); without a calendar
 * (`null`) no day is a holiday.
 */
export function createSlaTerms(input: SlaTermsInput): Result<SlaTerms> {
  const parsed = parseWith(slaTermsInputSchema, input);
  if (!parsed.ok) return parsed;
  const { zone, weekly: rawWeekly } = parsed.value.businessHours;
  // Drop absent days: the calendar's input type has exact optional properties.
  const weekly: Partial<Record<WeekdayKey, readonly TimeRangeInput[]>> = {};
  for (const key of WEEKDAY_KEYS) {
    const ranges = rawWeekly[key];
    if (ranges !== undefined) weekly[key] = ranges;
  }
  try {
    const hours = businessHours({ weekly, ...(zone === undefined ? {} : { zone }) }, parsed.value.calendar ?? NO_HOLIDAYS);
    return ok({ hours, targets: parsed.value.targets });
  } catch (error) {
    const message = error instanceof Error ? error.message : "Invalid business hours";
    return fail(issue("K7_INVALID_BUSINESS_HOURS", message, ["businessHours"]));
  }
}

/** The target for a priority, falling back to `normal`. */
export function slaTargetFor(terms: SlaTerms, priority: TicketPriority): SlaTarget {
  return terms.targets[priority] ?? terms.targets.normal;
}
