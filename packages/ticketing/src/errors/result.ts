import type { z } from "zod";
import { issue, type TicketingIssue } from "./ticketing-error.js";

/** Outcome of an operation that can fail for business reasons: the value, or the issues. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly TicketingIssue[] };

/** A successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed {@link Result} with one or more issues. */
export function fail<T = never>(first: TicketingIssue, ...rest: TicketingIssue[]): Result<T> {
  return { ok: false, errors: [first, ...rest] };
}

/**
 * Validates `input` with a zod schema and turns zod's issues into `INVALID_INPUT` issues with the
 * field path, so that apps report schema and business errors the same way.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return {
    ok: false,
    errors: parsed.error.issues.map((zodIssue) =>
      issue(
        "INVALID_INPUT",
        zodIssue.message,
        zodIssue.path.map((segment) => (typeof segment === "number" ? segment : String(segment))),
      ),
    ),
  };
}
