import type { CurrencyCode } from "@kontor/money";
import type { TravelPricing } from "../contracts/cooperation-terms.js";
import type { TimeEntry } from "../entries/time-entry.js";
import { formatScaled, lineMinorUnits, minorUnitsJson, priceJson } from "./exact-amount.js";
import type { InvoiceLine } from "./invoice-line.js";

function travelLine(
  description: string,
  quantity: number,
  unit: "trip" | "km",
  price: string,
  currency: CurrencyCode,
  serviceReportId: string,
  reference: string | null,
): InvoiceLine {
  const big = BigInt(quantity);
  return {
    kind: "travel",
    description,
    quantity: formatScaled(big, 0),
    unit,
    unitPrice: priceJson(price, currency),
    net: minorUnitsJson(lineMinorUnits(price, big, 1n, currency), currency),
    serviceReportId,
    minutes: null,
    reference,
  };
}

/**
 * Travel lines per the cooperation agreement (C6): a flat fee per trip, a fee per trip by zone
 * (one line per zone, in the agreement's order) or a rate per kilometre. Only billable entries
 * with travel count (C5); `included` travel bills nothing. Travel never touches the contingent.
 */
export function travelLines(
  entries: readonly TimeEntry[],
  pricing: TravelPricing,
  currency: CurrencyCode,
  serviceReportId: string,
): InvoiceLine[] {
  if (pricing.kind === "included") return [];
  let trips = 0;
  let kilometres = 0;
  let tripsByZone: Map<string, number> | undefined;
  for (const entry of entries) {
    const travel = entry.travel;
    if (!entry.billable || travel === null) continue;
    trips += 1;
    kilometres += travel.kilometres ?? 0;
    if (pricing.kind === "zones" && travel.zone !== null) {
      tripsByZone ??= new Map();
      tripsByZone.set(travel.zone, (tripsByZone.get(travel.zone) ?? 0) + 1);
    }
  }
  if (trips === 0) return [];
  switch (pricing.kind) {
    case "flat":
      return [travelLine("Travel (flat fee per trip)", trips, "trip", pricing.feePerTrip, currency, serviceReportId, null)];
    case "per-kilometre":
      return kilometres === 0
        ? []
        : [travelLine("Travel (per kilometre)", kilometres, "km", pricing.ratePerKilometre, currency, serviceReportId, null)];
    case "zones":
      return pricing.zones.flatMap((zone) => {
        const count = tripsByZone?.get(zone.zone) ?? 0;
        return count === 0
          ? []
          : [travelLine(`Travel (zone ${zone.zone})`, count, "trip", zone.feePerTrip, currency, serviceReportId, zone.zone)];
      });
  }
}
