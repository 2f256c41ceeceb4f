import { describe, expect, it } from "vitest";
import { ATLASSIAN_RESELLER_POLICY } from "../policies/atlassian-reseller-policy.js";
import { DEFAULT_POLICIES, loadPolicySet, mergePolicySets } from "../policies/policy-set.js";
import { readLicenseKey } from "../reseller/license-key-access.js";
import { TEST_CATALOG } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { maintenanceRenewalInputSchema, renewMaintenance } from "./maintenance-renewal.js";
import { checkRefund } from "./refund-eligibility.js";
import { type RefundableLicenseRecord, licenseRefundInputSchema, refundLicense } from "./refund-license.js";
import { priceTierUpgrade } from "./tier-upgrade.js";

/** Jira Data Center, 500 users, bought 2026-03-02 10:00 in Berlin: a self-managed license with the API's record fields. */
const dataCenter = {
  productId: "jira-dc",
  productName: "Jira Data Center",
  vendorId: "atlassian",
  edition: "data-center",
  billingModel: "annual-subscription",
  userTier: 500,
  quantity: 1,
  sen: "SEN-4711",
  siteUrl: null,
  purchasedAt: "2026-03-02T10:00:00+01:00",
  paidOn: null,
  term: { from: "2026-03-02", to: "2027-03-02" },
} as const satisfies RefundableLicenseRecord & Record<string, unknown>;

const cloudAnnual = {
  vendorId: "atlassian",
  edition: "cloud",
  billingModel: "annual-subscription",
  purchasedAt: "2026-01-05T10:00:00+01:00",
  paidOn: "2026-02-03",
} as const satisfies RefundableLicenseRecord;

const cloudMonthly = { ...cloudAnnual, billingModel: "monthly-subscription", purchasedAt: "2026-01-31T08:00:00+01:00", paidOn: "2026-01-31" } as const;

const reason = { reason: "Customer ordered the wrong product" };

