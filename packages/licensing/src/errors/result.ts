import type { LicensingError } from "./licensing-error.js";

/** A successful outcome carrying its value. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A failed outcome carrying at least one error. */
export interface Failure {
  readonly ok: false;
  readonly errors: readonly LicensingError[];
}

/**
 * The outcome of every operation of `@kontor/licensing` that can fail on its input:
 * `{ ok: true, value }` or `{ ok: false, errors }`. Nothing is thrown for bad input.
 */
export type LicensingResult<T> = Ok<T> | Failure;

/** A successful {@link LicensingResult}. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** A failed {@link LicensingResult} with one or more errors. */
export function fail(first: LicensingError, ...rest: readonly LicensingError[]): Failure {
  return { ok: false, errors: [first, ...rest] };
}

/** A failed {@link LicensingResult} from a list that must not be empty. */
export function failAll(errors: readonly LicensingError[]): Failure {
  return { ok: false, errors };
}
