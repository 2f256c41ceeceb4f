import type { LicensingErrorCode } from "./error-codes.js";

/** Path of the offending field in the caller's input, as in zod issues (`["lines", 0, "productId"]`). */
export type FieldPath = readonly (string | number)[];

/** Extra facts about an error that a program may need, such as the date a product ended (L16). */
export type ErrorDetails = Readonly<Record<string, string | number | boolean>>;

/**
 * An error as a value: a stable `code` for programs, a `message` for people, the `path` of the
 * offending field and optional `details`. `@kontor/licensing` never throws for bad input; it
 * returns these inside a {@link LicensingResult}.
 */
export interface LicensingError {
  /** Stable code, for example `"L12_RESELLER_CLOUD_MONTHLY"`. */
  readonly code: LicensingErrorCode;
  /** Explanation for people (English). */
  readonly message: string;
  /** Path of the offending field; empty when the input as a whole is at fault. */
  readonly path: FieldPath;
  /** Machine-readable facts, for example `{ endedOn: "2024-02-02" }`. */
  readonly details: ErrorDetails;
}

/**
 * Builds a {@link LicensingError}.
 *
 * @param code stable error code
 * @param message explanation for people
 * @param path path of the offending field
 * @param details machine-readable facts
 */
export function licensingError(
  code: LicensingErrorCode,
  message: string,
  path: FieldPath = [],
  details: ErrorDetails = {},
): LicensingError {
  return Object.freeze({ code, message, path: Object.freeze([...path]), details: Object.freeze({ ...details }) });
}

/** Prefixes the path of every error, for errors found in a nested part of a larger input. */
export function withPathPrefix(
  prefix: FieldPath,
  errors: readonly LicensingError[],
): readonly LicensingError[] {
  return errors.map((error) =>
    licensingError(error.code, error.message, [...prefix, ...error.path], error.details),
  );
}
