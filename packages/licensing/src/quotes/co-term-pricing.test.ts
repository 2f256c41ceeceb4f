import { describe, expect, it } from "vitest";
import { catalogSchema } from "../catalog/catalog.js";
import { confirmationDocument } from "../orders/confirmation-document.js";
import type { LicenseOrderInput } from "../orders/order-input.js";
import type { LicenseOrder } from "../orders/order.js";
import { orderSchema } from "../orders/order-schema.js";
import { receiveOrder } from "../orders/receive-order.js";
import { ATLASSIAN_RESELLER_POLICY } from "../policies/atlassian-reseller-policy.js";
import { DEFAULT_POLICIES, mergePolicySets } from "../policies/policy-set.js";
import { TEST_CATALOG, TEST_CATALOG_INPUT } from "../testing/fixtures.js";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { createQuote } from "./create-quote.js";
import type { QuoteRequest } from "./quote-request.js";

// The audit's day: a quote made on 2026-11-16 in Berlin. Jira Data Center 500 users: 21,000.00 a year.
const context = { asOf: "2026-11-16T10:00:00+01:00", catalog: TEST_CATALOG };
const eur = (amount: string) => ({ amount, currency: "EUR" as const });

const newJira = (coTermTargetEnd?: string): Extract<QuoteRequest, { kind: "data-center" }> => ({
  kind: "data-center",
  quoteId: "Q-CT-1",
  cart: [{ productId: "jira-dc", userTier: 500 }],
  resellerBuysForCustomer: true,
  reseller: { fullName: "Petra Schmidt", email: "petra@kontor.example" },
  customer: { fullName: "Max Müller", email: "max@customer.example" },
  termsAccepted: true,
  ...(coTermTargetEnd === undefined ? {} : { coTermTargetEnd }),
});

const renewJira = (currentEnd: string, coTermTargetEnd?: string): QuoteRequest => ({
  kind: "renewal",
  quoteId: "Q-CT-2",
  edition: "data-center",
  sen: "SEN-1",
  technicalContactEmail: "tom@customer.example",
  productId: "jira-dc",
  userTier: 500,
  currentEnd,
  ...(coTermTargetEnd === undefined ? {} : { coTermTargetEnd }),
});

const line = (request: QuoteRequest, asOf = context.asOf) => {
  const quote = valueOf(createQuote(request, { ...context, asOf }));
  const [first] = quote.lines;
  if (first === undefined) throw new Error("no line");
  return { quote, line: first };
};

