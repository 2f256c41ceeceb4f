import { currencyCodeSchema, decimalStringSchema, minorUnits, Money, moneySchema } from "@kontor/money";
import { z } from "zod";
import { fail, failWith, guard, ok, type Result, type TermsError } from "../errors/terms-error.js";
import type { Decision } from "../policy/decision.js";
import { categoryHasRate, vatCategoryCodeSchema, type VatCategoryCode } from "../tax/vat-category.js";
import { divideHalfUp, formatRatePercent, parseRatePercent, RATE_SCALE } from "./vat-rate-percent.js";

const taxedSchema = { category: vatCategoryCodeSchema, ratePercent: z.string() };

/** An invoice line: its net amount, or quantity × unit price; rounded half-up to the cent (T5). */
export const invoiceLineSchema = z.union([
  z.object({ net: moneySchema, ...taxedSchema }),
  z.object({ quantity: decimalStringSchema, unitPrice: moneySchema, ...taxedSchema }),
]);

/** See {@link invoiceLineSchema}. */
export type InvoiceLine = z.output<typeof invoiceLineSchema>;

/** A document-level allowance (discount) or charge in one VAT category (EN 16931 BG-20, BG-21). */
export const documentAdjustmentSchema = z.object({ amount: moneySchema, ...taxedSchema, reason: z.string().optional() });

/** See {@link documentAdjustmentSchema}. */
export type DocumentAdjustment = z.output<typeof documentAdjustmentSchema>;

/** Input of {@link invoiceTotals}. */
export const invoiceTotalsInputSchema = z.object({
  currency: currencyCodeSchema,
  lines: z.array(invoiceLineSchema).min(1),
  allowances: z.array(documentAdjustmentSchema).optional(),
  charges: z.array(documentAdjustmentSchema).optional(),
});

/** See {@link invoiceTotalsInputSchema}. */
export type InvoiceTotalsInput = z.output<typeof invoiceTotalsInputSchema>;

/** One row of the VAT breakdown (EN 16931 BG-23): one VAT category and rate. */
export interface VatBreakdownEntry {
  /** `"S:19"`, `"AE:0"`: category code and canonical rate, the grouping key of BR-CO-17. */
  readonly key: string;
  readonly category: VatCategoryCode;
  /** Canonical rate in percent (`"19"`, `"5.5"`). */
  readonly ratePercent: string;
  /** Sum of the category's line nets, minus allowances, plus charges (BT-116). */
  readonly taxableAmount: Money;
  /** taxableAmount × rate, rounded half-up to the cent (BT-117). */
  readonly taxAmount: Money;
}

/**
 * The T5 totals of an invoice, named after EN 16931. The rounding rule is fixed by the standard
 * (BR-CO-17), not a policy, so `policies` is empty and `reason` cites the rule.
 */
export interface InvoiceTotals extends Decision {
  readonly rule: "T5";
  /** Each line's net amount, rounded (BT-131). */
  readonly lineNets: readonly Money[];
  /** Σ line nets (BT-106). */
  readonly lineTotal: Money;
  /** Σ document allowances (BT-107). */
  readonly allowanceTotal: Money;
  /** Σ document charges (BT-108). */
  readonly chargeTotal: Money;
  /** lineTotal − allowanceTotal + chargeTotal (BT-109). */
  readonly taxExclusiveTotal: Money;
  /** Σ of the rounded category tax amounts (BT-110). */
  readonly taxTotal: Money;
  /** taxExclusiveTotal + taxTotal (BT-112). */
  readonly taxInclusiveTotal: Money;
  /** One entry per category and rate, in order of first appearance (BG-23). */
  readonly breakdown: readonly VatBreakdownEntry[];
}

interface Bucket {
  readonly category: VatCategoryCode;
  readonly rate: bigint;
  units: bigint;
}

/** The key of a VAT breakdown row: `"S:19"`. Export it to group lines the same way elsewhere. */
export function vatBreakdownKey(category: VatCategoryCode, ratePercent: string): string | undefined {
  const rate = parseRatePercent(ratePercent);
  return rate === undefined ? undefined : `${category}:${formatRatePercent(rate)}`;
}

/**
 * Invoice totals (RULES.md T5, EN 16931 BR-CO-17): every line amount is rounded half-up to the
 * cent; per VAT category and rate, tax = the category's net total × rate, rounded half-up to the
 * cent — never the sum of per-line taxes; every total is a sum of rounded values. Integer minor
 * units (bigint) are used throughout, so totals are exact.
 *
 * Only category `S` carries a rate above 0; `Z`, `E`, `AE`, `K`, `G` and `O` must have rate 0.
 *
 * @example
 * ```ts
 * invoiceTotals({
 *   currency: "EUR",
 *   lines: [
 *     { net: Money.of("0.13", "EUR"), category: "S", ratePercent: "19" },
 *     { net: Money.of("0.13", "EUR"), category: "S", ratePercent: "19" },
 *     { net: Money.of("0.13", "EUR"), category: "S", ratePercent: "19" },
 *   ],
 * }); // taxTotal 0.07 EUR (0.39 × 19 % = 0.0741), not 3 × round(0.0247) = 0.06
 * ```
 */
