import { minorUnits, type CurrencyCode, type MoneyJson } from "@kontor/money";

/**
 * Exact line pricing in scaled integers (P3). A price `"95.50"` is read as 9550 × 10⁻²; a line's
 * net is `price × numerator / denominator` (for time: rate × minutes / 60) rounded half-up to the
 * currency's minor unit exactly once, with bigint arithmetic — never a JavaScript float. This is
 * the same value as `Money.of(price).multiply(numerator).divide(denominator).round()` (a property
 * test checks it) at a fraction of the cost, which matters because month close prices lines for
 * 10,000 contracts at once. Prices never pass through a `number`.
 */

interface Scaled {
  readonly units: bigint;
  /** `units` as a number when it is a safe integer, else `NaN`. */
  readonly safeUnits: number;
  readonly scale: number;
}

const POWERS: bigint[] = [];
function pow10(exponent: number): bigint {
  let value = POWERS[exponent];
  if (value === undefined) {
    value = 10n ** BigInt(exponent);
    POWERS[exponent] = value;
  }
  return value;
}

// Contracts repeat the same few prices; parsing each once keeps month close allocation-light.
const parsed = new Map<string, Scaled>();

function scaled(price: string): Scaled {
  let value = parsed.get(price);
  if (value === undefined) {
    const dot = price.indexOf(".");
    const digits = dot < 0 ? price : price.slice(0, dot) + price.slice(dot + 1);
    const units = BigInt(digits);
    const safeUnits = Number(units);
    value = { units, safeUnits: Number.isSafeInteger(safeUnits) ? safeUnits : Number.NaN, scale: dot < 0 ? 0 : price.length - dot - 1 };
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(price, value);
  }
  return value;
}

/** `n / d` rounded half-up (ties away from zero), for `d > 0`. */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const quotient = abs / d;
  const rounded = 2n * (abs % d) >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** Writes `units × 10^-scale` as a plain decimal with at least `minDigits` fraction digits, at most `scale`. */
