import type { LicenseQuoteRow } from "@kontor/db";
import type { LicenseOrderLineInput, TermPeriod } from "@kontor/licensing";
import { Money, type MoneyJson } from "@kontor/money";

interface StoredQuoteLine {
  readonly lineNo: number;
  readonly productId: string;
  readonly userTier: number;
  readonly quantity: number;
  readonly action: "new" | "renewal" | "upgrade";
  readonly amount: MoneyJson;
  /** Renewals, upgrades and (L11) co-termed lines: the period the amount covers. */
  readonly period?: TermPeriod | null;
}

/**
 * The order lines of an accepted quote. The quoted amount is final (the quote applied the
 * discount, L14, and priced co-terming pro rata by day, L11), so each line carries it as its
 * unit price, and a co-termed quote's line its period (first day – target end); renewals and
 * upgrades name the SEN or site URL the quote request gave (L9).
 */
export function orderLinesFromQuote(row: LicenseQuoteRow): LicenseOrderLineInput[] {
  const quote = row.record as { lines: StoredQuoteLine[]; coTermTargetEnd?: string | null };
  const coTermed = quote.coTermTargetEnd !== undefined && quote.coTermTargetEnd !== null;
  const request = row.request as { sen?: string; authorizedContact?: { siteUrl?: string } };
  return quote.lines.map((line) => ({
    lineId: String(line.lineNo),
    productId: line.productId,
    userTier: line.userTier,
    quantity: line.quantity,
    action: line.action,
    unitPrice: Money.fromJSON(line.amount).divide(line.quantity).toJSON(),
    ...(line.action !== "new" && request.sen !== undefined ? { sen: request.sen } : {}),
    ...(line.action !== "new" && request.authorizedContact?.siteUrl !== undefined ? { siteUrl: request.authorizedContact.siteUrl } : {}),
    ...(coTermed && line.period !== undefined && line.period !== null ? { period: line.period } : {}),
  }));
}