describe("refundLicense", () => {
  it("L17: a self-managed license bought 2026-03-02 is refunded through day 30, 2026-04-01 (23:59 Berlin), with the refund on its record", () => {
    const transition = valueOf(refundLicense(dataCenter, reason, { asOf: "2026-04-01T23:59:00+02:00", actor: "staff-back-office" }));
    expect(transition.refund).toEqual({
      refundedAt: "2026-04-01T21:59:00.000Z",
      refundedOn: "2026-04-01",
      reason: "Customer ordered the wrong product",
      refundedBy: "staff-back-office",
      basis: "purchase",
      windowStart: "2026-03-02",
      deadline: "2026-04-01",
      day: 30,
      policyId: ATLASSIAN_RESELLER_POLICY.id,
    });
    // Every other field of the record is kept as it was.
    expect(transition.license).toEqual({ ...dataCenter, refund: transition.refund });
    expect(transition.events).toEqual([{ type: "license-refunded", at: "2026-04-01T21:59:00.000Z", refund: transition.refund }]);
  });

  it("L17: the day after, 2026-04-02 00:00 Berlin (day 31), is refused with the window's last day in the message", () => {
    const refused = refundLicense(dataCenter, reason, { asOf: "2026-04-02T00:00:00+02:00" });
    expect(codesOf(refused)).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
    const [error] = errorsOf(refused);
    expect(error?.message).toContain("by 2026-04-01, the last day of the refund window");
    expect(error?.message).toContain("purchase on 2026-03-02");
    expect(error?.details).toEqual({ deadline: "2026-04-01", day: 31, basis: "purchase" });
    expect(error?.path).toEqual(["asOf"]);
  });

  it("L17: the window runs over the month end: bought 2026-01-31, refundable through 2026-03-02 (February has 28 days)", () => {
    const januaryEnd = { ...dataCenter, purchasedAt: "2026-01-31T09:00:00+01:00" };
    expect(valueOf(refundLicense(januaryEnd, reason, { asOf: "2026-03-02T18:00:00+01:00" })).refund).toMatchObject({ deadline: "2026-03-02", day: 30 });
    expect(codesOf(refundLicense(januaryEnd, reason, { asOf: "2026-03-03T08:00:00+01:00" }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
  });

  it("L17, P2: days are the customer's: bought 2026-03-01T23:30Z is 2026-03-02 in Berlin, so 2026-04-01T21:30Z is day 30 there and day 31 in UTC", () => {
    const nearMidnight = { ...dataCenter, purchasedAt: "2026-03-01T23:30:00Z" };
    const asOf = "2026-04-01T21:30:00Z"; // 23:30 in Berlin (summer time since 2026-03-29)
    expect(valueOf(refundLicense(nearMidnight, reason, { asOf, zone: "Europe/Berlin" })).refund).toMatchObject({ windowStart: "2026-03-02", deadline: "2026-04-01", day: 30 });
    const utc = refundLicense(nearMidnight, reason, { asOf, zone: "UTC" });
    expect(codesOf(utc)).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
    expect(errorsOf(utc)[0]?.details).toEqual({ deadline: "2026-03-31", day: 31, basis: "purchase" });
  });

  it("L17, P2: a customer in New York who bought 2026-03-02 20:00 local (already 03-03 in UTC) is refunded until 2026-04-01 23:59 New York time", () => {
    const newYork = { ...dataCenter, purchasedAt: "2026-03-02T20:00:00-05:00" };
    const zone = "America/New_York";
    expect(valueOf(refundLicense(newYork, reason, { asOf: "2026-04-01T23:59:00-04:00", zone })).refund).toMatchObject({ windowStart: "2026-03-02", deadline: "2026-04-01", refundedOn: "2026-04-01" });
    expect(codesOf(refundLicense(newYork, reason, { asOf: "2026-04-02T00:01:00-04:00", zone }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
  });

  it("L17: cloud annual runs 30 days from the payment day (paid 2026-02-03: through 2026-03-05), not from the purchase on 2026-01-05", () => {
    expect(valueOf(refundLicense(cloudAnnual, reason, { asOf: "2026-03-05T20:00:00+01:00" })).refund).toMatchObject({
      basis: "payment",
      windowStart: "2026-02-03",
      deadline: "2026-03-05",
      day: 30,
    });
    const late = refundLicense(cloudAnnual, reason, { asOf: "2026-03-06T08:00:00+01:00" });
    expect(codesOf(late)).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
    expect(errorsOf(late)[0]?.message).toContain("payment on 2026-02-03");
  });

  it("L17: cloud monthly only within the first paid month: paid 2026-01-31, through 2026-02-27; paid 2026-03-15, through 2026-04-14", () => {
    expect(valueOf(refundLicense(cloudMonthly, reason, { asOf: "2026-02-27T23:30:00+01:00" })).refund).toMatchObject({ basis: "first-paid-month", deadline: "2026-02-27" });
    expect(codesOf(refundLicense(cloudMonthly, reason, { asOf: "2026-02-28T00:00:00+01:00" }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
    const midMonth = { ...cloudMonthly, paidOn: "2026-03-15" };
    expect(valueOf(refundLicense(midMonth, reason, { asOf: "2026-04-14T12:00:00+02:00" })).refund.deadline).toBe("2026-04-14");
    expect(codesOf(refundLicense(midMonth, reason, { asOf: "2026-04-15T12:00:00+02:00" }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
  });

  it("L17: in a leap year the first paid month from 2028-01-31 runs through 2028-02-28 (the next month starts on the 29th)", () => {
    const leap = { ...cloudMonthly, purchasedAt: "2028-01-31T08:00:00+01:00", paidOn: "2028-01-31" };
    expect(valueOf(refundLicense(leap, reason, { asOf: "2028-02-28T12:00:00+01:00" })).refund.deadline).toBe("2028-02-28");
    expect(codesOf(refundLicense(leap, reason, { asOf: "2028-02-29T12:00:00+01:00" }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
  });

  it("L17: a license is refunded once: the second time L17_ALREADY_REFUNDED, also from its stored JSON", () => {
    const first = valueOf(refundLicense(dataCenter, reason, { asOf: "2026-03-10T10:00:00+01:00" }));
    const again = refundLicense(first.license, reason, { asOf: "2026-03-11T10:00:00+01:00" });
    expect(codesOf(again)).toEqual(["L17_ALREADY_REFUNDED"]);
    expect(errorsOf(again)[0]).toMatchObject({ path: ["license", "refund"], details: { refundedOn: "2026-03-10", refundedAt: "2026-03-10T09:00:00.000Z" } });
    const stored = JSON.parse(JSON.stringify(first.license)) as typeof first.license;
    expect(codesOf(refundLicense(stored, reason, { asOf: "2026-03-11T10:00:00+01:00" }))).toEqual(["L17_ALREADY_REFUNDED"]);
  });

  it("L13, L15, L17, L19: a refunded license is void: its key is not read, its maintenance not renewed, its tier not upgraded, its refund not checked again", () => {
    const { refund } = valueOf(refundLicense(dataCenter, reason, { asOf: "2026-03-10T10:00:00+01:00" }));
    const asOf = "2026-03-12T10:00:00+01:00";
    const key = readLicenseKey({ licenseId: "L-1", vendorId: "atlassian", edition: "data-center", key: "AAAB-1", originalPurchaserId: "reseller", refund }, "reseller", { asOf });
    expect(codesOf(key)).toEqual(["L17_LICENSE_REFUNDED"]);
    expect(errorsOf(key)[0]).toMatchObject({ path: ["license", "refund"], details: { refundedOn: "2026-03-10" } });
    expect(errorsOf(key)[0]?.message).toBe("The license was refunded on 2026-03-10 and is void: its key cannot be read any more");
    const renewal = renewMaintenance({ productId: "jira-dc", userTier: 500, currentEnd: "2027-03-02", refund }, { asOf, catalog: TEST_CATALOG });
    expect(errorsOf(renewal)[0]).toMatchObject({ code: "L17_LICENSE_REFUNDED", path: ["refund"] });
    const upgrade = priceTierUpgrade({ productId: "jira-dc", fromTier: 500, toTier: 1000, term: dataCenter.term, refund }, { asOf, catalog: TEST_CATALOG });
    expect(errorsOf(upgrade)[0]).toMatchObject({ code: "L17_LICENSE_REFUNDED", path: ["refund"] });
    const check = checkRefund({ vendorId: "atlassian", license: "self-managed", purchasedAt: dataCenter.purchasedAt, refund }, { asOf });
    expect(codesOf(check)).toEqual(["L17_ALREADY_REFUNDED"]);
    // Not refunded (null, or no field at all): every command works as before.
    expect(valueOf(readLicenseKey({ licenseId: "L-1", vendorId: "atlassian", edition: "data-center", key: "AAAB-1", originalPurchaserId: "reseller", refund: null }, "reseller", { asOf }))).toBe("AAAB-1");
    expect(valueOf(renewMaintenance({ productId: "jira-dc", userTier: 500, currentEnd: "2027-03-02", refund: null }, { asOf, catalog: TEST_CATALOG })).newEnd).toBe("2028-03-02");
    expect(valueOf(checkRefund({ vendorId: "atlassian", license: "self-managed", purchasedAt: dataCenter.purchasedAt, refund: null }, { asOf })).day).toBe(10);
  });

  it("L17: a reason of 1–500 characters is required (trimmed); other fields are refused", () => {
    const asOf = "2026-03-10T10:00:00+01:00";
    expect(errorsOf(refundLicense(dataCenter, { reason: "" }, { asOf }))[0]).toMatchObject({ code: "INVALID_INPUT", path: ["reason"] });
    expect(errorsOf(refundLicense(dataCenter, { reason: "   " }, { asOf }))[0]).toMatchObject({ code: "INVALID_INPUT", path: ["reason"] });
    expect(errorsOf(refundLicense(dataCenter, { reason: "x".repeat(501) }, { asOf }))[0]).toMatchObject({ code: "INVALID_INPUT", path: ["reason"] });
    expect(valueOf(refundLicense(dataCenter, { reason: ` ${"x".repeat(500)} ` }, { asOf })).refund.reason).toBe("x".repeat(500));
    expect(codesOf(refundLicense(dataCenter, { reason: "ok", amount: "100" } as never, { asOf }))).toEqual(["INVALID_INPUT"]);
    expect(licenseRefundInputSchema.safeParse({}).success).toBe(false);
  });

  it("L17: licenses without a window are refused: a rental, one never purchased, a cloud subscription without recorded payment", () => {
    const asOf = "2026-03-10T10:00:00+01:00";
    const rental = { ...cloudAnnual, billingModel: "monthly-rental" } as const;
    expect(errorsOf(refundLicense(rental, reason, { asOf }))[0]).toMatchObject({ code: "L17_NOT_REFUNDABLE", path: ["license", "billingModel"] });
    expect(errorsOf(refundLicense({ ...dataCenter, purchasedAt: null }, reason, { asOf }))[0]).toMatchObject({ code: "L17_NOT_REFUNDABLE", path: ["license", "purchasedAt"] });
    expect(errorsOf(refundLicense({ ...cloudAnnual, paidOn: null }, reason, { asOf }))[0]).toMatchObject({ code: "L17_NOT_PAID", path: ["license", "paidOn"] });
    // Asked before the purchase day: malformed, not a refund.
    expect(errorsOf(refundLicense(dataCenter, reason, { asOf: "2026-03-01T10:00:00+01:00" }))[0]).toMatchObject({ code: "INVALID_INPUT", path: ["asOf"] });
  });

  it("L17: a malformed record or context is a typed error, never a throw", () => {
    expect(errorsOf(refundLicense({ ...dataCenter, edition: "desktop" } as never, reason, { asOf: "2026-03-10T10:00:00Z" }))[0]).toMatchObject({ code: "INVALID_INPUT", path: ["license", "edition"] });
    expect(errorsOf(refundLicense({ ...dataCenter, purchasedAt: "2026-03-02" }, reason, { asOf: "2026-03-10T10:00:00Z" }))[0]).toMatchObject({ code: "INVALID_INPUT", path: ["license", "purchasedAt"] });
    expect(codesOf(refundLicense(dataCenter, reason, { asOf: "yesterday" }))).toEqual(["INVALID_INSTANT"]);
    expect(codesOf(refundLicense(dataCenter, reason, { asOf: "2026-03-10T10:00:00Z", zone: "Mars/Olympus" }))).toEqual(["INVALID_ZONE"]);
  });

  it("L17, P1: the window is the policy's in force on the day of the refund (a 14-day policy from 2026-03-10 on)", () => {
    const loaded = loadPolicySet({
      vendors: [{ ...ATLASSIAN_RESELLER_POLICY, id: "atlassian-2026-03", effectiveFrom: "2026-03-10", refunds: { ...ATLASSIAN_RESELLER_POLICY.refunds, selfManagedDays: 14 } }],
    });
    const policies = mergePolicySets(DEFAULT_POLICIES, valueOf(loaded));
    expect(codesOf(refundLicense(dataCenter, reason, { asOf: "2026-03-17T10:00:00+01:00", policies }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
    expect(valueOf(refundLicense(dataCenter, reason, { asOf: "2026-03-16T10:00:00+01:00", policies })).refund).toMatchObject({ deadline: "2026-03-16", policyId: "atlassian-2026-03" });
  });

  it("P2: the license passed in is not changed, and the same input gives the same result", () => {
    const frozen = Object.freeze({ ...dataCenter, term: Object.freeze({ ...dataCenter.term }) });
    const context = { asOf: "2026-03-10T10:00:00+01:00" };
    const once = JSON.stringify(refundLicense(frozen, reason, context));
    expect(JSON.stringify(refundLicense(frozen, reason, context))).toBe(once);
    expect("refund" in frozen).toBe(false);
    expect(maintenanceRenewalInputSchema.safeParse({ productId: "jira-dc", userTier: 500, currentEnd: "2027-03-02" }).success).toBe(true);
  });
});
