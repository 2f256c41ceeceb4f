import type { LicensingErrorCode } from "../errors/error-codes.js";
import type { LicensingError } from "../errors/licensing-error.js";
import type { LicensingResult } from "../errors/result.js";

/** The value of a successful result; throws with the errors otherwise (tests only). */
export function valueOf<T>(result: LicensingResult<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.value;
}

/** The errors of a failed result; throws otherwise (tests only). */
export function errorsOf(result: LicensingResult<unknown>): readonly LicensingError[] {
  if (result.ok) throw new Error("Expected a failure, got ok");
  return result.errors;
}

/** The codes of a failed result (tests only). */
export function codesOf(result: LicensingResult<unknown>): readonly LicensingErrorCode[] {
  return errorsOf(result).map((error) => error.code);
}
