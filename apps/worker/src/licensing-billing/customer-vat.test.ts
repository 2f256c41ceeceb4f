import { DEFAULT_TERMS_POLICY_SET, DEFAULT_VAT_RATE_TABLES, type TermsPolicySet } from "@kontor/terms";
import type { Organization } from "@kontor/ticketing";
import { describe, expect, it } from "vitest";
import { DEFAULT_BILLING_SETTINGS } from "../billing/billing-settings.js";
import { VIENNA_BUSINESS_CUSTOMER } from "../testing/billing-customers.js";
import { customerVat } from "./customer-vat.js";

/** Donau Handels GmbH in Vienna, no VAT ID on record. */
const base: Organization = VIENNA_BUSINESS_CUSTOMER;
const seller = DEFAULT_BILLING_SETTINGS.seller;
const shipped = DEFAULT_TERMS_POLICY_SET;

describe("the VAT of licenses sold to a customer (T3, T4)", () => {
  it("T3: an Austrian business with its VAT ID gets reverse charge: category AE, 0 %, the §14a note", () => {
    const vat = customerVat({ ...base, vatId: "ATU13585627" }, seller, "2026-11-30", "Europe/Berlin", shipped);
    expect(vat).toMatchObject({ category: "AE", rate: "0", exemptionReason: "Steuerschuldnerschaft des Leistungsempfängers" });
  });

  it("T3: a German business pays 19 % whether or not its VAT ID is on record", () => {
    const cologne = { ...base, address: { street: "Hohenzollernring 12", postalCode: "50672", city: "Köln", country: "DE" } };
    expect(customerVat(cologne, seller, "2026-11-30", "Europe/Berlin", shipped)).toMatchObject({ category: "S", rate: "19" });
    expect(customerVat({ ...cologne, vatId: "DE811907980" }, seller, "2026-11-30", "Europe/Berlin", shipped)).toMatchObject({ category: "S", rate: "19" });
  });

  it("T3, T4: an Austrian business without a VAT ID is refused (T3_VAT_ID_REQUIRED), one with a German ID too (T4_VAT_ID_COUNTRY_MISMATCH)", () => {
    expect(() => customerVat(base, seller, "2026-11-30", "Europe/Berlin", shipped)).toThrow(/T3_VAT_ID_REQUIRED/);
    expect(() => customerVat({ ...base, vatId: "DE811907980" }, seller, "2026-11-30", "Europe/Berlin", shipped)).toThrow(/T4_VAT_ID_COUNTRY_MISMATCH/);
  });

  it("P1, T3: the installation's VAT rate table decides: with a German standard rate of 21 % from 2026-07-01, Köln pays 21 % on 2026-11-30 and 19 % on 2026-06-30", () => {
    const [table] = DEFAULT_VAT_RATE_TABLES;
    if (table === undefined) throw new Error("no shipped VAT rate table");
    const germany = [...(table.countries.DE ?? []), { effectiveFrom: "2026-07-01", standard: "21", reduced: ["7"] }];
    const policies: TermsPolicySet = { ...shipped, vatRateTables: [{ ...table, version: "de-21", countries: { ...table.countries, DE: germany } }] };
    const cologne = { ...base, address: { street: "Hohenzollernring 12", postalCode: "50672", city: "Köln", country: "DE" } };
    expect(customerVat(cologne, seller, "2026-11-30", "Europe/Berlin", policies)).toMatchObject({ category: "S", rate: "21" });
    expect(customerVat(cologne, seller, "2026-06-30", "Europe/Berlin", policies)).toMatchObject({ category: "S", rate: "19" });
    expect(customerVat(cologne, seller, "2026-11-30", "Europe/Berlin", shipped)).toMatchObject({ category: "S", rate: "19" });
  });
});