describe("L11: co-termed quote lines are priced pro rata by day", () => {
  it("L11: a new Jira DC 500-user license quoted on 2026-11-16 and co-termed to 2027-06-30 gives back 139 of 365 days: 13002.74, not 21000.00", () => {
    const { quote, line: jira } = line(newJira("2027-06-30"));
    // 21,000.00 − 21,000 × 139 / 365 (= 7,997.260…, rounded once) = 13,002.74; the same as 21,000 × 226 / 365.
    expect(jira.amount.toFixed()).toBe("13002.74");
    expect(jira.listAmount.toFixed()).toBe("13002.74");
    expect(quote.total.toFixed()).toBe("13002.74");
    expect(jira.period).toEqual({ from: "2026-11-16", to: "2027-06-30" });
    expect(jira.description).toBe("Jira Data Center, 500 users, 2026-11-16 – 2027-06-30 (co-termed: -139/365 days)");
    // L11 → L10: the seed asks for a manual check of co-termed dates, the policy says so.
    expect(quote).toMatchObject({ requiresManualReview: true, coTermTargetEnd: "2027-06-30" });
    // Without a target nothing changes.
    const plain = line(newJira());
    expect([plain.line.amount.toFixed(), plain.line.period, plain.line.description]).toEqual(["21000.00", null, "Jira Data Center, 500 users"]);
  });

  it("L11: each cart line and unit is co-termed: 2 × Jira (13002.74) and Confluence 12,000 × 226/365 = 7430.14", () => {
    const quote = valueOf(
      createQuote({ ...newJira("2027-06-30"), cart: [{ productId: "jira-dc", userTier: 500, quantity: 2 }, { productId: "confluence-dc", userTier: 500 }] }, context),
    );
    expect(quote.lines.map((item) => [item.productId, item.quantity, item.amount.toFixed()])).toEqual([
      ["jira-dc", 2, "26005.48"],
      ["confluence-dc", 1, "7430.14"],
    ]);
    expect(quote.total.toFixed()).toBe("33435.62");
  });

  it("L11: a renewal from 2027-03-15 co-termed to 2027-06-30 is 21,000 × 107/366 = 6139.34 and describes 2027-03-15 – 2027-06-30", () => {
    const { line: renewal } = line(renewJira("2027-03-15", "2027-06-30"));
    // The normal renewal year 2027-03-15 → 2028-03-15 holds 2028-02-29 (366 days); 259 of them are given back.
    expect(renewal.amount.toFixed()).toBe("6139.34");
    expect(renewal.period).toEqual({ from: "2027-03-15", to: "2027-06-30" });
    expect(renewal.description).toBe("Jira Data Center, 500 users, renewal 2027-03-15 – 2027-06-30 (co-termed: -259/366 days)");
    expect(line(renewJira("2027-03-15")).line.amount.toFixed()).toBe("21000.00");
  });

  it("L11: a target after the normal end is not free: the extra days are charged (renewal +107/365 → 27156.16, new license +45/366 → 23581.97)", () => {
    const renewal = line(renewJira("2027-03-15", "2028-06-30")).line;
    // 2028-03-15 → 2028-06-30 = 107 days of the year 2028-03-15 → 2029-03-15 (365): 6,156.164… → 6,156.16.
    expect(renewal.amount.toFixed()).toBe("27156.16");
    expect(renewal.period).toEqual({ from: "2027-03-15", to: "2028-06-30" });
    expect(renewal.description).toContain("(co-termed: +107/365 days)");
    const fresh = line(newJira("2027-12-31")).line;
    // 2027-11-16 → 2027-12-31 = 45 days of the year 2027-11-16 → 2028-11-16, which holds 2028-02-29: 2,581.967… → 2,581.97.
    expect(fresh.amount.toFixed()).toBe("23581.97");
    expect(fresh.period).toEqual({ from: "2026-11-16", to: "2027-12-31" });
  });

  it("L11 + L15: with a renewal price (18,250.00) the days added are priced at it, the days a new license gives back at its price (21,000.00)", () => {
    const catalog = catalogSchema.parse({
      ...TEST_CATALOG_INPUT,
      products: TEST_CATALOG_INPUT.products.map((product) =>
        product.id === "jira-dc" ? { ...product, pricing: { kind: "user-tiers", tiers: [{ users: 500, price: eur("21000.00"), renewalPrice: eur("18250.00") }] } } : product,
      ),
    });
    const price = (request: QuoteRequest) => valueOf(createQuote(request, { ...context, catalog })).lines[0]?.amount.toFixed();
    expect(price(newJira("2027-06-30"))).toBe("13002.74"); // 21,000 − 21,000 × 139/365
    expect(price(newJira("2027-12-31"))).toBe("23243.85"); // 21,000 + 18,250 × 45/366 (2,243.852…)
    expect(price(renewJira("2027-03-15", "2027-06-30"))).toBe("5335.38"); // 18,250 × 107/366 (5,335.382…)
  });

  it("L11: a target equal to the normal end changes nothing but the note: 21000.00 for the full term", () => {
    const fresh = line(newJira("2027-11-16")).line;
    expect([fresh.amount.toFixed(), fresh.period, fresh.description]).toEqual([
      "21000.00",
      { from: "2026-11-16", to: "2027-11-16" },
      "Jira Data Center, 500 users, 2026-11-16 – 2027-11-16 (co-termed: no change)",
    ]);
    const renewal = line(renewJira("2027-03-15", "2028-03-15")).line;
    expect([renewal.amount.toFixed(), renewal.period]).toEqual(["21000.00", { from: "2027-03-15", to: "2028-03-15" }]);
  });

  it("L11: with 2028-02-29 inside the period the term has 366 days: quoted 2028-01-10 to 2028-06-30 is 21,000 × 172/366 = 9868.85 (not 9895.89)", () => {
    const { line: fresh } = line(newJira("2028-06-30"), "2028-01-10T10:00:00+01:00");
    expect(fresh.amount.toFixed()).toBe("9868.85");
    expect(fresh.description).toBe("Jira Data Center, 500 users, 2028-01-10 – 2028-06-30 (co-termed: -194/366 days)");
  });

  it("L11: a target not after the start of the period is refused with L11_TARGET_BEFORE_START at coTermTargetEnd; a past one with L11_TARGET_IN_PAST", () => {
    const before = createQuote(renewJira("2027-03-15", "2027-03-01"), context);
    expect(errorsOf(before)).toEqual([
      expect.objectContaining({ code: "L11_TARGET_BEFORE_START", path: ["coTermTargetEnd"], details: { targetEnd: "2027-03-01", termFrom: "2027-03-15" } }),
    ]);
    expect(codesOf(createQuote(renewJira("2027-03-15", "2027-03-15"), context))).toEqual(["L11_TARGET_BEFORE_START"]);
    const past = createQuote(newJira("2026-11-16"), context);
    expect(errorsOf(past).map((error) => [error.code, error.path])).toEqual([["L11_TARGET_IN_PAST", ["coTermTargetEnd"]]]);
  });

  it("L11 + L15: a target beyond the policy's maintenanceCapYears (3 years from today) is refused with L15_MAINTENANCE_CAP_EXCEEDED naming it", () => {
    expect(valueOf(createQuote(newJira("2029-11-16"), context)).lines[0]?.period).toEqual({ from: "2026-11-16", to: "2029-11-16" });
    const beyond = createQuote(newJira("2029-11-17"), context);
    expect(errorsOf(beyond)).toEqual([
      expect.objectContaining({
        code: "L15_MAINTENANCE_CAP_EXCEEDED",
        path: ["coTermTargetEnd"],
        details: { targetEnd: "2029-11-17", latestEnd: "2029-11-16", maintenanceCapYears: 3 },
      }),
    ]);
    expect(errorsOf(beyond)[0]?.message).toContain("maintenanceCapYears");
    // The cap is policy data (P1): a policy with a 1-year cap refuses 2027-12-31.
    const policies = mergePolicySets(DEFAULT_POLICIES, {
      fulfilment: [],
      rental: [],
      vendors: [{ ...ATLASSIAN_RESELLER_POLICY, id: "atlassian-cap-1", effectiveFrom: "2026-01-01", maintenanceCapYears: 1 }],
    });
    expect(codesOf(createQuote(newJira("2027-12-31"), { ...context, policies }))).toEqual(["L15_MAINTENANCE_CAP_EXCEEDED"]);
  });

  it("L11 + L19: an upgrade 500 → 1,000 on 2026-11-16 co-termed from 2027-01-01 to 2027-06-30: 15,500 × 46/365 + 36,500 × 180/365 = 19953.42", () => {
    const request = (coTermTargetEnd?: string): QuoteRequest => ({
      kind: "upgrade",
      quoteId: "Q-CT-3",
      edition: "data-center",
      sen: "SEN-1",
      technicalContactEmail: "tom@customer.example",
      productId: "jira-dc",
      fromTier: 500,
      toTier: 1000,
      term: { from: "2026-01-01", to: "2027-01-01" },
      ...(coTermTargetEnd === undefined ? {} : { coTermTargetEnd }),
    });
    const upgrade = line(request("2027-06-30")).line;
    expect(upgrade.amount.toFixed()).toBe("19953.42"); // 1,953.42 + 18,000.00
    expect(upgrade.period).toEqual({ from: "2026-11-16", to: "2027-06-30" });
    expect(line(request()).line.amount.toFixed()).toBe("1953.42");
  });
});

