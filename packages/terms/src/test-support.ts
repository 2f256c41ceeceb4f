import { expect } from "vitest";
import type { Result } from "./errors/terms-error.js";

/** The value of a successful result; fails the test with the errors otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The error codes of a failed result; fails the test when it succeeded. */
export function errorCodes<T>(result: Result<T>): string[] {
  if (result.ok) expect.fail(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors.map((e) => e.code);
}
