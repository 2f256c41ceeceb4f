import { describe, expect, it } from "vitest";
import { errorCodes, unwrap } from "../test-support.js";
import { DEFAULT_TERMS_POLICY_SET, loadTermsPolicySet, termsPolicySetSchema } from "./terms-policy-set.js";

/** The set as an installation stores it: plain JSON. */
const asJson = (): { sepa: { effectiveFrom: string; preNotificationDays: number }[] } & Record<string, unknown> =>
  JSON.parse(JSON.stringify(DEFAULT_TERMS_POLICY_SET)) as { sepa: { effectiveFrom: string; preNotificationDays: number }[] } & Record<string, unknown>;

describe("P1 terms policy set", () => {
  it("P1: the shipped set survives a JSON round trip through its schema, every history with its seed numbers", () => {
    const loaded = unwrap(loadTermsPolicySet(asJson()));
    expect(loaded).toEqual(DEFAULT_TERMS_POLICY_SET);
    expect(loaded.sepa[0]?.preNotificationDays).toBe(14);
    expect(loaded.usSalesTaxTables).toEqual([]);
  });

  it("P1: a second SEPA version with a 7-day pre-notification from 2027-01-01 loads beside the first", () => {
    const json = asJson();
    const first = json.sepa[0];
    if (first === undefined) throw new Error("no shipped SEPA policy");
    json.sepa = [first, { ...first, effectiveFrom: "2027-01-01", preNotificationDays: 7 }];
    expect(unwrap(loadTermsPolicySet(json)).sepa.map((policy) => [policy.effectiveFrom, policy.preNotificationDays])).toEqual([
      ["2014-02-01", 14],
      ["2027-01-01", 7],
    ]);
  });

  it("P1: two versions on one day, a missing history or an unknown key are POLICY_INVALID naming the path", () => {
    const twice = asJson();
    const first = twice.sepa[0];
    if (first === undefined) throw new Error("no shipped SEPA policy");
    twice.sepa = [first, { ...first, preNotificationDays: 7 }];
    const duplicate = loadTermsPolicySet(twice);
    expect(errorCodes(duplicate)).toEqual(["POLICY_INVALID"]);
    expect(duplicate.ok ? [] : duplicate.errors[0]?.path).toEqual(["sepa", 1, "effectiveFrom"]);

    const missing: Record<string, unknown> = asJson();
    delete missing.latePayment;
    const withoutLatePayment = loadTermsPolicySet(missing);
    expect(withoutLatePayment.ok ? [] : withoutLatePayment.errors.map((error) => error.path)).toEqual([["latePayment"]]);

    expect(termsPolicySetSchema.safeParse({ ...asJson(), dunning: [] }).success).toBe(false);
    expect(termsPolicySetSchema.safeParse({ ...asJson(), paymentTerms: [] }).success).toBe(false);
  });
});
