import { Decimal, type DecimalInput } from "./decimal.js";
import { type CurrencyCode, isCurrencyCode, minorUnits } from "./currency.js";
import { MoneyError } from "./money-error.js";
import { DECIMAL_ROUNDING, type RoundingMode } from "./rounding-mode.js";
import { decimal } from "./to-decimal.js";
import { formatMoney, type MoneyLocale } from "./format.js";

/** The JSON form of a {@link Money}: the amount as a decimal string, never a number. */
export interface MoneyJson {
  readonly amount: string;
  readonly currency: CurrencyCode;
}

const HUNDRED = new Decimal(100);

/**
 * An immutable amount of one ISO 4217 currency, exact to 34 significant digits (P3).
 *
 * Arithmetic keeps full precision; {@link Money.round} brings a value to the currency's minor
 * unit with an explicit mode. Combining two currencies throws `MONEY_CURRENCY_MISMATCH`.
 *
 * @example
 * ```ts
 * const net = Money.of("1234.56", "EUR");
 * const vat = net.percentage("19").round(); // 234.57 EUR
 * net.add(vat).format("de-DE"); // "1.469,13 €"
 * ```
 */
export class Money {
  private constructor(
    /** The exact amount. */
    readonly amount: Decimal,
    /** The ISO 4217 currency. */
    readonly currency: CurrencyCode,
  ) {
    Object.freeze(this);
  }

  /**
   * Creates a Money from a decimal string, bigint, safe integer or Decimal.
   *
   * @throws {MoneyError} `MONEY_INVALID_AMOUNT` or `MONEY_UNKNOWN_CURRENCY`.
   */
  static of(amount: DecimalInput, currency: string): Money {
    if (!isCurrencyCode(currency)) minorUnits(currency); // throws the typed error
    return new Money(decimal(amount, ["amount"]), currency as CurrencyCode);
  }

  /** Zero in `currency`. */
  static zero(currency: CurrencyCode): Money {
    return Money.of(0, currency);
  }

  /** Creates a Money from an integer count of minor units (cents): `fromMinorUnits(1999n, "EUR")` is 19.99 EUR. */
  static fromMinorUnits(units: bigint | number, currency: CurrencyCode): Money {
    const digits = minorUnits(currency);
    return new Money(decimal(units, ["units"]).dividedBy(new Decimal(10).pow(digits)), currency);
  }

  /** Reads the JSON form `{ amount: "12.50", currency: "EUR" }`. */
  static fromJSON(json: MoneyJson): Money {
    return Money.of(json.amount, json.currency);
  }

  /**
   * The sum of `items`. An empty list needs `currency` to know what zero it is.
   *
   * @throws {MoneyError} `MONEY_EMPTY_SUM` for an empty list without currency,
   *   `MONEY_CURRENCY_MISMATCH` when the items or `currency` disagree.
   */
  static sum(items: readonly Money[], currency?: CurrencyCode): Money {
    const first = items[0];
    const code = currency ?? first?.currency;
    if (code === undefined) {
      throw new MoneyError("MONEY_EMPTY_SUM", "The sum of no amounts needs a currency");
    }
    let total = new Decimal(0);
    items.forEach((item, index) => {
      if (item.currency !== code) throw mismatch(code, item.currency, [index]);
      total = total.plus(item.amount);
    });
    return new Money(total, code);
  }

  /** The smallest of `items` (the first one on ties). */
  static min(first: Money, ...rest: readonly Money[]): Money {
    return rest.reduce((min, item) => (item.lessThan(min) ? item : min), first);
  }

  /** The largest of `items` (the first one on ties). */
  static max(first: Money, ...rest: readonly Money[]): Money {
    return rest.reduce((max, item) => (item.greaterThan(max) ? item : max), first);
  }

  /** This plus `other` (same currency). */
  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  /** This minus `other` (same currency). */
  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  /** This times a decimal factor, unrounded: `Money.of("10", "EUR").multiply("0.25")` is 2.5 EUR. */
  multiply(factor: DecimalInput): Money {
    return new Money(this.amount.times(decimal(factor, ["factor"])), this.currency);
  }

