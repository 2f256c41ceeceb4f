import { Decimal, type DecimalInput } from "./decimal.js";
import { MoneyError } from "./money-error.js";

const DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads an exact decimal from a string, bigint, safe integer or Decimal.
 *
 * @throws {MoneyError} `MONEY_INVALID_AMOUNT` for anything else, including non-integer numbers.
 */
export function decimal(value: DecimalInput, path: readonly (string | number)[] = []): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === "bigint") return new Decimal(value.toString());
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new MoneyError(
        "MONEY_INVALID_AMOUNT",
        `${value} is not a safe integer; pass decimals as strings`,
        path,
      );
    }
    return new Decimal(value);
  }
  const text = value.trim();
  if (!DECIMAL_STRING.test(text)) {
    throw new MoneyError("MONEY_INVALID_AMOUNT", `"${value}" is not a decimal number`, path);
  }
  return new Decimal(text);
}
