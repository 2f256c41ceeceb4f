import type { CurrencyCode } from "@kontor/money";
import { fail, failAll, ok, type ContingentIssue, type Result } from "../errors/contingent-issue.js";
import { formatScaled, lineMinorUnits, minorUnitsJson, priceJson, quantityRatio } from "../billing/exact-amount.js";
import type { InvoiceLine } from "../billing/invoice-line.js";
import { policyInForce } from "../policies/policy-in-force.js";
import { firstDayOf, type MonthKey } from "../time/month-key.js";
import { METER_NAMES, METERS, type Meter } from "./meter.js";
import type { PriceListVersion } from "./price-list.js";
import type { UsageRecord } from "./usage-record.js";

/**
 * Pay-per-use lines of a month (C9): the usage of each meter summed exactly and priced by the
 * price list version in force on the month's 1st, one line per meter in {@link METER_NAMES} order.
 * Every record must belong to the contract and the month, and its meter must be priced.
 */
export function usageLines(
  records: readonly UsageRecord[],
  priceList: readonly PriceListVersion[],
  contractId: string,
  month: MonthKey,
  currency: CurrencyCode,
): Result<InvoiceLine[]> {
  if (records.length === 0) return ok([]);
  const version = policyInForce(priceList, firstDayOf(month), "priceList");
  if (!version.ok) return fail("C9_NO_PRICE_LIST", `No price list is in force on ${firstDayOf(month)}`, ["priceList"]);
  const prices = new Map(version.value.prices.map((p) => [p.meter, p.unitPrice]));
  const errors: ContingentIssue[] = [];
  // Quantities are summed as scaled integers at a common scale: exact at any size.
  const totals = new Map<Meter, { units: bigint; scale: bigint }>();
  records.forEach((record, i) => {
    if (record.contractId !== contractId) {
      errors.push({ code: "INVALID_INPUT", message: `Usage of contract ${record.contractId}, not ${contractId}`, path: ["usage", i, "contractId"] });
    } else if (record.month !== month) {
      errors.push({ code: "C9_USAGE_WRONG_MONTH", message: `Usage of ${record.month} cannot be billed in ${month}`, path: ["usage", i, "month"] });
    } else if (!prices.has(record.meter)) {
      errors.push({ code: "C9_UNKNOWN_METER", message: `The price list has no price for ${record.meter}`, path: ["usage", i, "meter"] });
    } else {
      const [units, scale] = quantityRatio(record.quantity);
      const total = totals.get(record.meter);
      if (total === undefined) {
        totals.set(record.meter, { units, scale });
      } else if (total.scale >= scale) {
        totals.set(record.meter, { units: total.units + units * (total.scale / scale), scale: total.scale });
      } else {
        totals.set(record.meter, { units: total.units * (scale / total.scale) + units, scale });
      }
    }
  });
  if (errors.length > 0) return failAll(errors);
  const lines: InvoiceLine[] = [];
  for (const meter of METER_NAMES) {
    const total = totals.get(meter);
    const price = prices.get(meter);
    if (total === undefined || price === undefined) continue;
    lines.push({
      kind: "usage",
      description: METERS[meter].description,
      quantity: formatScaled(total.units, total.scale.toString().length - 1),
      unit: METERS[meter].unit,
      unitPrice: priceJson(price, currency),
      net: minorUnitsJson(lineMinorUnits(price, total.units, total.scale, currency), currency),
      serviceReportId: null,
      minutes: null,
      reference: meter,
    });
  }
  return ok(lines);
}
