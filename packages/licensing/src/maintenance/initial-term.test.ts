import { describe, expect, it } from "vitest";
import { ATLASSIAN_RESELLER_POLICY } from "../policies/atlassian-reseller-policy.js";
import { DEFAULT_POLICIES } from "../policies/policy-set.js";
import { TEST_CATALOG } from "../testing/fixtures.js";
import { codesOf, valueOf } from "../testing/expect-result.js";
import { initialLicenseTerm } from "./initial-term.js";

const context = { asOf: "2028-02-29T10:00:00+01:00", catalog: TEST_CATALOG };

describe("initialLicenseTerm", () => {
  it("L15: a perpetual Server license gets its 12 months of included maintenance from the purchase day", () => {
    const initial = valueOf(initialLicenseTerm({ productId: "jira-server", startsOn: "2028-06-15" }, context));
    expect(initial.term).toEqual({ from: "2028-06-15", to: "2029-06-15" });
    expect(initial.months).toBe(12);
  });

  it("L15: month-end anchored: a Data Center subscription bought 2028-02-29 runs to 2029-02-28", () => {
    const initial = valueOf(initialLicenseTerm({ productId: "jira-dc", startsOn: "2028-02-29" }, context));
    expect(initial.term).toEqual({ from: "2028-02-29", to: "2029-02-28" });
    expect(initial.policyId).toBe(ATLASSIAN_RESELLER_POLICY.id);
  });

  it("L15, P1: included maintenance is policy data (6 months from 2028-01-01); cloud annual takes one renewal step", () => {
    const policies = {
      ...DEFAULT_POLICIES,
      vendors: [...DEFAULT_POLICIES.vendors, { ...ATLASSIAN_RESELLER_POLICY, id: "atlassian-6", effectiveFrom: "2028-01-01", includedMaintenanceMonths: 6 }],
    };
    const server = valueOf(initialLicenseTerm({ productId: "jira-server", startsOn: "2028-08-31" }, { ...context, policies }));
    expect(server.term).toEqual({ from: "2028-08-31", to: "2029-02-28" });
    const cloud = valueOf(initialLicenseTerm({ productId: "jira-cloud-annual", startsOn: "2028-08-31" }, { ...context, policies }));
    expect(cloud.term).toEqual({ from: "2028-08-31", to: "2029-08-31" });
  });

  it("L15: monthly products have no yearly term; unknown products are refused", () => {
    expect(valueOf(initialLicenseTerm({ productId: "jira-cloud-monthly", startsOn: "2028-02-29" }, context)).term).toBeNull();
    expect(codesOf(initialLicenseTerm({ productId: "nope", startsOn: "2028-02-29" }, context))).toEqual(["CATALOG_UNKNOWN_PRODUCT"]);
  });
});
