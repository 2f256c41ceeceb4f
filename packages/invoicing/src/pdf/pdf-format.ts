import { decimal, type Money } from "@kontor/money";
import { DateTime } from "luxon";
import type { DocumentLanguage } from "./pdf-fonts.js";

/** `2026-01-15` as `15.01.2026` (de) or `15 Jan 2026` (en). Dates are calendar days: no zone. */
export function formatDate(date: string, language: DocumentLanguage): string {
  const value = DateTime.fromISO(date, { zone: "UTC" });
  return language === "de" ? value.toFormat("dd.MM.yyyy") : value.setLocale("en-GB").toFormat("d LLL yyyy");
}

/** `1.234,56 €` (de) or `€1,234.56` (en), half-up to the cent. */
export function formatAmount(money: Money, language: DocumentLanguage): string {
  return money.format(language === "de" ? "de-DE" : "en-US");
}

const unitPriceFormatters = new Map<string, Intl.NumberFormat>();

/** A unit price: at least the currency's minor digits, more when the price has them (BT-146). */
export function formatUnitPrice(money: Money, language: DocumentLanguage): string {
  if (money.isRounded()) return formatAmount(money, language);
  const digits = money.toString().split(".")[1]?.length ?? 0;
  const locale = language === "de" ? "de-DE" : "en-US";
  const key = `${locale}|${money.currency}|${digits}`;
  let formatter = unitPriceFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    unitPriceFormatters.set(key, formatter);
  }
  // Intl formats decimal strings exactly (ECMA-402 NumberFormat v3): money never becomes a number (P3).
  return formatter.format(money.toString() as Intl.StringNumericLiteral);
}

/** A decimal quantity or rate: `1,5` (de) or `1.5` (en), no trailing zeros. */
export function formatDecimal(value: string, language: DocumentLanguage): string {
  const plain = decimal(value).toFixed();
  return language === "de" ? plain.replace(".", ",") : plain;
}

/** A rate in percent: `19 %` (de) or `19%` (en). */
export function formatRate(rate: string, language: DocumentLanguage): string {
  return language === "de" ? `${formatDecimal(rate, language)} %` : `${formatDecimal(rate, language)}%`;
}

/** Minutes as hours and minutes: `1:30 h`. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const absolute = Math.abs(minutes);
  return `${sign}${Math.floor(absolute / 60)}:${String(absolute % 60).padStart(2, "0")} h`;
}

/** An IBAN in groups of four, the middle masked: `DE02 **** **** **** 2051`. */
export function maskIban(iban: string): string {
  const groups = iban.match(/.{1,4}/g) ?? [iban];
  return groups.map((group, index) => (index === 0 || index === groups.length - 1 ? group : "****")).join(" ");
}

/** An IBAN in groups of four: `DE02 1203 0000 0000 2020 51`. */
export function groupIban(iban: string): string {
  return (iban.match(/.{1,4}/g) ?? [iban]).join(" ");
}
