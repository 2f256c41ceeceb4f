import { describe, expect, it } from "vitest";
import { sepaPolicySchema } from "../due-dates/sepa-policy.js";
import { latePaymentPolicySchema } from "../late-payment/late-payment-policy.js";
import { paymentTermsPolicySchema } from "../payment/payment-policy.js";
import { inForce } from "../policy/policy-history.js";
import { taxPolicySchema } from "../tax/tax-policy.js";
import { vatRateTableSchema } from "../tax/vat-rate-table.js";
import { errorCodes, unwrap } from "../test-support.js";
import { DEFAULT_VAT_RATE_TABLES } from "./eu-vat-rates.js";
import { DEFAULT_LATE_PAYMENT_POLICIES } from "./late-payment-policies.js";
import { loadPaymentTermsPolicies, loadSepaPolicies } from "./load-policies.js";
import { DEFAULT_PAYMENT_TERMS_POLICIES } from "./payment-terms-policies.js";
import { DEFAULT_SEPA_POLICIES } from "./sepa-policies.js";
import { DEFAULT_TAX_POLICIES } from "./tax-policies.js";

/** A policy as a user would store it: plain JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("P1 shipped policies and user policies", () => {
  it.each([
    ["payment terms", paymentTermsPolicySchema, DEFAULT_PAYMENT_TERMS_POLICIES],
    ["SEPA", sepaPolicySchema, DEFAULT_SEPA_POLICIES],
    ["late payment", latePaymentPolicySchema, DEFAULT_LATE_PAYMENT_POLICIES],
    ["tax", taxPolicySchema, DEFAULT_TAX_POLICIES],
    ["VAT rates", vatRateTableSchema, DEFAULT_VAT_RATE_TABLES],
  ] as const)("P1: the shipped %s policies survive a JSON round trip through their schema", (_name, schema, policies) => {
    for (const policy of policies) expect(schema.parse(asJson(policy))).toEqual(policy);
  });

  it("P1: the seed's numbers are the shipped payment terms (T1)", () => {
    const [policy] = DEFAULT_PAYMENT_TERMS_POLICIES;
    const rule = (method: string) => policy?.methods.find((m) => m.method === method);
    expect(rule("bank-transfer")?.clearing).toEqual({ kind: "business-days", minDays: 5, maxDays: 7, calendar: "TARGET2" });
    expect(rule("ach")?.clearing).toEqual({ kind: "business-days", minDays: 7, maxDays: 14, calendar: "US" });
    expect(rule("check")?.clearing).toMatchObject({ kind: "calendar-days", maxDays: 14 });
    expect(rule("on-invoice")).toMatchObject({ netDays: 30, minimumOrderValue: { amount: "10000.00", currency: "USD" } });
  });

  it("P1: the base-rate table holds the published values from 2023 on (T6)", () => {
    const rates = DEFAULT_LATE_PAYMENT_POLICIES[0]!.baseRates;
    const at = (date: string) => inForce(rates, date)?.ratePercent;
    expect(["2023-01-01", "2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01"].map(at)).toEqual([
      "1.62", "3.12", "3.62", "3.37", "2.27", "1.27", "1.27",
    ]);
    expect(at("2022-12-31")).toBe("-0.88");
  });

  it("P1: a loaded history is sorted; the value in force is the latest one on or before the day", () => {
    const base = DEFAULT_SEPA_POLICIES[0]!;
    const loaded = unwrap(loadSepaPolicies([{ ...base, version: "b", effectiveFrom: "2030-01-01" }, base]));
    expect(loaded.map((p) => p.version)).toEqual(["sepa-core-2023", "b"]);
    expect(inForce(loaded, "2029-12-31")?.version).toBe("sepa-core-2023");
    expect(inForce(loaded, "2030-01-01")?.version).toBe("b");
    expect(inForce(loaded, "2014-01-31")).toBeUndefined();
  });

  it("P1: invalid user policies are POLICY_INVALID errors with the path of the bad field", () => {
    const base = DEFAULT_SEPA_POLICIES[0]!;
    const bad = loadSepaPolicies([base, { ...base, effectiveFrom: "2030-02-30" }]);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.path])).toEqual([["POLICY_INVALID", [1, "effectiveFrom"]]]);
    expect(errorCodes(loadSepaPolicies([base, { ...base, version: "again" }]))).toEqual(["POLICY_INVALID"]);
    expect(errorCodes(loadSepaPolicies({ not: "an array" }))).toEqual(["POLICY_INVALID"]);
    expect(errorCodes(loadSepaPolicies([]))).toEqual(["POLICY_INVALID"]);
    const payment = DEFAULT_PAYMENT_TERMS_POLICIES[0]!;
    expect(errorCodes(loadPaymentTermsPolicies([{ ...payment, methods: [...payment.methods, payment.methods[0]] }]))).toEqual(["POLICY_INVALID"]);
    expect(
      errorCodes(loadPaymentTermsPolicies([{ ...payment, methods: [{ ...payment.methods[2], clearing: { kind: "business-days", minDays: 9, maxDays: 7, calendar: "TARGET2" } }] }])),
    ).toEqual(["POLICY_INVALID"]);
  });
});
