import { describe, expect, it } from "vitest";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { ATLASSIAN_RESELLER_POLICY } from "./atlassian-reseller-policy.js";
import { DEFAULT_FULFILMENT_POLICY } from "./kontor-fulfilment-policy.js";
import { MICROSOFT_RENTAL_POLICY } from "./microsoft-rental-policy.js";
import { policyInForce } from "./policy-in-force.js";
import { DEFAULT_POLICIES, fulfilmentPolicyOn, loadPolicySet, mergePolicySets, rentalPolicyOn, vendorPolicyOn } from "./policy-set.js";
import { fulfilmentPolicySchema } from "./fulfilment-policy.js";
import { rentalPolicySchema } from "./rental-policy.js";
import { vendorPolicySchema } from "./vendor-policy.js";

describe("policies", () => {
  it("P1: the shipped defaults pass their own schemas and carry the seeds' numbers", () => {
    expect(vendorPolicySchema.parse(ATLASSIAN_RESELLER_POLICY)).toEqual(ATLASSIAN_RESELLER_POLICY);
    expect(rentalPolicySchema.parse(MICROSOFT_RENTAL_POLICY)).toEqual(MICROSOFT_RENTAL_POLICY);
    expect(fulfilmentPolicySchema.parse(DEFAULT_FULFILMENT_POLICY)).toEqual(DEFAULT_FULFILMENT_POLICY);
    expect(ATLASSIAN_RESELLER_POLICY).toMatchObject({
      quoteValidityDays: 30,
      reviewBusinessDays: { min: 1, max: 3 },
      maintenanceCapYears: 3,
      refunds: { selfManagedDays: 30, cloudAnnualDaysAfterPayment: 30, cloudMonthlyPaidMonths: 1 },
      productLineEnds: [{ edition: "server", supportEndOn: "2024-02-02" }],
    });
    expect(DEFAULT_FULFILMENT_POLICY).toMatchObject({ serviceContactBusinessDays: 2, invoiceWithinDays: 1 });
    expect(MICROSOFT_RENTAL_POLICY.requiredConsents).toEqual(["termsAndLicenseConditions", "vendorAccountCreation"]);
  });

  it("P1: a user's policy JSON loads without code changes and applies from its effectiveFrom day", () => {
    const json = JSON.parse(
      JSON.stringify({ vendors: [{ ...ATLASSIAN_RESELLER_POLICY, id: "atlassian-2027", effectiveFrom: "2027-01-01", quoteValidityDays: 14 }] }),
    ) as unknown;
    const policies = mergePolicySets(DEFAULT_POLICIES, valueOf(loadPolicySet(json)));
    expect(valueOf(vendorPolicyOn(policies, "atlassian", "2026-12-31")).id).toBe("atlassian-reseller-2021-02-02");
    expect(valueOf(vendorPolicyOn(policies, "atlassian", "2027-01-01")).quoteValidityDays).toBe(14);
    expect(valueOf(rentalPolicyOn(policies, "microsoft", "2027-01-01")).id).toBe(MICROSOFT_RENTAL_POLICY.id);
    expect(valueOf(fulfilmentPolicyOn(policies, "2027-01-01")).id).toBe(DEFAULT_FULFILMENT_POLICY.id);
  });

  it("P1: every problem of a user policy is a P1_INVALID_POLICY error naming the field", () => {
    const result = loadPolicySet({
      vendors: [{ ...ATLASSIAN_RESELLER_POLICY, quoteValidityDays: 0, discountPercent: { ...ATLASSIAN_RESELLER_POLICY.discountPercent, academic: "150" } }],
      rental: [{ ...MICROSOFT_RENTAL_POLICY, requiredConsents: ["telepathy"] }],
    });
    expect(codesOf(result).every((code) => code === "P1_INVALID_POLICY")).toBe(true);
    expect(errorsOf(result).map((error) => error.path)).toEqual([
      ["vendors", 0, "quoteValidityDays"],
      ["vendors", 0, "discountPercent", "academic"],
      ["rental", 0, "requiredConsents", 0],
    ]);
    const twice = loadPolicySet({ vendors: [ATLASSIAN_RESELLER_POLICY, { ...ATLASSIAN_RESELLER_POLICY, id: "copy" }] });
    expect(errorsOf(twice)[0]?.path).toEqual(["vendors", 1, "effectiveFrom"]);
  });

  it("P1: no policy is in force before the first version takes effect", () => {
    const result = vendorPolicyOn(DEFAULT_POLICIES, "atlassian", "2021-02-01");
    expect(errorsOf(result)[0]).toMatchObject({ code: "P1_NO_POLICY_IN_FORCE", details: { day: "2021-02-01" } });
    expect(codesOf(vendorPolicyOn(DEFAULT_POLICIES, "adobe", "2026-01-01"))).toEqual(["P1_NO_POLICY_IN_FORCE"]);
  });

  it("P1: picks the latest version not after the day, whatever the order of the list", () => {
    const versions = [
      { id: "b", effectiveFrom: "2026-07-01" },
      { id: "a", effectiveFrom: "2026-01-01" },
      { id: "c", effectiveFrom: "2027-01-01" },
    ];
    expect(valueOf(policyInForce(versions, "2026-06-30", "test")).id).toBe("a");
    expect(valueOf(policyInForce(versions, "2026-07-01", "test")).id).toBe("b");
    expect(valueOf(policyInForce(versions, "2030-01-01", "test")).id).toBe("c");
  });
});
