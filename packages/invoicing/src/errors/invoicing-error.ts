import type { InvoicingErrorCode, InvoicingIssue } from "./invoicing-issue.js";
import type { Result } from "./result.js";

/**
 * The error {@link unwrap} throws for a failed {@link Result}: for callers (tests, scripts)
 * that prefer exceptions. It carries the first problem's `code` and `path` and all `issues`.
 */
export class InvoicingError extends Error {
  override readonly name = "InvoicingError";
  /** The first problem's code. */
  readonly code: InvoicingErrorCode;
  /** The first problem's field path. */
  readonly path: readonly (string | number)[];

  constructor(readonly issues: readonly InvoicingIssue[]) {
    const first = issues[0];
    super(
      issues.map((item) => `${item.code} at ${item.path.join(".") || "(root)"}: ${item.message}`).join("; "),
    );
    this.code = first?.code ?? "INVALID_INPUT";
    this.path = first?.path ?? [];
  }
}

/**
 * The value of a successful {@link Result}.
 *
 * @throws {InvoicingError} with the result's problems when it failed.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new InvoicingError(result.errors);
}