const order = (overrides: Partial<LicenseOrderInput>): LicenseOrderInput => ({
  kind: "license",
  orderId: "A-CT-1",
  customer: { id: "C-100", name: "Muster GmbH" },
  lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, quantity: 2 }],
  coTermTargetEnd: "2027-06-30",
  ...overrides,
});

const receivedLicense = (input: LicenseOrderInput): LicenseOrder => {
  const result = valueOf(receiveOrder(input, context)).order;
  if (result.kind !== "license") throw new Error("not a license order");
  return result;
};

describe("L11: co-termed order lines are priced pro rata by day", () => {
  it("L11: an order co-termed to 2027-06-30 prices new licenses from today (2 × 13002.74) or from the requested purchase date 2026-12-01 (21,000 × 211/365 = 12139.73)", () => {
    const today = receivedLicense(order({}));
    expect([today.lines[0]?.amount.toFixed(), today.lines[0]?.period, today.total.toFixed()]).toEqual([
      "26005.48",
      { from: "2026-11-16", to: "2027-06-30" },
      "26005.48",
    ]);
    expect(today.reviewReasons).toEqual(["co-terming"]);
    const later = receivedLicense(order({ lines: [{ lineId: "1", productId: "jira-dc", userTier: 500 }], requestedPurchaseDate: "2026-12-01" }));
    expect([later.lines[0]?.amount.toFixed(), later.lines[0]?.period]).toEqual(["12139.73", { from: "2026-12-01", to: "2027-06-30" }]);
    expect(confirmationDocument(later, "2026-11-16").items[0]?.description).toBe("Jira Data Center, 500 users (new), 2026-12-01 – 2027-06-30");
    // Without a target: the catalog price and no period, as before.
    const plain = receivedLicense(order({ coTermTargetEnd: undefined }));
    expect([plain.lines[0]?.amount.toFixed(), plain.lines[0]?.period]).toEqual(["42000.00", null]);
  });

  it("L11: a quoted line keeps its quoted price and period; a period not ending on the target, or without a price, is refused", () => {
    const quoted = receivedLicense(
      order({ lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "renewal", sen: "SEN-1", unitPrice: eur("6139.34"), period: { from: "2027-03-15", to: "2027-06-30" } }], technicalContact: { fullName: "Tom Technik", email: "tom@customer.example", hasVendorAccount: true } }),
    );
    expect([quoted.lines[0]?.amount.toFixed(), quoted.lines[0]?.period]).toEqual(["6139.34", { from: "2027-03-15", to: "2027-06-30" }]);
    // Stored orders load again, also those stored before lines had a period.
    const stored = JSON.parse(JSON.stringify(quoted)) as { lines: Record<string, unknown>[] };
    expect((orderSchema.parse(stored) as LicenseOrder).lines[0]?.period).toEqual({ from: "2027-03-15", to: "2027-06-30" });
    const withoutPeriod = Object.fromEntries(Object.entries(stored.lines[0] ?? {}).filter(([key]) => key !== "period"));
    expect((orderSchema.parse({ ...stored, lines: [withoutPeriod] }) as LicenseOrder).lines[0]?.period).toBeNull();

    const wrongEnd = receiveOrder(order({ lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, unitPrice: eur("13002.74"), period: { from: "2026-11-16", to: "2027-07-31" } }] }), context);
    expect(errorsOf(wrongEnd).map((error) => [error.code, error.path])).toEqual([["INVALID_INPUT", ["lines", 0, "period", "to"]]]);
    const noPrice = receiveOrder(order({ lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, period: { from: "2026-11-16", to: "2027-06-30" } }] }), context);
    expect(errorsOf(noPrice).map((error) => [error.code, error.path])).toEqual([["INVALID_INPUT", ["lines", 0, "period"]]]);
    const notCoTermed = receiveOrder(
      order({ coTermTargetEnd: undefined, lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, unitPrice: eur("21000.00"), period: { from: "2026-11-16", to: "2027-11-16" } }] }),
      context,
    );
    expect(errorsOf(notCoTermed).map((error) => [error.code, error.path])).toEqual([["INVALID_INPUT", ["lines", 0, "period"]]]);
  });

  it("L11: a co-termed renewal line without its quoted price is refused (the order does not know its current end); past and capped targets too", () => {
    const renewal = receiveOrder(
      order({ lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "renewal", sen: "SEN-1" }], technicalContact: { fullName: "Tom Technik", email: "tom@customer.example", hasVendorAccount: true } }),
      context,
    );
    expect(errorsOf(renewal).map((error) => [error.code, error.path])).toEqual([["INVALID_INPUT", ["lines", 0, "unitPrice"]]]);
    expect(errorsOf(receiveOrder(order({ coTermTargetEnd: "2026-11-16" }), context)).map((error) => [error.code, error.path])).toEqual([
      ["L11_TARGET_IN_PAST", ["coTermTargetEnd"]],
    ]);
    expect(codesOf(receiveOrder(order({ coTermTargetEnd: "2030-01-01" }), context))).toEqual(["L15_MAINTENANCE_CAP_EXCEEDED"]);
  });
});
