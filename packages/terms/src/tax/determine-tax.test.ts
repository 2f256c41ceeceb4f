import { describe, expect, it } from "vitest";
import { DEFAULT_TAX_POLICIES } from "../policies/tax-policies.js";
import { loadTaxPolicies, loadUsSalesTaxTables, loadVatRateTables } from "../policies/load-policies.js";
import { DEFAULT_VAT_RATE_TABLES } from "../policies/eu-vat-rates.js";
import { errorCodes, unwrap } from "../test-support.js";
import { determineTax, type TaxInput } from "./determine-tax.js";

const SELLER = { country: "DE", vatId: "DE136695976" };
const sale = (country: string, buyer: TaxInput["buyer"], extra: Partial<TaxInput> = {}): TaxInput => ({
  asOf: "2026-03-02",
  seller: SELLER,
  buyer,
  contacts: { billing: { address: { country } } },
  ...extra,
});
const US_TABLE = unwrap(
  loadUsSalesTaxTables([
    {
      id: "test.us-sales-tax",
      version: "2026-01",
      effectiveFrom: "2026-01-01",
      jurisdictions: [
        { state: "CA", ratePercent: "7.25" },
        { state: "CA", locality: "San Francisco", ratePercent: "8.625" },
        { state: "OR", ratePercent: "0" },
      ],
    },
  ]),
);

