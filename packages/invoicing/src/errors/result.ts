import type { InvoicingIssue } from "./invoicing-issue.js";

/**
 * The outcome of every function that can refuse its input: the value, or the list of problems.
 * Bad input never throws.
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly InvoicingIssue[] };

/** A successful {@link Result}. */
export function success<T>(value: T): Result<T> {
  return Object.freeze({ ok: true as const, value });
}

/** A failed {@link Result}; `errors` must not be empty. */
export function failure<T = never>(errors: readonly InvoicingIssue[]): Result<T> {
  return Object.freeze({ ok: false as const, errors: Object.freeze([...errors]) });
}
