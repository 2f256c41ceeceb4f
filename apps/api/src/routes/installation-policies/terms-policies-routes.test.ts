import { findInstallationPolicies } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_TERMS_POLICY_SET, type TermsPolicySetInput } from "@kontor/terms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "../invoices/invoice-fixtures.js";

// The test clock stands at 2026-03-17T09:00Z.

interface StoredPolicies {
  readonly policies: TermsPolicySetInput;
  readonly source: "stored" | "default";
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

interface DueDateQuote {
  readonly dueDate: { readonly netDays: number; readonly nominalDueDate: string; readonly dueDate: string; readonly policies: readonly { readonly version: string }[] };
  readonly latePayment: { readonly interest: { readonly amount: string }; readonly periods: readonly { readonly from: string; readonly until: string; readonly days: number; readonly ratePercent: string }[] } | null;
}

interface PaymentQuote {
  readonly eligibility: { readonly policies: readonly { readonly version: string }[] };
  readonly settlements: readonly { readonly method: string; readonly earliest: string; readonly latest: string }[];
}

interface TaxQuote {
  readonly treatment: string;
  readonly ratePercent: string;
  readonly addressRole: string;
  readonly address: { readonly country: string };
}

/** The shipped defaults as JSON, the form `GET` answers and `PUT` takes. */
const defaults = (): TermsPolicySetInput => JSON.parse(JSON.stringify(DEFAULT_TERMS_POLICY_SET)) as TermsPolicySetInput;

/**
 * The shipped set with a new version of three histories from 2026-07-01 (P1): payment terms with
 * net 14 on invoice and bank transfers clearing in 2–3 business days (T1, T2); the tax following
 * the technical contact's address (T3); and the 2026-07-01 base rate, shipped as a 1.27 %
 * placeholder, replaced by 2.02 % (T6).
 */
function changedSet(): TermsPolicySetInput {
  const set = defaults();
  const [payment] = set.paymentTerms;
  const [tax] = set.tax;
  const [late] = set.latePayment;
  if (payment === undefined || tax === undefined || late === undefined) throw new Error("shipped histories missing");
  const methods = payment.methods.map((method) =>
    method.method === "on-invoice"
      ? { ...method, netDays: 14 }
      : method.method === "bank-transfer"
        ? { ...method, clearing: { kind: "business-days" as const, minDays: 2, maxDays: 3, calendar: "TARGET2" as const } }
        : method,
  );
  return {
    ...set,
    paymentTerms: [payment, { ...payment, version: "installation-2026-07", effectiveFrom: "2026-07-01", source: "Installation: net 14, faster transfers", methods }],
    tax: [tax, { ...tax, version: "technical-2026-07", effectiveFrom: "2026-07-01", source: "Installation: the vendor taxes by the technical contact", addressRole: "technical-contact" }],
    latePayment: [{ ...late, version: "bundesbank-2026-07", baseRates: late.baseRates.map((rate) => (rate.effectiveFrom === "2026-07-01" ? { ...rate, ratePercent: "2.02", note: "Bundesbank" } : rate)) }],
  };
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-03-17T09:00:00Z") });
}, 60_000);
afterAll(() => api.close());

const get = (who: keyof TestTokens = "admin") => api.request({ method: "GET", url: "/v1/terms-policies", token: api.tokens[who] });
const put = (body: unknown) => api.request({ method: "PUT", url: "/v1/terms-policies", token: api.tokens.admin, payload: body as never });
const post = (url: string, payload: unknown, who: keyof TestTokens = "accountManager") => api.request({ method: "POST", url, token: api.tokens[who], payload: payload as never });

