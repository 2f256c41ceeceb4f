import { ATLASSIAN_RESELLER_POLICY, DEFAULT_POLICIES, type PolicySetInput, type VendorPolicyInput } from "@kontor/licensing";

/**
 * An Adobe vendor policy for the tests (P1): shaped like the Atlassian one, in force from
 * 2024-01-01. Test values, not Adobe's terms.
 */
export const ADOBE_TEST_POLICY: VendorPolicyInput = {
  ...ATLASSIAN_RESELLER_POLICY,
  id: "adobe-test-2024-01-01",
  vendorId: "adobe",
  effectiveFrom: "2024-01-01",
  reviewBusinessDays: { ...ATLASSIAN_RESELLER_POLICY.reviewBusinessDays },
  discountPercent: { ...ATLASSIAN_RESELLER_POLICY.discountPercent },
  includedMaintenanceMonths: 0,
  productLineEnds: [],
  refunds: { ...ATLASSIAN_RESELLER_POLICY.refunds },
  calendar: "DE",
};

/** The shipped defaults as JSON, plus the Adobe test policy. */
export function defaultsWithAdobe(): PolicySetInput {
  const defaults = JSON.parse(JSON.stringify(DEFAULT_POLICIES)) as { fulfilment: PolicySetInput["fulfilment"]; vendors: VendorPolicyInput[]; rental: PolicySetInput["rental"] };
  return { ...defaults, vendors: [...defaults.vendors, ADOBE_TEST_POLICY] };
}

/** The shipped defaults as JSON with the Atlassian L14 percentages changed. */
export function defaultsWithAtlassianDiscounts(discountPercent: VendorPolicyInput["discountPercent"]): PolicySetInput {
  const defaults = JSON.parse(JSON.stringify(DEFAULT_POLICIES)) as { fulfilment: PolicySetInput["fulfilment"]; vendors: VendorPolicyInput[]; rental: PolicySetInput["rental"] };
  return { ...defaults, vendors: defaults.vendors.map((policy) => (policy.vendorId === "atlassian" ? { ...policy, discountPercent } : policy)) };
}
