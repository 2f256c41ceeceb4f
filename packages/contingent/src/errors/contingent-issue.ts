import type { z } from "zod";

/**
 * Stable codes of every problem `@kontor/contingent` reports. The prefix names the rule
 * (RULES.md) that the input broke; `INVALID_INPUT` is a schema violation.
 */
export type ContingentErrorCode =
  | "INVALID_INPUT"
  | "P1_NO_POLICY_IN_FORCE"
  | "C1_CONTRACT_MISMATCH"
  | "C1_UNKNOWN_WORK_TYPE"
  | "C1_OUTSIDE_CONTRACT_TERM"
  | "C1_END_BEFORE_START"
  | "C1_TERM_IN_CLOSED_MONTH"
  | "C1_BOOKED_AFTER_END"
  | "C2_NOT_A_CONTINGENT"
  | "C5_JUSTIFICATION_REQUIRED"
  | "C6_WORK_DATE_IN_FUTURE"
  | "C6_DUPLICATE_ENTRY"
  | "C6_ENTRY_NOT_OPEN"
  | "C6_ENTRY_CANCELLED"
  | "C6_TRAVEL_REQUIRES_ON_SITE"
  | "C6_TRAVEL_ZONE_REQUIRED"
  | "C6_UNKNOWN_TRAVEL_ZONE"
  | "C6_TRAVEL_KILOMETRES_REQUIRED"
  | "C7_MONTH_CLOSED"
  | "C7_DUPLICATE_ADJUSTMENT"
  | "C7_HISTORY_MISSING"
  | "C7_RANGE_REVERSED"
  | "C7_RANGE_TOO_LONG"
  | "C8_MONTH_NOT_OPEN"
  | "C8_MONTH_NOT_ENDED"
  | "C9_NO_PRICE_LIST"
  | "C9_UNKNOWN_METER"
  | "C9_USAGE_WRONG_MONTH";

/** A path to the offending field of the caller's input, as in zod issues (`["travel", "zone"]`). */
export type IssuePath = readonly (string | number)[];

/** One problem with the caller's input: a stable `code`, a message for people, the field path. */
export interface ContingentIssue {
  readonly code: ContingentErrorCode;
  readonly message: string;
  readonly path: IssuePath;
}

/**
 * The outcome of every operation that can refuse its input: bad input is a value, never a
 * thrown untyped error (ARCHITECTURE.md, "Domain library conventions").
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ContingentIssue[] };

/** A successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed {@link Result} with one issue. */
export function fail<T = never>(code: ContingentErrorCode, message: string, path: IssuePath = []): Result<T> {
  return { ok: false, errors: [{ code, message, path }] };
}

/** A failed {@link Result} with several issues. */
export function failAll<T = never>(errors: readonly ContingentIssue[]): Result<T> {
  return { ok: false, errors };
}

/** Turns zod issues into `INVALID_INPUT` issues, keeping zod's message and path. */
export function issuesFromZod(error: z.ZodError, prefix: IssuePath = []): ContingentIssue[] {
  return error.issues.map((issue) => ({
    code: "INVALID_INPUT" as const,
    message: issue.message,
    path: [...prefix, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))],
  }));
}

/** Validates `input` with `schema`; schema violations become `INVALID_INPUT` issues. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix: IssuePath = []): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : failAll(issuesFromZod(parsed.error, prefix));
}