export function formatScaled(units: bigint, scale: number, minDigits = 0): string {
  let digitsShown = scale;
  let value = units;
  // Drop trailing zeros of the fraction beyond `minDigits`.
  while (digitsShown > minDigits && value % 10n === 0n) {
    value /= 10n;
    digitsShown -= 1;
  }
  if (digitsShown < minDigits) {
    value *= pow10(minDigits - digitsShown);
    digitsShown = minDigits;
  }
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digitsShown + 1, "0");
  const whole = text.slice(0, text.length - digitsShown);
  const fraction = digitsShown === 0 ? "" : `.${text.slice(text.length - digitsShown)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

const priceJsons = new Map<string, MoneyJson>();

/**
 * A price string as Money JSON with at least the currency's minor digits (`"95"` → `"95.00"`).
 * The result is frozen and shared between calls with the same price.
 */
export function priceJson(price: string, currency: CurrencyCode): MoneyJson {
  const key = `${price} ${currency}`;
  let value = priceJsons.get(key);
  if (value === undefined) {
    const { units, scale } = scaled(price);
    value = Object.freeze({ amount: formatScaled(units, scale, minorUnits(currency)), currency });
    if (priceJsons.size > 10_000) priceJsons.clear();
    priceJsons.set(key, value);
  }
  return value;
}

/**
 * `price × numerator / denominator`, rounded half-up once to the minor unit, as minor units
 * (cents for EUR).
 */
export function lineMinorUnits(price: string, numerator: bigint, denominator: bigint, currency: CurrencyCode): bigint {
  const { units, scale } = scaled(price);
  const digits = minorUnits(currency);
  // price = units / 10^scale, so net in minor units = units × n × 10^digits / (d × 10^scale).
  return scale <= digits
    ? divideHalfUp(units * numerator * pow10(digits - scale), denominator)
    : divideHalfUp(units * numerator, denominator * pow10(scale - digits));
}

/** A rounded Money JSON amount back as minor units (`"19.99"` EUR → `1999n`). */
export function jsonMinorUnits(amount: MoneyJson): bigint {
  // Amounts made by minorUnitsJson carry exactly the minor digits: dropping the dot scales them.
  return BigInt(amount.amount.replace(".", ""));
}

/** Minor units as Money JSON (`1999n` EUR → `{ amount: "19.99", currency: "EUR" }`). */
export function minorUnitsJson(units: bigint, currency: CurrencyCode): MoneyJson {
  return { amount: formatScaled(units, minorUnits(currency), minorUnits(currency)), currency };
}

/** A decimal quantity string as `numerator / denominator` bigints (`"120.5"` → 1205 / 10). */
export function quantityRatio(quantity: string): [bigint, bigint] {
  const { units, scale } = scaled(quantity);
  return [units, pow10(scale)];
}

/**
 * `numerator / denominator` as a decimal string: exact when it terminates within `maxDigits`
 * fraction digits, otherwise rounded half-up to `maxDigits` (the exact basis then travels beside
 * it, e.g. an hour line's `minutes`).
 */
export function formatRatio(numerator: bigint, denominator: bigint, maxDigits: number): string {
  return formatScaled(divideHalfUp(numerator * pow10(maxDigits), denominator), maxDigits);
}

/*
 * Number fast paths. Month close formats a few amounts and hours per contract; bigint operations
 * allocate and cost ~100 ns each, so while every intermediate value is a safe integer (|x| ≤
 * 2^53 − 1, where number arithmetic on integers is exact) the same integer steps run on numbers.
 * Each falls back to the bigint function above otherwise; property tests check both agree.
 */

const SAFE = Number.MAX_SAFE_INTEGER;
const SAFE_POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

/** {@link divideHalfUp} for a safe integer `n` and a safe integer `d > 0`. */
export function divideHalfUpSafe(n: number, d: number): number {
  const negative = n < 0;
  const abs = negative ? -n : n;
  const remainder = abs % d;
  const quotient = (abs - remainder) / d;
  const rounded = 2 * remainder >= d ? quotient + 1 : quotient;
  return negative ? -rounded : rounded;
}

/** {@link formatScaled} for a safe integer `units`. */
export function formatScaledSafe(units: number, scale: number, minDigits = 0): string {
  let digitsShown = scale;
  let value = units;
  while (digitsShown > minDigits && value % 10 === 0) {
    value /= 10;
    digitsShown -= 1;
  }
  if (digitsShown < minDigits) {
    const factor = SAFE_POWERS[minDigits - digitsShown];
    if (factor === undefined || Math.abs(value * factor) > SAFE) return formatScaled(BigInt(units), scale, minDigits);
    value *= factor;
    digitsShown = minDigits;
  }
  const negative = value < 0;
  const text = String(negative ? -value : value).padStart(digitsShown + 1, "0");
  const whole = text.slice(0, text.length - digitsShown);
  const fraction = digitsShown === 0 ? "" : `.${text.slice(text.length - digitsShown)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** {@link minorUnitsJson} for a safe integer number of minor units. */
export function safeMinorUnitsJson(units: number, currency: CurrencyCode): MoneyJson {
  const digits = minorUnits(currency);
  return { amount: formatScaledSafe(units, digits, digits), currency };
}

/**
 * `minorUnitsJson(lineMinorUnits(price, BigInt(numerator), BigInt(denominator), currency), currency)`
 * for safe integers `numerator` and `denominator > 0`, on numbers when that is exact.
 */
export function lineNetJson(price: string, numerator: number, denominator: number, currency: CurrencyCode): MoneyJson {
  const { safeUnits, scale } = scaled(price);
  const digits = minorUnits(currency);
  const up = SAFE_POWERS[digits - scale];
  const down = SAFE_POWERS[scale - digits];
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && denominator > 0) {
    if (scale <= digits && up !== undefined) {
      const n = safeUnits * numerator * up;
      if (Math.abs(safeUnits * numerator) <= SAFE && Math.abs(n) <= SAFE) {
        return safeMinorUnitsJson(divideHalfUpSafe(n, denominator), currency);
      }
    } else if (scale > digits && down !== undefined) {
      const n = safeUnits * numerator;
      const d = denominator * down;
      if (Math.abs(n) <= SAFE && d <= SAFE) return safeMinorUnitsJson(divideHalfUpSafe(n, d), currency);
    }
  }
  return minorUnitsJson(lineMinorUnits(price, BigInt(numerator), BigInt(denominator), currency), currency);
}

