import { findInstallationPolicies, saveInstallationPolicies, type Executor } from "@kontor/db";
import { DEFAULT_POLICIES, policySetSchema, vendorPolicySchema, type PolicySet, type VendorPolicy } from "@kontor/licensing";
import type { DemoTimeline } from "./demo-timeline.js";
import { toStoredJson } from "./stored-json.js";

/**
 * The demo's Adobe vendor policy (P1), shaped like the shipped Atlassian one so the demo catalog's
 * Adobe Acrobat Pro team subscription can be quoted and ordered.
 *
 * DEMO VALUES, NOT ADOBE'S TERMS: nothing here is taken from an Adobe reseller agreement. An
 * installation that resells Adobe stores its own policy with `PUT /v1/licensing-policies`.
 */
export const ADOBE_DEMO_VENDOR_POLICY: VendorPolicy = vendorPolicySchema.parse({
  id: "adobe-demo-2020-01-01",
  vendorId: "adobe",
  effectiveFrom: "2020-01-01",
  // L6: bought directly, never through another distributor; no reseller discount.
  twoTierDistributionAllowed: false,
  resellerDiscountPercent: "0",
  // L12: team subscriptions are sold annually, not monthly.
  resellerMayBuyCloudMonthly: false,
  // L13: cloud team subscriptions carry no keys; the rule is kept as for Atlassian.
  keyAccess: "original-purchaser",
  quoteValidityDays: 30,
  reviewBusinessDays: { min: 1, max: 3 },
  calendar: "DE",
  coTermingRequiresReview: true,
  // L14: demo percentages for the discount groups.
  discountPercent: { "non-profit": "10", academic: "15", government: "10", "cloud-migration": "0" },
  // L15: no perpetual licenses (nothing included); annual subscriptions renewed in 12-month steps, at most 3 years ahead.
  includedMaintenanceMonths: 0,
  renewalStepMonths: 12,
  maintenanceCapYears: 3,
  // L16: no ended product lines.
  productLineEnds: [],
  // L17
  refunds: { selfManagedDays: 14, cloudAnnualDaysAfterPayment: 14, cloudMonthlyPaidMonths: 1 },
});

/** The demo's licensing policies: the shipped defaults plus the Adobe demo policy. */
export const DEMO_LICENSING_POLICIES: PolicySet = policySetSchema.parse(
  toStoredJson({ ...DEFAULT_POLICIES, vendors: [...DEFAULT_POLICIES.vendors, ADOBE_DEMO_VENDOR_POLICY] }),
);

/**
 * P1: stores the demo's licensing policies as an admin would with `PUT /v1/licensing-policies`
 * (version 1, written at the start of last month). Policies staff stored already stay as they
 * are. Returns the policies in force for the installation afterwards.
 */
export async function seedDemoLicensingPolicies(executor: Executor, timeline: DemoTimeline, storedBy: string): Promise<{ readonly policies: PolicySet; readonly version: number }> {
  const existing = await findInstallationPolicies(executor, "licensing");
  if (existing !== undefined) return { policies: policySetSchema.parse(existing.policies), version: existing.version };
  const saved = await saveInstallationPolicies(executor, "licensing", { policies: toStoredJson(DEMO_LICENSING_POLICIES), updatedBy: storedBy }, 0, timeline.at(timeline.previousMonthStart, 8));
  if (saved === undefined) throw new Error("demo scenario: the licensing policies were stored concurrently");
  return { policies: DEMO_LICENSING_POLICIES, version: saved.version };
}
