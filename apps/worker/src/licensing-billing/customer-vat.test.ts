import type { Organization } from "@kontor/ticketing";
import { describe, expect, it } from "vitest";
import { DEFAULT_BILLING_SETTINGS } from "../billing/billing-settings.js";
import { VIENNA_BUSINESS_CUSTOMER } from "../testing/billing-customers.js";
import { customerVat } from "./customer-vat.js";

/** Donau Handels GmbH in Vienna, no VAT ID on record. */
const base: Organization = VIENNA_BUSINESS_CUSTOMER;
const seller = DEFAULT_BILLING_SETTINGS.seller;

describe("the VAT of licenses sold to a customer (T3, T4)", () => {
  it("T3: an Austrian business with its VAT ID gets reverse charge: category AE, 0 %, the §14a note", () => {
    const vat = customerVat({ ...base, vatId: "ATU13585627" }, seller, "2026-11-30", "Europe/Berlin");
    expect(vat).toMatchObject({ category: "AE", rate: "0", exemptionReason: "Steuerschuldnerschaft des Leistungsempfängers" });
  });

  it("T3: a German business pays 19 % whether or not its VAT ID is on record", () => {
    const cologne = { ...base, address: { street: "Hohenzollernring 12", postalCode: "50672", city: "Köln", country: "DE" } };
    expect(customerVat(cologne, seller, "2026-11-30", "Europe/Berlin")).toMatchObject({ category: "S", rate: "19" });
    expect(customerVat({ ...cologne, vatId: "DE811907980" }, seller, "2026-11-30", "Europe/Berlin")).toMatchObject({ category: "S", rate: "19" });
  });

  it("T3, T4: an Austrian business without a VAT ID is refused (T3_VAT_ID_REQUIRED), one with a German ID too (T4_VAT_ID_COUNTRY_MISMATCH)", () => {
    expect(() => customerVat(base, seller, "2026-11-30", "Europe/Berlin")).toThrow(/T3_VAT_ID_REQUIRED/);
    expect(() => customerVat({ ...base, vatId: "DE811907980" }, seller, "2026-11-30", "Europe/Berlin")).toThrow(/T4_VAT_ID_COUNTRY_MISMATCH/);
  });
});
