import type { ContractInput } from "@kontor/contingent";
import { TEST_COOPERATION_TERMS } from "./cooperation-terms.js";

/**
 * Seed 004's 10-hour contingent (C2): 600 minutes a month for 950.00 EUR, 95.00 EUR per hour
 * over it, from 1 November 2026, under the test cooperation terms. `zone` defaults to the
 * package's (Europe/Berlin).
 */
export function tenHourContingent(id: string, customerId: string, zone?: string): ContractInput {
  return {
    kind: "contingent",
    id,
    customerId,
    startDate: "2026-11-01",
    ...(zone === undefined ? {} : { zone }),
    terms: TEST_COOPERATION_TERMS,
    contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" },
  };
}