export function invoiceTotals(input: InvoiceTotalsInput): Result<InvoiceTotals> {
  const { currency } = input;
  if (input.lines.length === 0) return fail("T5_NO_LINES", "An invoice needs at least one line", ["lines"]);
  return guard(() => {
    minorUnits(currency); // throws the typed MONEY_UNKNOWN_CURRENCY early
    const errors: TermsError[] = [];
    const buckets = new Map<string, Bucket>();

    const bucketOf = (category: VatCategoryCode, ratePercent: string, path: (string | number)[]): Bucket | undefined => {
      const rate = parseRatePercent(ratePercent);
      if (rate === undefined) {
        errors.push({ code: "T5_INVALID_RATE", message: `"${ratePercent}" is not a rate in percent like "19" or "5.5"`, path: [...path, "ratePercent"] });
        return undefined;
      }
      if (categoryHasRate(category) !== rate > 0n) {
        errors.push({
          code: "T5_RATE_NOT_ALLOWED_FOR_CATEGORY",
          message: category === "S" ? "Category S needs a rate above 0" : `Category ${category} must have rate 0, got ${ratePercent}`,
          path: [...path, "ratePercent"],
        });
        return undefined;
      }
      const key = `${category}:${formatRatePercent(rate)}`;
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = { category, rate, units: 0n };
        buckets.set(key, bucket);
      }
      return bucket;
    };

    const unitsOf = (amount: Money, path: (string | number)[]): bigint | undefined => {
      if (amount.currency !== currency) {
        errors.push({ code: "T5_CURRENCY_MISMATCH", message: `Expected ${currency}, got ${amount.currency}`, path });
        return undefined;
      }
      return amount.round("half-up").toMinorUnits();
    };

    const lineNets: bigint[] = [];
    input.lines.forEach((line, index) => {
      const path = ["lines", index];
      const net = "net" in line ? unitsOf(line.net, [...path, "net"]) : unitsOf(line.unitPrice.multiply(line.quantity), [...path, "unitPrice"]);
      const bucket = bucketOf(line.category, line.ratePercent, path);
      if (net === undefined || bucket === undefined) return;
      bucket.units += net;
      lineNets.push(net);
    });
    const adjust = (items: readonly DocumentAdjustment[] | undefined, field: string, sign: bigint): bigint => {
      let total = 0n;
      items?.forEach((item, index) => {
        const path = [field, index];
        const amount = unitsOf(item.amount, [...path, "amount"]);
        const bucket = bucketOf(item.category, item.ratePercent, path);
        if (amount === undefined || bucket === undefined) return;
        bucket.units += sign * amount;
        total += amount;
      });
      return total;
    };
    const allowances = adjust(input.allowances, "allowances", -1n);
    const charges = adjust(input.charges, "charges", 1n);
    if (errors.length > 0) return failWith(errors);

    const money = (units: bigint): Money => Money.fromMinorUnits(units, currency);
    const breakdown: VatBreakdownEntry[] = [];
    let taxUnits = 0n;
    for (const [key, bucket] of buckets) {
      // BR-CO-17: tax = taxable amount × rate / 100, rounded half-up to the minor unit.
      const tax = divideHalfUp(bucket.units * bucket.rate, 100n * RATE_SCALE);
      taxUnits += tax;
      breakdown.push({ key, category: bucket.category, ratePercent: formatRatePercent(bucket.rate), taxableAmount: money(bucket.units), taxAmount: money(tax) });
    }
    const lineUnits = lineNets.reduce((sum, units) => sum + units, 0n);
    const taxExclusive = lineUnits - allowances + charges;
    const show = (units: bigint): string => money(units).toFixed();
    const rows = breakdown.map((row) => `${row.key} ${row.taxableAmount.toFixed()} → ${row.taxAmount.toFixed()}`).join("; ");
    return ok({
      rule: "T5",
      reason: `T5: VAT per category on the category net total, rounded half-up (EN 16931 BR-CO-17): ${rows}; total ${show(taxExclusive)} + ${show(taxUnits)} ${currency}`,
      policies: [],
      lineNets: lineNets.map(money),
      lineTotal: money(lineUnits),
      allowanceTotal: money(allowances),
      chargeTotal: money(charges),
      taxExclusiveTotal: money(taxExclusive),
      taxTotal: money(taxUnits),
      taxInclusiveTotal: money(taxExclusive + taxUnits),
      breakdown,
    });
  });
}