describe("T3 tax determination", () => {
  it("T3: a German buyer pays domestic VAT of 19 %, or 7 % at the reduced rate", () => {
    const standard = unwrap(determineTax(sale("DE", { status: "business" })));
    expect(standard).toMatchObject({ treatment: "domestic", category: "S", ratePercent: "19", jurisdiction: "DE", taxScheme: "VAT" });
    expect(standard.policies).toEqual([
      { id: "kontor.tax", version: "seed-001", effectiveFrom: "2015-01-01" },
      { id: "kontor.eu-vat-rates/DE", version: "2025-08-01", effectiveFrom: "2021-01-01" },
    ]);
    expect(unwrap(determineTax(sale("DE", { status: "consumer" }, { rate: "reduced" }))).ratePercent).toBe("7");
  });

  it("P1: the temporary German rates of the second half of 2020 come from the dated table", () => {
    expect(unwrap(determineTax(sale("DE", { status: "consumer" }, { asOf: "2020-12-31" }))).ratePercent).toBe("16");
    expect(unwrap(determineTax(sale("DE", { status: "consumer" }, { asOf: "2021-01-01" }))).ratePercent).toBe("19");
  });

  it("T3: an Austrian business with a valid-format VAT ID gets reverse charge with the note and both VAT IDs", () => {
    const tax = unwrap(determineTax(sale("AT", { status: "business", vatId: "ATU13585627" })));
    expect(tax).toMatchObject({
      treatment: "reverse-charge",
      category: "AE",
      ratePercent: "0",
      note: "Steuerschuldnerschaft des Leistungsempfängers",
      sellerVatId: { value: "DE136695976" },
      buyerVatId: { value: "ATU13585627", country: "AT" },
    });
    expect(tax.reason).toContain("ATU13585627");
    expect(tax.reason).toContain("Steuerschuldnerschaft des Leistungsempfängers");
  });

  it("T4: an invalid VAT ID is an error, never a silent 0 %", () => {
    expect(errorCodes(determineTax(sale("AT", { status: "business", vatId: "ATU13585628" })))).toEqual(["T4_VAT_ID_CHECK_DIGIT"]);
    expect(errorCodes(determineTax(sale("AT", { status: "business", vatId: "ATU1358562" })))).toEqual(["T4_VAT_ID_FORMAT"]);
    const failed = determineTax(sale("AT", { status: "business", vatId: "ATU1358562" }));
    expect(failed.ok ? [] : failed.errors[0]?.path).toEqual(["buyer", "vatId"]);
  });

  it("T3: reverse charge needs a buyer VAT ID of the buyer's country and the seller's VAT ID", () => {
    expect(errorCodes(determineTax(sale("AT", { status: "business" })))).toEqual(["T3_VAT_ID_REQUIRED"]);
    expect(errorCodes(determineTax(sale("AT", { status: "business", vatId: "NL004495445B01" })))).toEqual(["T4_VAT_ID_COUNTRY_MISMATCH"]);
    expect(errorCodes(determineTax(sale("AT", { status: "business", vatId: "ATU13585627" }, { seller: { country: "DE" } })))).toEqual([
      "T3_SELLER_VAT_ID_REQUIRED",
    ]);
    expect(errorCodes(determineTax(sale("AT", { status: "business", vatId: "ATU13585627" }, { seller: { country: "DE", vatId: "DE136695977" } })))).toEqual([
      "T4_VAT_ID_CHECK_DIGIT",
    ]);
  });

  it("T3: goods to an EU business are an intra-community supply (K)", () => {
    const tax = unwrap(determineTax(sale("NL", { status: "business", vatId: "NL004495445B01" }, { supply: "goods" })));
    expect(tax).toMatchObject({ treatment: "intra-community-supply", category: "K", note: "Steuerfreie innergemeinschaftliche Lieferung" });
  });

  it("T3: a Swiss business is not taxable in Germany", () => {
    const tax = unwrap(determineTax(sale("CH", { status: "business", vatId: "CHE-123.456.788" })));
    expect(tax).toMatchObject({ treatment: "not-taxable", category: "O", ratePercent: "0", note: "Nicht im Inland steuerbare Leistung" });
    expect(tax.reason).toContain("not taxable in DE");
    expect(unwrap(determineTax(sale("CH", { status: "consumer" }))).category).toBe("O");
    expect(unwrap(determineTax(sale("CH", { status: "business" }, { supply: "goods" })))).toMatchObject({ treatment: "export", category: "G" });
  });

  it("T3: an EU consumer pays the destination rate above the OSS threshold, the seller's rate below it", () => {
    expect(unwrap(determineTax(sale("FR", { status: "consumer" }, { ossThresholdExceeded: true })))).toMatchObject({
      treatment: "destination-rate",
      ratePercent: "20",
      jurisdiction: "FR",
    });
    expect(unwrap(determineTax(sale("FR", { status: "consumer" }, { ossThresholdExceeded: false })))).toMatchObject({
      treatment: "seller-rate",
      ratePercent: "19",
      jurisdiction: "DE",
    });
    expect(errorCodes(determineTax(sale("FR", { status: "consumer" })))).toEqual(["T3_OSS_STATUS_REQUIRED"]);
    // General services to consumers are taxed where the seller is, whatever the threshold.
    expect(unwrap(determineTax(sale("FR", { status: "consumer" }, { supply: "service", ossThresholdExceeded: true }))).jurisdiction).toBe("DE");
  });

  it("T3: destination rates follow the dated table (Estonia 22 % → 24 % on 2025-07-01, Finland 25.5 %)", () => {
    const ee = (asOf: string) => unwrap(determineTax(sale("EE", { status: "consumer" }, { asOf, ossThresholdExceeded: true }))).ratePercent;
    expect([ee("2025-06-30"), ee("2025-07-01")]).toEqual(["22", "24"]);
    expect(unwrap(determineTax(sale("FI", { status: "consumer" }, { ossThresholdExceeded: true }))).ratePercent).toBe("25.5");
  });

  it("T3: a reduced rate must be unambiguous where a country has several", () => {
    const reduced = sale("FR", { status: "consumer" }, { ossThresholdExceeded: true, rate: "reduced" });
    expect(errorCodes(determineTax(reduced))).toEqual(["T3_REDUCED_RATE_AMBIGUOUS"]);
    expect(unwrap(determineTax({ ...reduced, reducedRatePercent: "5.5" })).ratePercent).toBe("5.5");
    expect(errorCodes(determineTax({ ...reduced, reducedRatePercent: "7" }))).toEqual(["T3_VAT_RATE_UNKNOWN"]);
    expect(errorCodes(determineTax(sale("DK", { status: "consumer" }, { ossThresholdExceeded: true, rate: "reduced" })))).toEqual(["T3_VAT_RATE_UNKNOWN"]);
  });

  it("T3: a reseller in a taxable US state gets the sales tax from the supplied table added", () => {
    const input: TaxInput = {
      ...sale("US", { status: "business", role: "reseller" }),
      contacts: { billing: { address: { country: "US", region: "CA", locality: "San Francisco" } } },
    };
    const tax = unwrap(determineTax(input, { usSalesTaxTables: US_TABLE }));
    expect(tax).toMatchObject({ treatment: "us-sales-tax", taxScheme: "US_SALES_TAX", ratePercent: "8.625", jurisdiction: "US-CA-San Francisco" });
    expect(tax.reason).toContain("reseller");
    expect(tax.policies[1]).toEqual({ id: "test.us-sales-tax", version: "2026-01", effectiveFrom: "2026-01-01" });
    const la = { ...input, contacts: { billing: { address: { country: "US", region: "CA", locality: "Los Angeles" } } } };
    expect(unwrap(determineTax(la, { usSalesTaxTables: US_TABLE })).jurisdiction).toBe("US-CA");
    const oregon = { ...input, contacts: { billing: { address: { country: "US", region: "US-OR" } } } };
    expect(unwrap(determineTax(oregon, { usSalesTaxTables: US_TABLE })).ratePercent).toBe("0");
    const texas = { ...input, contacts: { billing: { address: { country: "US", region: "TX" } } } };
    expect(errorCodes(determineTax(texas, { usSalesTaxTables: US_TABLE }))).toEqual(["T3_US_JURISDICTION_UNKNOWN"]);
  });

  it("T3: without a US table a German seller's US sale is not taxable in Germany; a US seller must supply one", () => {
    expect(unwrap(determineTax(sale("US", { status: "business" }))).category).toBe("O");
    expect(errorCodes(determineTax(sale("US", { status: "business" }, { seller: { country: "US" } })))).toEqual(["T3_US_SALES_TAX_TABLE_REQUIRED"]);
  });

  it("T3: a seller outside the EU reverse-charges EU businesses and charges EU consumers the destination rate", () => {
    const seller = { country: "US" };
    expect(unwrap(determineTax(sale("AT", { status: "business", vatId: "ATU13585627" }, { seller })))).toMatchObject({ category: "AE" });
    expect(unwrap(determineTax(sale("AT", { status: "consumer" }, { seller })))).toMatchObject({ treatment: "destination-rate", ratePercent: "20" });
    expect(errorCodes(determineTax(sale("CH", { status: "consumer" }, { seller: { country: "CH" } })))).toEqual(["T3_UNSUPPORTED_SUPPLY"]);
  });

  it("T3: the policy names the address role; a vendor switching to the technical contact is a new policy version", () => {
    const base = DEFAULT_TAX_POLICIES[0]!;
    const policies = unwrap(loadTaxPolicies([base, { ...base, version: "technical-2026", effectiveFrom: "2026-07-01", addressRole: "technical-contact" }]));
    const input: TaxInput = {
      ...sale("DE", { status: "business", vatId: "ATU13585627" }),
      contacts: { billing: { address: { country: "DE" } }, technical: { address: { country: "AT" } } },
    };
    expect(unwrap(determineTax({ ...input, asOf: "2026-06-30" }, { taxPolicies: policies }))).toMatchObject({ treatment: "domestic", addressRole: "billing-contact" });
    const after = unwrap(determineTax({ ...input, asOf: "2026-07-01" }, { taxPolicies: policies }));
    expect(after).toMatchObject({ treatment: "reverse-charge", addressRole: "technical-contact", address: { country: "AT" } });
    expect(after.policies[0]?.version).toBe("technical-2026");
    const noTechnical = { ...input, asOf: "2026-07-01", contacts: { billing: { address: { country: "DE" } } } };
    expect(errorCodes(determineTax(noTechnical, { taxPolicies: policies }))).toEqual(["T3_ADDRESS_MISSING"]);
  });

  it("P1: the shipped VAT table covers all 27 member states and validates against its schema", () => {
    const tables = unwrap(loadVatRateTables(JSON.parse(JSON.stringify(DEFAULT_VAT_RATE_TABLES))));
    expect(Object.keys(tables[0]!.countries)).toHaveLength(27);
    expect(errorCodes(determineTax(sale("AT", { status: "consumer" }, { asOf: "2022-12-31", ossThresholdExceeded: true })))).toEqual(["T3_VAT_RATE_UNKNOWN"]);
  });
});
