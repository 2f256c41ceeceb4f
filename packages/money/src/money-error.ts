/** Stable codes of every error `@kontor/money` raises. */
export type MoneyErrorCode =
  | "MONEY_CURRENCY_MISMATCH"
  | "MONEY_UNKNOWN_CURRENCY"
  | "MONEY_INVALID_AMOUNT"
  | "MONEY_NOT_ROUNDED"
  | "MONEY_INVALID_WEIGHTS"
  | "MONEY_EMPTY_SUM"
  | "MONEY_DIVISION_BY_ZERO";

/**
 * The error `@kontor/money` throws for bad input or an impossible operation. `code` is stable
 * and meant for programs; `path` names the offending field when there is one.
 */
export class MoneyError extends Error {
  override readonly name = "MoneyError";

  constructor(
    readonly code: MoneyErrorCode,
    message: string,
    readonly path: readonly (string | number)[] = [],
  ) {
    super(message);
  }
}
