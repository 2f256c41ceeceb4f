/** Stable machine-readable codes of every {@link CalendarError}. */
export type CalendarErrorCode =
  | "CALENDAR_INVALID_DATE"
  | "CALENDAR_INVALID_INSTANT"
  | "CALENDAR_UNKNOWN_ZONE"
  | "CALENDAR_UNKNOWN_CALENDAR"
  | "CALENDAR_INVALID_WEEKEND"
  | "CALENDAR_YEAR_OUT_OF_RANGE"
  | "CALENDAR_INVALID_NUMBER"
  | "CALENDAR_INVALID_RANGE"
  | "CALENDAR_INVALID_SCHEDULE";

/** Path of the offending field in the caller's input, as in zod issues (`["hours", "mon", 0]`). */
export type CalendarErrorPath = readonly (string | number)[];

/**
 * The only error `@kontor/calendar` throws: bad input, with a stable `code` for programs, a
 * message for people and the `path` of the offending field.
 */
export class CalendarError extends Error {
  /** Stable code, safe to switch on. */
  readonly code: CalendarErrorCode;
  /** Path of the offending field (for example `["date"]`). */
  readonly path: CalendarErrorPath;

  /**
   * @param code stable error code
   * @param message explanation for people
   * @param path path of the offending field
   */
  constructor(code: CalendarErrorCode, message: string, path: CalendarErrorPath) {
    super(message);
    this.name = "CalendarError";
    this.code = code;
    this.path = path;
  }
}
