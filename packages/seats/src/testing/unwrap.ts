import type { SeatError, SeatResult } from "../seat-error.js";

/** Test helper: the value of a successful result; fails the test with the errors otherwise. */
export function unwrap<T>(result: SeatResult<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** Test helper: the errors of a failed result; fails the test when it succeeded. */
export function errorsOf(result: SeatResult<unknown>): readonly SeatError[] {
  if (result.ok) throw new Error("Expected errors, got ok");
  return result.errors;
}
