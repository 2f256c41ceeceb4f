import type { LicenseQuoteRow } from "@kontor/db";
import type { LicenseOrderLineInput } from "@kontor/licensing";
import { Money, type MoneyJson } from "@kontor/money";

interface StoredQuoteLine {
  readonly lineNo: number;
  readonly productId: string;
  readonly userTier: number;
  readonly quantity: number;
  readonly action: "new" | "renewal" | "upgrade";
  readonly amount: MoneyJson;
}

/**
 * The order lines of an accepted quote. The quoted amount is final (the quote applied the
 * discount, L14), so each line carries it as its unit price; renewals and upgrades name the SEN
 * or site URL the quote request gave (L9).
 */
export function orderLinesFromQuote(row: LicenseQuoteRow): LicenseOrderLineInput[] {
  const quote = row.record as { lines: StoredQuoteLine[] };
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
  }));
}
