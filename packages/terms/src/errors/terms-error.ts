import { CalendarError, type CalendarErrorCode } from "@kontor/calendar";
import { MoneyError, type MoneyErrorCode } from "@kontor/money";

/** Path of the offending field in the caller's input, as in zod issues (`["order", "amount"]`). */
export type TermsErrorPath = readonly (string | number)[];

/**
 * Stable codes of every error `@kontor/terms` returns. Codes of the rules carry the rule number
 * (RULES.md); errors raised by `@kontor/money` or `@kontor/calendar` keep their own codes.
 */
export type TermsErrorCode =
  | "INVALID_INPUT"
  | "POLICY_INVALID"
  | "POLICY_NOT_IN_FORCE"
  | "EXCHANGE_RATE_MISSING"
  | "T1_NEGATIVE_AMOUNT"
  | "T2_METHOD_NOT_IN_POLICY"
  | "T3_ADDRESS_MISSING"
  | "T3_VAT_ID_REQUIRED"
  | "T3_SELLER_VAT_ID_REQUIRED"
  | "T3_VAT_RATE_UNKNOWN"
  | "T3_REDUCED_RATE_AMBIGUOUS"
  | "T3_OSS_STATUS_REQUIRED"
  | "T3_US_JURISDICTION_UNKNOWN"
  | "T3_US_SALES_TAX_TABLE_REQUIRED"
  | "T3_UNSUPPORTED_SUPPLY"
  | "T4_VAT_ID_UNKNOWN_PREFIX"
  | "T4_VAT_ID_FORMAT"
  | "T4_VAT_ID_CHECK_DIGIT"
  | "T4_VAT_ID_COUNTRY_MISMATCH"
  | "T5_NO_LINES"
  | "T5_CURRENCY_MISMATCH"
  | "T5_INVALID_RATE"
  | "T5_RATE_NOT_ALLOWED_FOR_CATEGORY"
  | "T6_INVALID_PERIOD"
  | "T6_NEGATIVE_PRINCIPAL"
  | "T6_BASE_RATE_UNKNOWN"
  | "T7_AGREED_PERIOD_TOO_SHORT"
  | "NET_DAYS_INVALID"
  | CalendarErrorCode
  | MoneyErrorCode;

/** An error as a value: a stable `code` for programs, a `message` for people, the field `path`. */
export interface TermsError {
  readonly code: TermsErrorCode;
  readonly message: string;
  readonly path: TermsErrorPath;
}

/** The outcome of every decision function: the value, or the errors that prevented it. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly TermsError[] };

/** A successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed {@link Result} with one error. */
export function fail<T = never>(code: TermsErrorCode, message: string, path: TermsErrorPath = []): Result<T> {
  return { ok: false, errors: [{ code, message, path }] };
}

/** A failed {@link Result} carrying the errors of another failed result. */
export function failWith<T = never>(errors: readonly TermsError[]): Result<T> {
  return { ok: false, errors };
}

/**
 * Runs `body` and turns the typed errors that `@kontor/money` and `@kontor/calendar` throw for
 * bad input into a failed {@link Result}, so that no caller ever sees an untyped throw. Anything
 * else is a programming error and is rethrown.
 */
export function guard<T>(body: () => Result<T>, pathPrefix: TermsErrorPath = []): Result<T> {
  try {
    return body();
  } catch (error) {
    if (error instanceof CalendarError || error instanceof MoneyError) {
      return fail(error.code, error.message, [...pathPrefix, ...error.path]);
    }
    throw error;
  }
}
