import type { VendorPolicy } from "./vendor-policy.js";

/**
 * Atlassian's rules for resellers as described in seed 001 (Reseller-FAQ), the shipped default
 * vendor policy (P1). Seed 001 is undated; this version applies from 2021-02-02, the day
 * Atlassian stopped selling new Server licenses.
 *
 * Seed 001 names the discount groups (L14) but no percentages, so each is `"0"` here: load a
 * policy with the current percentages to grant them.
 */
export const ATLASSIAN_RESELLER_POLICY: VendorPolicy = Object.freeze({
  id: "atlassian-reseller-2021-02-02",
  vendorId: "atlassian",
  effectiveFrom: "2021-02-02",
  // L6: no two-tier distribution, no reseller discount.
  twoTierDistributionAllowed: false,
  resellerDiscountPercent: "0",
  // L12: cloud annual yes, cloud monthly no.
  resellerMayBuyCloudMonthly: false,
  // L13
  keyAccess: "original-purchaser",
  // L8
  quoteValidityDays: 30,
  // L10: "innerhalb der nächsten 1 - 3 Tage"
  reviewBusinessDays: Object.freeze({ min: 1, max: 3 }),
  calendar: "DE",
  // L11
  coTermingRequiresReview: true,
  // L14
  discountPercent: Object.freeze({ "non-profit": "0", academic: "0", government: "0", "cloud-migration": "0" }),
  // L15: 12 months included, renewed in 12-month steps, at most 3 years ahead.
  includedMaintenanceMonths: 12,
  renewalStepMonths: 12,
  maintenanceCapYears: 3,
  // L16: no new Server licenses since 2021-02-02, no Server support from 2024-02-02 on
  // ("den Support für Server-Produkte am 2. Februar 2024 einstellen").
  productLineEnds: Object.freeze([
    Object.freeze({ productLine: null, edition: "server", newSalesEndOn: "2021-02-02", supportEndOn: "2024-02-02" }),
  ]),
  // L17
  refunds: Object.freeze({ selfManagedDays: 30, cloudAnnualDaysAfterPayment: 30, cloudMonthlyPaidMonths: 1 }),
});