/** `formatRatio(BigInt(numerator), BigInt(denominator), maxDigits)` for safe integers, on numbers when exact. */
export function formatRatioSafe(numerator: number, denominator: number, maxDigits: number): string {
  const factor = SAFE_POWERS[maxDigits];
  if (factor !== undefined && Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && denominator > 0) {
    const n = numerator * factor;
    if (Math.abs(n) <= SAFE) return formatScaledSafe(divideHalfUpSafe(n, denominator), maxDigits);
  }
  return formatRatio(BigInt(numerator), BigInt(denominator), maxDigits);
}

const MINUS = 45;
const DOT = 46;
const ZERO = 48;

/**
 * The minor units of an amount spelled exactly as {@link minorUnitsJson} writes it with `digits`
 * minor digits (`"-12.50"` → -1250), read digit by digit; `NaN` for any other spelling (`"12.5"`,
 * `"012.50"`, `"-0.00"`) and above 12 digits, so that sums of up to 1,000 such amounts stay exact.
 */
export function canonicalMinorUnits(amount: string, digits: number): number {
  const length = amount.length;
  const negative = amount.charCodeAt(0) === MINUS;
  const start = negative ? 1 : 0;
  const wholeEnd = digits === 0 ? length : length - digits - 1;
  if (wholeEnd <= start || (digits > 0 && amount.charCodeAt(wholeEnd) !== DOT)) return Number.NaN;
  if (wholeEnd - start + digits > 12) return Number.NaN;
  // A leading zero is written only for a whole part of zero.
  if (amount.charCodeAt(start) === ZERO && wholeEnd - start > 1) return Number.NaN;
  let units = 0;
  for (let i = start; i < length; i++) {
    if (i === wholeEnd) continue;
    const digit = amount.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    units = units * 10 + digit;
  }
  if (!negative) return units;
  return units === 0 ? Number.NaN : -units;
}

/**
 * The sum of the lines' rounded nets (Money JSON of one currency, made by {@link minorUnitsJson})
 * as Money JSON: `minorUnitsJson(Σ jsonMinorUnits(line.net), currency)`.
 */
export function sumNetsJson(lines: readonly { readonly net: MoneyJson }[], currency: CurrencyCode): MoneyJson {
  // Each amount below 10^12 minor units and fewer than 1,000 of them: the sum stays below 2^53.
  if (lines.length < 1_000) {
    const digits = minorUnits(currency);
    let total = 0;
    let i = 0;
    for (; i < lines.length; i++) {
      const units = canonicalMinorUnits((lines[i] as { readonly net: MoneyJson }).net.amount, digits);
      if (Number.isNaN(units)) break;
      total += units;
    }
    if (i === lines.length) {
      // A single line's amount is already spelled the way its sum would be.
      const only = lines.length === 1 ? (lines[0] as { readonly net: MoneyJson }).net.amount : undefined;
      return only === undefined ? safeMinorUnitsJson(total, currency) : { amount: only, currency };
    }
  }
  // Other spellings: drop the dot, as before.
  let safe = lines.length < 1_000;
  let total = 0;
  for (let i = 0; safe && i < lines.length; i++) {
    const amount = (lines[i] as { readonly net: MoneyJson }).net.amount;
    const units = amount.length > 13 ? Number.NaN : Number(amount.replace(".", ""));
    if (Number.isInteger(units)) total += units;
    else safe = false;
  }
  if (safe) return safeMinorUnitsJson(total, currency);
  let big = 0n;
  for (const line of lines) big += jsonMinorUnits(line.net);
  return minorUnitsJson(big, currency);
}
