/**
 * Stable codes of every error `@kontor/seats` returns. The prefix names the rule the input broke
 * (RULES.md S1–S10, P1, P2).
 */
export type SeatErrorCode =
  | "S1_DUPLICATE_PURCHASE_ORDER"
  | "S2_UNKNOWN_PURCHASE_ORDER"
  | "S2_PURCHASE_ORDER_ALREADY_PAID"
  | "S3_ALREADY_ASSIGNED"
  | "S3_NOT_ASSIGNED"
  | "S3_NO_LICENSE_AVAILABLE"
  | "S3_RENEWAL_PERIOD_OVERLAPS"
  | "S3_RENEWAL_PERIOD_INVALID"
  | "S3_NO_RENEWAL_PERIOD"
  | "S3_RENEWAL_EXCEEDS_DUE_LICENSES"
  | "S8_PURCHASE_ORDERS_BLOCKED"
  | "S10_INVALID_INPUT"
  | "S10_INVALID_INSTANT"
  | "S10_DUPLICATE_EVENT_ID"
  | "S10_COMMAND_BEFORE_HISTORY"
  | "P1_INVALID_POLICY"
  | "P1_NO_POLICY_IN_FORCE"
  | "P2_UNKNOWN_ZONE";

/** Path of the offending field, e.g. `["history", 17, "at"]`. */
export type SeatErrorPath = readonly (string | number)[];

/** An error as a value: a stable `code` for programs, a `message` for people, the field `path`. */
export interface SeatError {
  readonly code: SeatErrorCode;
  readonly message: string;
  readonly path: SeatErrorPath;
}

/** The outcome of every fallible operation of this package: a value or the errors. */
export type SeatResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly SeatError[] };

/** Builds a {@link SeatError}. */
export function seatError(code: SeatErrorCode, message: string, path: SeatErrorPath): SeatError {
  return { code, message, path };
}

/** A successful {@link SeatResult}. */
export function ok<T>(value: T): SeatResult<T> {
  return { ok: true, value };
}

/** A failed {@link SeatResult} with one error. */
export function fail<T>(code: SeatErrorCode, message: string, path: SeatErrorPath): SeatResult<T> {
  return { ok: false, errors: [seatError(code, message, path)] };
}
