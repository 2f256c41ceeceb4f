import type { RentalPolicy } from "./rental-policy.js";

/**
 * The Microsoft monthly rental marketplace of seed 002, the shipped default rental policy (P1):
 * both consents required (M2), a month billed at the highest quantity held in it (M5).
 */
export const MICROSOFT_RENTAL_POLICY: RentalPolicy = Object.freeze({
  id: "microsoft-rental-2021-01-01",
  vendorId: "microsoft",
  effectiveFrom: "2021-01-01",
  requiredConsents: Object.freeze(["termsAndLicenseConditions", "vendorAccountCreation"] as const),
  billingQuantity: "highest-in-month",
});
