import type { CooperationTermsInput } from "@kontor/contingent";

/**
 * The cooperation agreement's terms every billing test contract carries (seed 004): remote
 * support at 95.00 EUR an hour, a flat 45.00 EUR a trip, the customer responsible for backups,
 * Sabrina Bruns as account manager (the C4 flags go to her address).
 */
export const TEST_COOPERATION_TERMS: CooperationTermsInput = {
  backupResponsibility: "customer",
  rates: [{ workType: "remote-support", description: "Remote support", hourlyRate: "95.00" }],
  travel: { kind: "flat", feePerTrip: "45.00" },
  accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@meinsystemhaus.de" },
};
