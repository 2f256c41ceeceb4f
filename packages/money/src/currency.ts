import { z } from "zod";
import { MoneyError } from "./money-error.js";

/**
 * ISO 4217 currencies Kontor knows, with their minor units (digits after the decimal point).
 * The list covers the currencies resellers in the EU, UK, US, Switzerland and Australia bill in.
 */
export const CURRENCIES = {
  AUD: { minorUnits: 2, name: "Australian dollar" },
  BGN: { minorUnits: 2, name: "Bulgarian lev" },
  CAD: { minorUnits: 2, name: "Canadian dollar" },
  CHF: { minorUnits: 2, name: "Swiss franc" },
  CZK: { minorUnits: 2, name: "Czech koruna" },
  DKK: { minorUnits: 2, name: "Danish krone" },
  EUR: { minorUnits: 2, name: "Euro" },
  GBP: { minorUnits: 2, name: "Pound sterling" },
  HUF: { minorUnits: 2, name: "Hungarian forint" },
  JPY: { minorUnits: 0, name: "Japanese yen" },
  KWD: { minorUnits: 3, name: "Kuwaiti dinar" },
  NOK: { minorUnits: 2, name: "Norwegian krone" },
  NZD: { minorUnits: 2, name: "New Zealand dollar" },
  PLN: { minorUnits: 2, name: "Polish złoty" },
  RON: { minorUnits: 2, name: "Romanian leu" },
  SEK: { minorUnits: 2, name: "Swedish krona" },
  USD: { minorUnits: 2, name: "US dollar" },
} as const satisfies Record<string, { minorUnits: number; name: string }>;

/** An ISO 4217 alphabetic code Kontor supports. */
export type CurrencyCode = keyof typeof CURRENCIES;

/** All supported currency codes, sorted. */
export const CURRENCY_CODES = Object.keys(CURRENCIES).sort() as [CurrencyCode, ...CurrencyCode[]];

/** zod schema of a supported ISO 4217 currency code. */
export const currencyCodeSchema = z.enum(CURRENCY_CODES);

/** Whether `code` is a supported ISO 4217 currency code. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(CURRENCIES, code);
}

/**
 * The number of minor-unit digits of a currency: 2 for EUR (cents), 0 for JPY, 3 for KWD.
 *
 * @throws {MoneyError} `MONEY_UNKNOWN_CURRENCY` for an unsupported code.
 */
export function minorUnits(code: string): number {
  if (!isCurrencyCode(code)) {
    throw new MoneyError("MONEY_UNKNOWN_CURRENCY", `Unknown ISO 4217 currency "${code}"`, [
      "currency",
    ]);
  }
  return CURRENCIES[code].minorUnits;
}