async function quote<T>(url: string, payload: unknown, who: keyof TestTokens = "accountManager"): Promise<T> {
  const response = await post(url, payload, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

/** Net days left to the policy in force: issued 2026-11-25 (after the new version) and 2026-06-15 (before it). */
const dueNovember = () => quote<DueDateQuote>("/v1/quotes/due-date", { invoiceDate: "2026-11-25" });
const dueJune = () => quote<DueDateQuote>("/v1/quotes/due-date", { invoiceDate: "2026-06-15" });
/** 10,000.00 EUR net 30 from 2026-06-01: due Wednesday 2026-07-01, paid 2026-07-31 (30 days of default). */
const lateJuly = () =>
  quote<DueDateQuote>("/v1/quotes/due-date", { invoiceDate: "2026-06-01", netDays: 30, latePayment: { principal: { amount: "10000.00", currency: "EUR" }, paidOn: "2026-07-31" } });
/** A bank transfer started Friday 2026-12-18, NRW holidays. */
const transferDecember = async () => {
  const body = await quote<PaymentQuote>("/v1/quotes/payment-methods", {
    order: { amount: { amount: "1200.00", currency: "EUR" }, billingModel: "server", buyerRole: "customer" },
    asOf: "2026-12-18T10:00:00+01:00",
    calendar: "DE-NW",
    exchangeRates: { base: "EUR", date: "2026-12-17", rates: { USD: "1.0800" } },
  });
  return { version: body.eligibility.policies[0]?.version, transfer: body.settlements.find((settlement) => settlement.method === "bank-transfer") };
};
/** A business buyer without VAT ID billed in Zürich whose technical contact sits in Köln, on 2026-11-30. */
const taxNovember = () =>
  quote<TaxQuote>("/v1/quotes/tax", {
    asOf: "2026-11-30",
    seller: { country: "DE", vatId: "DE136695976" },
    buyer: { status: "business" },
    contacts: { billing: { address: { country: "CH" } }, technical: { address: { country: "DE" } } },
  });

describe(`terms policies on ${testDatabaseKind()} (P1, T1–T7)`, () => {
  it("P1: before the first write terms staff read the shipped defaults with version 0, and the quotes use them", async () => {
    for (const who of ["admin", "accountManager", "backOffice"] as const) {
      const read = await get(who);
      expect(read.statusCode, `${who}: ${read.body}`).toBe(200);
      expect(read.json()).toEqual({ policies: defaults(), source: "default", version: 0, updatedBy: null, updatedAt: null });
    }
    // T1: net 30 from 2026-11-25 is Christmas → Monday 2026-12-28 (§193 BGB).
    expect((await dueNovember()).dueDate).toMatchObject({ netDays: 30, nominalDueDate: "2026-12-25", dueDate: "2026-12-28", policies: [{ version: "seed-001" }] });
    // T2: 5–7 business days from Friday 2026-12-18, Christmas skipped: 2026-12-28 … 2026-12-30.
    expect(await transferDecember()).toEqual({ version: "seed-001", transfer: expect.objectContaining({ earliest: "2026-12-28", latest: "2026-12-30" }) as unknown });
    // T3: taxed by the billing contact in Zürich: not taxable in Germany.
    expect(await taxNovember()).toMatchObject({ treatment: "not-taxable", ratePercent: "0", addressRole: "billing-contact", address: { country: "CH" } });
    // T6: 10,000.00 × (1.27 + 9) % × 30 / 365 = 84.4110 → 84.41 EUR.
    const late = await lateJuly();
    expect(late.latePayment?.periods.map((period) => [period.from, period.until, period.days, period.ratePercent])).toEqual([["2026-07-02", "2026-07-31", 30, "10.27"]]);
    expect(late.latePayment?.interest.amount).toBe("84.41");
    expect(await findInstallationPolicies(api.database.db, "terms")).toBeUndefined();
  });

  it("P1: after an admin stores versions from 2026-07-01 (201, version 1), the terms quotes answer by them", async () => {
    const created = await put({ policies: changedSet() });
    expect(created.statusCode, created.body).toBe(201);
    const stored = created.json<StoredPolicies>();
    expect(stored).toMatchObject({ source: "stored", version: 1, updatedBy: api.users.admin, updatedAt: "2026-03-17T09:00:00.000Z" });
    expect(stored.policies.paymentTerms.map((policy) => policy.version)).toEqual(["seed-001", "installation-2026-07"]);
    expect((await get("backOffice")).json()).toEqual(stored);

    // T1: net 14 from 2026-11-25 is Wednesday 2026-12-09; before 2026-07-01 still net 30 (2026-06-15 → 2026-07-15).
    expect((await dueNovember()).dueDate).toMatchObject({ netDays: 14, nominalDueDate: "2026-12-09", dueDate: "2026-12-09", policies: [{ version: "installation-2026-07" }] });
    expect((await dueJune()).dueDate).toMatchObject({ netDays: 30, dueDate: "2026-07-15", policies: [{ version: "seed-001" }] });
    // T2: 2–3 business days from Friday 2026-12-18: Tuesday 2026-12-22 … Wednesday 2026-12-23.
    expect(await transferDecember()).toEqual({ version: "installation-2026-07", transfer: expect.objectContaining({ earliest: "2026-12-22", latest: "2026-12-23" }) as unknown });
    // T3: taxed by the technical contact in Köln: domestic, 19 %.
    expect(await taxNovember()).toMatchObject({ treatment: "domestic", ratePercent: "19", addressRole: "technical-contact", address: { country: "DE" } });
    // T6: 10,000.00 × (2.02 + 9) % × 30 / 365 = 90.5753 → 90.58 EUR.
    const late = await lateJuly();
    expect(late.latePayment?.periods.map((period) => [period.from, period.until, period.days, period.ratePercent])).toEqual([["2026-07-02", "2026-07-31", 30, "11.02"]]);
    expect(late.latePayment?.interest.amount).toBe("90.58");
    // A portal user's quote for their own organization runs under the same policies.
    const portal = await quote<DueDateQuote>("/v1/quotes/due-date", { organizationId: "org-mueller", invoiceDate: "2026-11-25" }, "muellerManager");
    expect(portal.dueDate.dueDate).toBe("2026-12-09");
    // T1: a draft invoice of 2026-11-25 that leaves the net days open is due by the stored net 14
    // (2026-12-09, recorded in its source); agreed net days still win (net 30 → 2026-12-28).
    const withoutTerms: Record<string, unknown> = muellerInvoiceInput();
    delete withoutTerms.paymentTerms;
    const open = await post("/v1/invoices", withoutTerms, "admin");
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json<{ dueDate: string }>().dueDate).toBe("2026-12-09");
    const agreed = await post("/v1/invoices", muellerInvoiceInput(), "admin");
    expect(agreed.json<{ dueDate: string }>().dueDate).toBe("2026-12-28");
  });

  it("P1: a stored set that no longer parses fails reads and every terms quote with a 500 TERMS_POLICIES_INVALID instead of using the defaults", async () => {
    await api.database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{paymentTerms,1,methods,5,netDays}', '-1'::jsonb) WHERE domain = 'terms'");
    const problem = expectProblem(await get(), 500);
    expect(problem.code).toBe("TERMS_POLICIES_INVALID");
    expect(problem.detail).toContain("paymentTerms.1.methods.5.netDays");
    expect(expectProblem(await post("/v1/quotes/due-date", { invoiceDate: "2026-11-25" }), 500).code).toBe("TERMS_POLICIES_INVALID");
    expect(expectProblem(await post("/v1/quotes/payment-methods", { order: { amount: { amount: "1200.00", currency: "EUR" }, billingModel: "server", buyerRole: "customer" } }), 500).code).toBe("TERMS_POLICIES_INVALID");
    expect(expectProblem(await post("/v1/quotes/tax", { asOf: "2026-11-30", seller: { country: "DE" }, buyer: { status: "business" }, contacts: { billing: { address: { country: "DE" } } } }), 500).code).toBe(
      "TERMS_POLICIES_INVALID",
    );
    // An admin replaces it at its version with the shipped defaults: net 30 again.
    const fixed = await put({ policies: defaults(), expectedVersion: 1 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<StoredPolicies>()).toMatchObject({ source: "stored", version: 2 });
    expect((await dueNovember()).dueDate).toMatchObject({ netDays: 30, dueDate: "2026-12-28" });
  });
});
