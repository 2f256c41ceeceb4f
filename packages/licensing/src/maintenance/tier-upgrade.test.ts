import { describe, expect, it } from "vitest";
import { TEST_CATALOG } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { priceTierUpgrade } from "./tier-upgrade.js";

const term = { from: "2026-01-01", to: "2027-01-01" };

describe("priceTierUpgrade", () => {
  it("L19: a Data Center license 2026-01-01 → 2027-01-01 upgraded on 2026-09-01 pays 122/365 of the price difference", () => {
    const upgrade = valueOf(
      priceTierUpgrade(
        { productId: "jira-dc", fromTier: 500, toTier: 1000, term },
        { asOf: "2026-09-01T08:00:00+02:00", catalog: TEST_CATALOG },
      ),
    );
    expect(upgrade.effectiveOn).toBe("2026-09-01");
    expect(upgrade.daysCharged).toBe(122);
    expect(upgrade.daysInTerm).toBe(365);
    // 36,500.00 − 21,000.00 = 15,500.00; × 122 / 365 = 5,180.8219… → 5,180.82
    expect(upgrade.priceDifference.toFixed()).toBe("15500.00");
    expect(upgrade.charge.toFixed()).toBe("5180.82");
  });

  it("L19: the new tier replaces the old one: 500 → 1,000 users means 1,000 users, not 1,500", () => {
    const upgrade = valueOf(
      priceTierUpgrade({ productId: "jira-dc", fromTier: 500, toTier: 1000, term }, { asOf: "2026-09-01T08:00:00Z", catalog: TEST_CATALOG }),
    );
    expect(upgrade.users).toBe(1000);
  });

  it("L19, P2: the upgrade day is the customer's day: 2026-08-31T22:30Z is already 2026-09-01 in Berlin", () => {
    const berlin = valueOf(
      priceTierUpgrade({ productId: "jira-dc", fromTier: 500, toTier: 1000, term }, { asOf: "2026-08-31T22:30:00Z", catalog: TEST_CATALOG }),
    );
    const newYork = valueOf(
      priceTierUpgrade(
        { productId: "jira-dc", fromTier: 500, toTier: 1000, term },
        { asOf: "2026-08-31T22:30:00Z", zone: "America/New_York", catalog: TEST_CATALOG },
      ),
    );
    expect(berlin.daysCharged).toBe(122);
    expect(newYork.daysCharged).toBe(123);
    expect(newYork.charge.toFixed()).toBe("5223.29");
  });

  it("L19 + L18: a cloud annual upgrade takes effect from the payment date given as effectiveOn", () => {
    const upgrade = valueOf(
      priceTierUpgrade(
        { productId: "jira-cloud-annual", fromTier: 100, toTier: 200, term: { from: "2027-06-01", to: "2028-06-01" }, effectiveOn: "2028-02-29" },
        { asOf: "2028-03-02T10:00:00Z", catalog: TEST_CATALOG },
      ),
    );
    // The term contains 2028-02-29: 366 days; 2028-02-29 → 2028-06-01 is 93 days.
    expect(upgrade.daysInTerm).toBe(366);
    expect(upgrade.daysCharged).toBe(93);
    // 7,000.00 × 93 / 366 = 1,778.6885… → 1,778.69
    expect(upgrade.charge.toFixed()).toBe("1778.69");
  });

  it("L19: an upgrade on the first day of the term pays the whole difference", () => {
    const upgrade = valueOf(
      priceTierUpgrade({ productId: "jira-dc", fromTier: 500, toTier: 2000, term }, { asOf: "2026-01-01T00:00:00+01:00", catalog: TEST_CATALOG }),
    );
    expect(upgrade.daysCharged).toBe(365);
    expect(upgrade.charge.toFixed()).toBe("37000.00");
  });

  it("L19: refuses a smaller or equal tier, and an upgrade day outside the term", () => {
    const down = priceTierUpgrade({ productId: "jira-dc", fromTier: 1000, toTier: 500, term }, { asOf: "2026-05-01T00:00:00Z", catalog: TEST_CATALOG });
    expect(codesOf(down)).toEqual(["L19_NOT_AN_UPGRADE"]);
    expect(errorsOf(down)[0]?.path).toEqual(["toTier"]);
    const late = priceTierUpgrade({ productId: "jira-dc", fromTier: 500, toTier: 1000, term }, { asOf: "2027-01-01T12:00:00Z", catalog: TEST_CATALOG });
    expect(codesOf(late)).toEqual(["L19_OUTSIDE_TERM"]);
    expect(errorsOf(late)[0]?.details).toMatchObject({ effectiveOn: "2027-01-01", termTo: "2027-01-01" });
  });

  it("refuses unknown tiers and malformed input with the field path", () => {
    const tier = priceTierUpgrade({ productId: "jira-dc", fromTier: 500, toTier: 750, term }, { asOf: "2026-05-01T00:00:00Z", catalog: TEST_CATALOG });
    expect(codesOf(tier)).toEqual(["CATALOG_UNKNOWN_TIER"]);
    expect(errorsOf(tier)[0]?.path).toEqual(["toTier"]);
    const backwards = priceTierUpgrade(
      { productId: "jira-dc", fromTier: 500, toTier: 1000, term: { from: "2027-01-01", to: "2026-01-01" } },
      { asOf: "2026-05-01T00:00:00Z", catalog: TEST_CATALOG },
    );
    expect(errorsOf(backwards)[0]).toMatchObject({ code: "INVALID_INPUT", path: ["term", "to"] });
  });
});
