import { describe, expect, it } from "vitest";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { checkRefund } from "./refund-eligibility.js";

describe("checkRefund", () => {
  const purchase = { vendorId: "atlassian", license: "self-managed" as const, purchasedAt: "2026-03-01T10:00:00+01:00" };

  it("L17: a self-managed refund asked on day 30 after the purchase is allowed, on day 31 refused", () => {
    const day30 = valueOf(checkRefund(purchase, { asOf: "2026-03-31T23:59:00+02:00" }));
    expect(day30).toMatchObject({ basis: "purchase", windowStart: "2026-03-01", deadline: "2026-03-31", day: 30 });
    const day31 = checkRefund(purchase, { asOf: "2026-04-01T00:00:00+02:00" });
    expect(codesOf(day31)).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
    expect(errorsOf(day31)[0]?.details).toEqual({ deadline: "2026-03-31", day: 31, basis: "purchase" });
  });

  it("L17: the day boundary is the customer's: 2026-03-31T22:30Z is day 30 in UTC but day 31 in Berlin (refused)", () => {
    const request = { ...purchase, purchasedAt: "2026-03-01T12:00:00Z" };
    const asOf = "2026-03-31T22:30:00Z"; // 2026-04-01 00:30 in Berlin (summer time)
    expect(codesOf(checkRefund(request, { asOf, zone: "Europe/Berlin" }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
    expect(valueOf(checkRefund(request, { asOf, zone: "UTC" })).day).toBe(30);
  });

  it("L17: vice versa, bought 2026-03-01T23:30Z (already 03-02 in Berlin): asked 2026-04-01T12:00Z is day 30 in Berlin (allowed), day 31 in UTC", () => {
    const request = { ...purchase, purchasedAt: "2026-03-01T23:30:00Z" };
    const asOf = "2026-04-01T12:00:00Z";
    const berlin = valueOf(checkRefund(request, { asOf }));
    expect(berlin).toMatchObject({ windowStart: "2026-03-02", deadline: "2026-04-01", day: 30 });
    expect(codesOf(checkRefund(request, { asOf, zone: "UTC" }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
  });

  it("L17: cloud annual refunds run 30 days from payment, not purchase", () => {
    const request = { vendorId: "atlassian", license: "cloud-annual" as const, purchasedAt: "2026-01-05T10:00:00Z", paidAt: "2026-02-03T10:00:00Z" };
    const allowed = valueOf(checkRefund(request, { asOf: "2026-03-05T10:00:00Z" }));
    expect(allowed).toMatchObject({ basis: "payment", deadline: "2026-03-05", day: 30 });
    expect(codesOf(checkRefund(request, { asOf: "2026-03-06T10:00:00Z" }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
  });

  it("L17: cloud monthly refunds only within the first paid month (paid 2026-01-31: through 2026-02-27)", () => {
    const request = { vendorId: "atlassian", license: "cloud-monthly" as const, purchasedAt: "2026-01-31T08:00:00Z", paidAt: "2026-01-31T08:00:00Z" };
    expect(valueOf(checkRefund(request, { asOf: "2026-02-27T20:00:00Z" })).deadline).toBe("2026-02-27");
    expect(codesOf(checkRefund(request, { asOf: "2026-02-28T08:00:00Z" }))).toEqual(["L17_REFUND_DEADLINE_PASSED"]);
  });

  it("L17: cloud refunds need the payment instant; bad instants are typed errors", () => {
    const missing = checkRefund({ vendorId: "atlassian", license: "cloud-annual", purchasedAt: "2026-01-05T10:00:00Z" }, { asOf: "2026-01-10T10:00:00Z" });
    expect(errorsOf(missing)[0]).toMatchObject({ code: "INVALID_INPUT", path: ["paidAt"] });
    const noOffset = checkRefund({ ...purchase, purchasedAt: "2026-03-01T10:00:00" }, { asOf: "2026-03-10T10:00:00Z" });
    expect(errorsOf(noOffset)[0]).toMatchObject({ code: "INVALID_INPUT", path: ["purchasedAt"] });
    expect(codesOf(checkRefund(purchase, { asOf: "yesterday" }))).toEqual(["INVALID_INSTANT"]);
    expect(codesOf(checkRefund(purchase, { asOf: "2026-03-10T10:00:00Z", zone: "Mars/Olympus" }))).toEqual(["INVALID_ZONE"]);
    expect(codesOf(checkRefund(purchase, { asOf: "2026-02-28T10:00:00Z" }))).toEqual(["INVALID_INPUT"]);
  });
});
