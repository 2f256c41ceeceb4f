import type { CurrencyCode } from "@kontor/money";
import type { WorkTypeRate } from "../contracts/cooperation-terms.js";
import { rateIndex } from "../contracts/rate-index.js";
import type { TimeEntry } from "../entries/time-entry.js";
import { formatRatioSafe, formatScaled, lineMinorUnits, lineNetJson, minorUnitsJson, priceJson } from "./exact-amount.js";
import type { InvoiceLine } from "./invoice-line.js";

/** An hour line for `minutes` billed minutes at `hourlyRate`: net = rate × minutes / 60, rounded once. */
export function hourLine(
  kind: "time-and-material" | "correction",
  description: string,
  minutes: number,
  hourlyRate: string,
  currency: CurrencyCode,
  serviceReportId: string | null,
  reference: string | null,
): InvoiceLine {
  return {
    kind,
    description,
    quantity: formatRatioSafe(minutes, 60, 4),
    unit: "hour",
    unitPrice: priceJson(hourlyRate, currency),
    net: lineNetJson(hourlyRate, minutes, 60, currency),
    serviceReportId,
    minutes,
    reference,
  };
}

/**
 * Time-and-material lines for customers without a prepaid contract (C1, C8): one hour line per
 * work type with its billed minutes, and one day line per work type with a daily rate for every
 * full day (`minutesPerDay`) a technician worked on it on one date; the rest of such a day is
 * billed by the hour. Non-billable entries are skipped (C5). Lines follow the agreement's order.
 */
export function timeAndMaterialLines(
  entries: readonly TimeEntry[],
  rates: readonly WorkTypeRate[],
  currency: CurrencyCode,
  serviceReportId: string,
): InvoiceLine[] {
  const index = rateIndex(rates);
  const hourMinutes = new Array<number>(rates.length).fill(0);
  const days = new Array<number>(rates.length).fill(0);
  let dayGroups: Map<string, number> | undefined;
  for (const entry of entries) {
    if (!entry.billable) continue;
    const i = index.get(entry.workType);
    if (i === undefined) continue; // recordTimeEntries only accepts known work types (C1)
    if (rates[i]?.dailyRate === null) {
      hourMinutes[i] = (hourMinutes[i] ?? 0) + entry.billedMinutes;
    } else {
      dayGroups ??= new Map();
      const key = `${String(i)}\u0000${entry.technician}\u0000${entry.workDate}`;
      dayGroups.set(key, (dayGroups.get(key) ?? 0) + entry.billedMinutes);
    }
  }
  if (dayGroups !== undefined) {
    for (const [key, minutes] of dayGroups) {
      const i = Number(key.slice(0, key.indexOf("\u0000")));
      const perDay = rates[i]?.minutesPerDay ?? 480;
      const rest = minutes % perDay;
      days[i] = (days[i] ?? 0) + (minutes - rest) / perDay;
      hourMinutes[i] = (hourMinutes[i] ?? 0) + rest;
    }
  }
  const lines: InvoiceLine[] = [];
  rates.forEach((rate, i) => {
    const dayCount = days[i] ?? 0;
    if (dayCount > 0 && rate.dailyRate !== null) {
      lines.push({
        kind: "time-and-material",
        description: `${rate.description} (days)`,
        quantity: formatScaled(BigInt(dayCount), 0),
        unit: "day",
        unitPrice: priceJson(rate.dailyRate, currency),
        net: minorUnitsJson(lineMinorUnits(rate.dailyRate, BigInt(dayCount), 1n, currency), currency),
        serviceReportId,
        minutes: null,
        reference: rate.workType,
      });
    }
    const minutes = hourMinutes[i] ?? 0;
    if (minutes > 0) {
      lines.push(hourLine("time-and-material", rate.description, minutes, rate.hourlyRate, currency, serviceReportId, rate.workType));
    }
  });
  return lines;
}
