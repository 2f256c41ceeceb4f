import type { z } from "zod";
import { type FieldPath, type LicensingError, licensingError } from "./licensing-error.js";
import { type LicensingResult, failAll, ok } from "./result.js";

/** Converts zod issues into `INVALID_INPUT` errors that keep each issue's field path. */
export function errorsFromZod(error: z.ZodError, prefix: FieldPath = []): readonly LicensingError[] {
  return error.issues.map((issue) =>
    licensingError("INVALID_INPUT", issue.message, [
      ...prefix,
      ...issue.path.filter((key): key is string | number => typeof key !== "symbol"),
    ]),
  );
}

/**
 * Validates `input` with `schema` and returns the parsed value, or `INVALID_INPUT` errors naming
 * each offending field. Never throws for bad input.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: FieldPath = [],
): LicensingResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : failAll(errorsFromZod(parsed.error, prefix));
}
