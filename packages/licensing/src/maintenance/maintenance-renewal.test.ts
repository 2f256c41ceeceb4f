import { describe, expect, it } from "vitest";
import { catalogSchema } from "../catalog/catalog.js";
import { ATLASSIAN_RESELLER_POLICY } from "../policies/atlassian-reseller-policy.js";
import { DEFAULT_POLICIES } from "../policies/policy-set.js";
import { TEST_CATALOG, TEST_CATALOG_INPUT } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { renewMaintenance } from "./maintenance-renewal.js";

const context = { asOf: "2026-02-10T10:00:00+01:00", catalog: TEST_CATALOG };

describe("renewMaintenance", () => {
  it("L15: renews in a 12-month step from the previous end, priced at the tier", () => {
    const renewal = valueOf(renewMaintenance({ productId: "jira-dc", userTier: 500, currentEnd: "2026-06-30" }, context));
    expect(renewal.periods).toEqual([{ from: "2026-06-30", to: "2027-06-30" }]);
    expect(renewal.newEnd).toBe("2027-06-30");
    expect(renewal.backdated).toBe(false);
    expect(renewal.amount.toFixed()).toBe("21000.00");
  });

  it("L15: a lapsed license is renewed from its old end, whenever the renewal is bought (2025-05-31 → 2026-05-31, bought 2026-02-10)", () => {
    const renewal = valueOf(renewMaintenance({ productId: "jira-dc", userTier: 500, currentEnd: "2025-05-31" }, context));
    expect(renewal.periods[0]).toEqual({ from: "2025-05-31", to: "2026-05-31" });
    expect(renewal.backdated).toBe(true);
  });

  it("L15: several steps stay anchored on the previous end (2028-02-29 → 2029-02-28 → 2030-02-28)", () => {
    const renewal = valueOf(
      renewMaintenance({ productId: "jira-dc", userTier: 1000, currentEnd: "2028-02-29", steps: 2 }, { ...context, asOf: "2028-01-15T10:00:00Z" }),
    );
    expect(renewal.periods).toEqual([
      { from: "2028-02-29", to: "2029-02-28" },
      { from: "2029-02-28", to: "2030-02-28" },
    ]);
    expect(renewal.amount.toFixed()).toBe("73000.00");
  });

  it("L15: maintenance may be bought at most 3 years ahead of the purchase day", () => {
    const allowed = renewMaintenance({ productId: "jira-dc", userTier: 500, currentEnd: "2027-02-10", steps: 2 }, context);
    expect(valueOf(allowed).newEnd).toBe("2029-02-10"); // exactly the cap: 2026-02-10 + 3 years
    const refused = renewMaintenance({ productId: "jira-dc", userTier: 500, currentEnd: "2027-06-30", steps: 3 }, context);
    expect(codesOf(refused)).toEqual(["L15_MAINTENANCE_CAP_EXCEEDED"]);
    expect(errorsOf(refused)[0]?.details).toEqual({ newEnd: "2030-06-30", latestEnd: "2029-02-10" });
  });

  it("L15, P1: the cap is policy data; a policy with a 1-year cap from 2026-02-01 refuses a second year", () => {
    const policies = {
      ...DEFAULT_POLICIES,
      vendors: [...DEFAULT_POLICIES.vendors, { ...ATLASSIAN_RESELLER_POLICY, id: "atlassian-cap-1", effectiveFrom: "2026-02-01", maintenanceCapYears: 1 }],
    };
    const refused = renewMaintenance({ productId: "jira-dc", userTier: 500, currentEnd: "2026-06-30", steps: 2 }, { ...context, policies });
    expect(codesOf(refused)).toEqual(["L15_MAINTENANCE_CAP_EXCEEDED"]);
    const before = renewMaintenance(
      { productId: "jira-dc", userTier: 500, currentEnd: "2026-06-30", steps: 2 },
      { ...context, asOf: "2026-01-31T10:00:00Z", policies },
    );
    expect(valueOf(before).policyId).toBe("atlassian-reseller-2021-02-02");
  });

  it("L15: uses the tier's renewal price when the catalog has one", () => {
    const catalog = catalogSchema.parse({
      ...TEST_CATALOG_INPUT,
      products: TEST_CATALOG_INPUT.products.map((product) =>
        product.id === "jira-server" ? { ...product, endOfSupport: null } : product,
      ),
    });
    const policies = { ...DEFAULT_POLICIES, vendors: [{ ...ATLASSIAN_RESELLER_POLICY, productLineEnds: [] }] };
    const renewal = valueOf(
      renewMaintenance({ productId: "jira-server", userTier: 500, currentEnd: "2026-06-30" }, { ...context, catalog, policies }),
    );
    expect(renewal.amount.toFixed()).toBe("6000.00");
  });

  it("L16: Server maintenance cannot be renewed since support ended on 2024-02-02", () => {
    const refused = renewMaintenance({ productId: "jira-server", userTier: 500, currentEnd: "2024-06-30" }, context);
    expect(codesOf(refused)).toEqual(["L16_PRODUCT_ENDED"]);
    expect(errorsOf(refused)[0]?.message).toContain("2024-02-02");
    expect(errorsOf(refused)[0]?.details).toMatchObject({ endedOn: "2024-02-02" });
    const dayBefore = renewMaintenance(
      { productId: "jira-server", userTier: 500, currentEnd: "2024-06-30" },
      { ...context, asOf: "2024-02-01T22:59:59Z" }, // 23:59:59 in Berlin on 2024-02-01
    );
    expect(valueOf(dayBefore).newEnd).toBe("2025-06-30");
  });

  it("L15: monthly subscriptions and rentals are not renewed in 12-month steps", () => {
    const result = renewMaintenance({ productId: "jira-cloud-monthly", userTier: 10, currentEnd: "2026-06-30" }, context);
    expect(codesOf(result)).toEqual(["L15_NOT_ANNUALLY_RENEWABLE"]);
  });
});
