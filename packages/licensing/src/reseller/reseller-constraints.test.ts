import { describe, expect, it } from "vitest";
import { findProduct } from "../catalog/catalog-lookup.js";
import { ATLASSIAN_RESELLER_POLICY } from "../policies/atlassian-reseller-policy.js";
import { DEFAULT_POLICIES } from "../policies/policy-set.js";
import { TEST_CATALOG } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { readLicenseKey } from "./license-key-access.js";
import { checkProductOrderable, productEndDates } from "./product-availability.js";
import { checkPurchaseRoute, checkResellerDiscountRequest } from "./purchase-route.js";

const product = (id: string) => valueOf(findProduct(TEST_CATALOG, id));

describe("reseller constraints", () => {
  it("L6: buying through another distributor (two-tier distribution) is rejected; buying direct is fine", () => {
    expect(checkPurchaseRoute("direct", ATLASSIAN_RESELLER_POLICY)).toEqual([]);
    const [error] = checkPurchaseRoute("via-distributor", ATLASSIAN_RESELLER_POLICY);
    expect(error).toMatchObject({ code: "L6_TWO_TIER_DISTRIBUTION", path: ["purchaseRoute"] });
    expect(checkPurchaseRoute("via-distributor", { ...ATLASSIAN_RESELLER_POLICY, twoTierDistributionAllowed: true })).toEqual([]);
  });

  it("L6: resellers get no reseller discount", () => {
    expect(checkResellerDiscountRequest(true, ATLASSIAN_RESELLER_POLICY).map((error) => error.code)).toEqual(["L6_NO_RESELLER_DISCOUNT"]);
    expect(checkResellerDiscountRequest(false, ATLASSIAN_RESELLER_POLICY)).toEqual([]);
  });

  it("L12: resellers may buy cloud annual, never cloud monthly", () => {
    expect(checkProductOrderable(product("jira-cloud-annual"), "new", ATLASSIAN_RESELLER_POLICY, "2026-05-01")).toEqual([]);
    const [error] = checkProductOrderable(product("jira-cloud-monthly"), "new", ATLASSIAN_RESELLER_POLICY, "2026-05-01", ["lines", 0]);
    expect(error).toMatchObject({ code: "L12_RESELLER_CLOUD_MONTHLY", path: ["lines", 0, "productId"] });
  });

  it("L16: new Server licenses are rejected with the date sales ended; Data Center is still sold", () => {
    const [error] = checkProductOrderable(product("jira-server"), "new", ATLASSIAN_RESELLER_POLICY, "2026-05-01");
    expect(error?.code).toBe("L16_PRODUCT_ENDED");
    expect(error?.message).toBe("Jira Server: new sales ended on 2021-02-02");
    expect(error?.details).toMatchObject({ endedOn: "2021-02-02", productId: "jira-server" });
    expect(checkProductOrderable(product("jira-dc"), "new", ATLASSIAN_RESELLER_POLICY, "2026-05-01")).toEqual([]);
  });

  it("L16: Server support ended 2024-02-02: renewals from that day on are rejected, the day before they are not", () => {
    expect(checkProductOrderable(product("jira-server"), "renewal", ATLASSIAN_RESELLER_POLICY, "2024-02-01")).toEqual([]);
    const [error] = checkProductOrderable(product("jira-server"), "renewal", ATLASSIAN_RESELLER_POLICY, "2024-02-02");
    expect(error?.message).toBe("Jira Server: support ended on 2024-02-02");
  });

  it("L16: the earlier of the catalog's and the policy's end date wins", () => {
    const jiraServer = { ...product("jira-server"), endOfSupport: "2023-12-31" };
    expect(productEndDates(jiraServer, ATLASSIAN_RESELLER_POLICY)).toEqual({ endOfSale: "2021-02-02", endOfSupport: "2023-12-31" });
    const dc = { ...product("jira-dc"), endOfSale: "2029-03-28" };
    expect(checkProductOrderable(dc, "new", ATLASSIAN_RESELLER_POLICY, "2029-03-28")[0]?.details).toMatchObject({ endedOn: "2029-03-28" });
  });

  it("L13: only the original purchaser may read the key of a self-managed license", () => {
    const license = { licenseId: "SEN-1234", vendorId: "atlassian", edition: "data-center" as const, key: "AAAB-KEY", originalPurchaserId: "reseller-kontor" };
    const context = { asOf: "2026-05-01T10:00:00Z" };
    expect(valueOf(readLicenseKey(license, "reseller-kontor", context))).toBe("AAAB-KEY");
    const refused = readLicenseKey(license, "other-reseller", context);
    expect(codesOf(refused)).toEqual(["L13_NOT_ORIGINAL_PURCHASER"]);
    expect(errorsOf(refused)[0]?.path).toEqual(["requesterId"]);
  });

  it("L13: cloud licenses have no key; a vendor policy with keyAccess anyone lets others read", () => {
    const cloud = { licenseId: "C-1", vendorId: "atlassian", edition: "cloud" as const, key: null, originalPurchaserId: "reseller-kontor" };
    expect(codesOf(readLicenseKey(cloud, "reseller-kontor", { asOf: "2026-05-01T10:00:00Z" }))).toEqual(["L13_CLOUD_LICENSE_HAS_NO_KEY"]);
    const open = { ...DEFAULT_POLICIES, vendors: [{ ...ATLASSIAN_RESELLER_POLICY, keyAccess: "anyone" as const }] };
    const license = { ...cloud, edition: "server" as const, key: "KEY" };
    expect(valueOf(readLicenseKey(license, "someone", { asOf: "2026-05-01T10:00:00Z", policies: open }))).toBe("KEY");
    expect(codesOf(readLicenseKey({ ...license, key: null }, "reseller-kontor", { asOf: "2026-05-01T10:00:00Z" }))).toEqual(["L5_LICENSE_KEY_MISSING"]);
  });
});
