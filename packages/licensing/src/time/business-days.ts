import { type CalendarId, CalendarError, type IsoDate, addBusinessDays } from "@kontor/calendar";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";

/**
 * `n` business days after `date` in the holiday `calendar` (L2, L10), via `@kontor/calendar`.
 * A calendar error (such as a year outside its holiday tables) becomes an `INVALID_INPUT` value.
 */
export function businessDaysAfter(date: IsoDate, n: number, calendar: CalendarId | readonly CalendarId[]): LicensingResult<IsoDate> {
  try {
    return ok(addBusinessDays(date, n, calendar));
  } catch (error) {
    if (error instanceof CalendarError) return fail(licensingError("INVALID_INPUT", error.message, ["asOf"], { calendarCode: error.code }));
    throw error;
  }
}
