import { DateTime } from "luxon";
import type { Period } from "./iso-date.js";
import type { ParsedInvoiceLine } from "./invoice-line.js";

/**
 * The supply period of a line: its own period, else the whole month of a monthly line
 * (contingent, rental, pay-per-use), else none.
 */
export function linePeriod(line: ParsedInvoiceLine): Period | undefined {
  if (line.period !== undefined) return line.period;
  if (line.kind === "monthly-contingent" || line.kind === "rental-month" || line.kind === "pay-per-use") {
    const start = DateTime.fromISO(`${line.month}-01`, { zone: "UTC" });
    return { start: start.toISODate() ?? `${line.month}-01`, end: start.endOf("month").toISODate() ?? `${line.month}-28` };
  }
  return undefined;
}