  /**
   * This divided by a decimal divisor, to 34 significant digits and unrounded to the minor unit.
   * To split an amount without losing a cent use {@link allocate} instead.
   */
  divide(divisor: DecimalInput): Money {
    const d = decimal(divisor, ["divisor"]);
    if (d.isZero()) throw new MoneyError("MONEY_DIVISION_BY_ZERO", "Division by zero", ["divisor"]);
    return new Money(this.amount.dividedBy(d), this.currency);
  }

  /** `percent` percent of this, unrounded: `Money.of("200", "EUR").percentage("19")` is 38 EUR. */
  percentage(percent: DecimalInput): Money {
    return new Money(
      this.amount.times(decimal(percent, ["percent"])).dividedBy(HUNDRED),
      this.currency,
    );
  }

  /** The amount with the opposite sign. */
  negate(): Money {
    return new Money(this.amount.negated(), this.currency);
  }

  /** The absolute amount. */
  abs(): Money {
    return new Money(this.amount.abs(), this.currency);
  }

  /**
   * This rounded to the currency's minor unit (cents for EUR, whole yen for JPY).
   *
   * @param mode half-up unless a rule says otherwise (P3)
   */
  round(mode: RoundingMode = "half-up"): Money {
    const rounded = this.amount.toDecimalPlaces(minorUnits(this.currency), DECIMAL_ROUNDING[mode]);
    return rounded.equals(this.amount) ? this : new Money(rounded, this.currency);
  }

  /** Whether the amount has no digits below the currency's minor unit. */
  isRounded(): boolean {
    return this.amount.decimalPlaces() <= minorUnits(this.currency);
  }

  /**
   * The amount as an integer count of minor units (1999n for 19.99 EUR).
   *
   * @throws {MoneyError} `MONEY_NOT_ROUNDED` when the amount has sub-minor digits: round first.
   */
  toMinorUnits(): bigint {
    if (!this.isRounded()) {
      throw new MoneyError(
        "MONEY_NOT_ROUNDED",
        `${this.toString()} has digits below the minor unit of ${this.currency}; round it first`,
        ["amount"],
      );
    }
    return BigInt(this.amount.times(new Decimal(10).pow(minorUnits(this.currency))).toFixed(0));
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than `other` (same currency). */
  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.amount.comparedTo(other.amount) as -1 | 0 | 1;
  }

  /** Whether both have the same currency and numerically equal amounts (10.5 equals 10.50). */
  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount.equals(other.amount);
  }

  /** Whether this is less than `other` (same currency). */
  lessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  /** Whether this is greater than `other` (same currency). */
  greaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  /** Whether the amount is zero. */
  isZero(): boolean {
    return this.amount.isZero();
  }

  /** Whether the amount is below zero. */
  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  /** Whether the amount is above zero. */
  isPositive(): boolean {
    return this.amount.isPositive() && !this.amount.isZero();
  }

  /** The amount as a plain decimal string (`"1234.5"`), never in exponent notation. */
  toString(): string {
    return this.amount.toFixed();
  }

  /** The amount with exactly the currency's minor-unit digits (`"1234.50"`), rounded half-up. */
  toFixed(): string {
    return this.amount.toFixed(minorUnits(this.currency), Decimal.ROUND_HALF_UP);
  }

  /**
   * The amount for people, rounded half-up to the minor unit: `"1.234,56 €"` for de-DE,
   * `"$1,234.56"` for en-US (see {@link formatMoney}).
   */
  format(locale: MoneyLocale = "de-DE"): string {
    return formatMoney(this, locale);
  }

  /** The JSON form `{ amount: "1234.5", currency: "EUR" }`. */
  toJSON(): MoneyJson {
    return { amount: this.toString(), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw mismatch(this.currency, other.currency, []);
  }
}

function mismatch(
  expected: CurrencyCode,
  actual: CurrencyCode,
  path: readonly (string | number)[],
): MoneyError {
  return new MoneyError(
    "MONEY_CURRENCY_MISMATCH",
    `Cannot combine ${expected} with ${actual}`,
    [...path, "currency"],
  );
}
