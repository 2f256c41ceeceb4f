import type { IsoDate } from "@kontor/calendar";
import { fail, ok, type Result } from "../errors/terms-error.js";
import { inForce } from "../policy/policy-history.js";
import type { PolicyRef } from "../policy/policy-ref.js";
import type { EuMemberState } from "./eu-member-states.js";
import type { VatRateTable } from "./vat-rate-table.js";

/** Which rate of a member state applies. */
export interface RateChoice {
  readonly kind: "standard" | "reduced";
  /** Needed for `reduced` when the country has several reduced rates. */
  readonly reducedRatePercent?: string;
}

/** A rate found in the table, with the reference of the row it came from. */
export interface FoundRate {
  readonly ratePercent: string;
  readonly policy: PolicyRef;
}

/** The standard or a reduced rate of `country` on `date`, from the rate table in force then. */
export function vatRateOf(tables: readonly VatRateTable[], country: EuMemberState, date: IsoDate, choice: RateChoice): Result<FoundRate> {
  const table = inForce(tables, date);
  const entry = table === undefined ? undefined : inForce(table.countries[country] ?? [], date);
  if (table === undefined || entry === undefined) {
    return fail("T3_VAT_RATE_UNKNOWN", `No VAT rate of ${country} is known for ${date}`, ["asOf"]);
  }
  const policy = { id: `${table.id}/${country}`, version: table.version, effectiveFrom: entry.effectiveFrom };
  if (choice.kind === "standard") return ok({ ratePercent: entry.standard, policy });
  if (choice.reducedRatePercent !== undefined) {
    return entry.reduced.includes(choice.reducedRatePercent)
      ? ok({ ratePercent: choice.reducedRatePercent, policy })
      : fail("T3_VAT_RATE_UNKNOWN", `${choice.reducedRatePercent} % is not a reduced rate of ${country} on ${date} (${entry.reduced.join(", ") || "none"})`, [
          "reducedRatePercent",
        ]);
  }
  const [only, ...others] = entry.reduced;
  if (only === undefined) return fail("T3_VAT_RATE_UNKNOWN", `${country} has no reduced rate on ${date}`, ["rate"]);
  if (others.length > 0) {
    return fail("T3_REDUCED_RATE_AMBIGUOUS", `${country} has several reduced rates on ${date} (${entry.reduced.join(", ")}); pass reducedRatePercent`, [
      "reducedRatePercent",
    ]);
  }
  return ok({ ratePercent: only, policy });
}
