import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { billingSettingsSchema, composeInvoice, type BillingSettings } from "../index.js";

const SETTINGS: BillingSettings = {
  seller: {
    name: "Nordlicht IT GmbH",
    address: { lines: ["Hafenstraße 3"], postcode: "20457", city: "Hamburg", countryCode: "DE" },
    vatId: "DE811907980",
    contact: { name: "Jana Petersen", phone: "+49 40 1234567", email: "rechnung@nordlicht-it.example" },
    electronicAddress: { scheme: "EM", value: "rechnung@nordlicht-it.example" },
  },
  paymentMeans: { kind: "sepa-credit-transfer", iban: "DE02 1203 0000 0000 2020 51", bic: "BYLADEM1001" },
  netDays: 14,
};

describe("billingSettingsSchema (C8, T1)", () => {
  it("C8, T1: accepts a seller, SEPA payment means and net days; the type is the schema's input form", () => {
    expect(billingSettingsSchema.safeParse(SETTINGS).success).toBe(true);
    expectTypeOf<BillingSettings>().toEqualTypeOf<Readonly<z.input<typeof billingSettingsSchema>>>();
  });

  it("names the field of a wrong IBAN check digit, a seller without contact, out-of-range net days and an unknown key", () => {
    const paths = (value: unknown) => {
      const parsed = billingSettingsSchema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
    };
    expect(paths({ ...SETTINGS, paymentMeans: { kind: "sepa-credit-transfer", iban: "DE03 1203 0000 0000 2020 51" } })).toEqual(["paymentMeans.iban"]);
    expect(paths({ ...SETTINGS, seller: { ...SETTINGS.seller, contact: undefined } })).toEqual(["seller.contact"]);
    expect(paths({ ...SETTINGS, netDays: 366 })).toEqual(["netDays"]);
    expect(paths({ ...SETTINGS, netDays: 1.5 })).toEqual(["netDays"]);
    expect(paths({ ...SETTINGS, currency: "EUR" })).toEqual([""]);
    // A direct debit names one customer's account and mandate: never a setting for every invoice.
    expect(paths({ ...SETTINGS, paymentMeans: { kind: "sepa-direct-debit", mandateReference: "M-1", creditorId: "DE98ZZZ09999999999", debtorIban: "DE89370400440532013000" } })[0]).toBe("paymentMeans.kind");
  });

  it("C8, T7: takes an optional SEPA creditor ID with valid check digits, and names the field of a wrong one", () => {
    expect(billingSettingsSchema.safeParse({ ...SETTINGS, sepaCreditorId: "DE98ZZZ09999999999" }).success).toBe(true);
    // One digit of the national identifier mistyped (…998 instead of …999): the check digits 98 no longer match.
    const wrong = billingSettingsSchema.safeParse({ ...SETTINGS, sepaCreditorId: "DE98ZZZ09999999998" });
    expect(wrong.success ? [] : wrong.error.issues.map((issue) => issue.path.join("."))).toEqual(["sepaCreditorId"]);
    expect(billingSettingsSchema.safeParse({ ...SETTINGS, sepaCreditorId: "" }).success).toBe(false);
  });

  it("K1, C8: takes an optional billing release, automatic or by the back office, and names the field of any other", () => {
    // Absent means automatic: the settings stored before the option existed stay valid as they are.
    expect(billingSettingsSchema.parse(SETTINGS)).not.toHaveProperty("billingRelease");
    expect(billingSettingsSchema.parse({ ...SETTINGS, billingRelease: "automatic" }).billingRelease).toBe("automatic");
    expect(billingSettingsSchema.parse({ ...SETTINGS, billingRelease: "back-office" }).billingRelease).toBe("back-office");
    for (const wrong of ["manual", "Back-Office", "", true, null]) {
      const parsed = billingSettingsSchema.safeParse({ ...SETTINGS, billingRelease: wrong });
      expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join(".")), String(wrong)).toEqual(["billingRelease"]);
    }
  });

  it("T1: an invoice composes from the settings as given (IBAN as written) and is due after the net days", () => {
    const draft = composeInvoice({
      issueDate: "2026-06-01",
      seller: SETTINGS.seller,
      paymentMeans: SETTINGS.paymentMeans,
      paymentTerms: { netDays: SETTINGS.netDays },
      buyer: {
        name: "Müller & Söhne GmbH",
        address: { lines: ["Lindenstraße 5"], postcode: "59065", city: "Hamm", countryCode: "DE" },
        electronicAddress: { scheme: "EM", value: "rechnungseingang@mueller-soehne.example" },
      },
      buyerReference: "K-1",
      supplyPeriod: { start: "2026-05-01", end: "2026-05-31" },
      lines: [{ kind: "time-and-material", description: "Einrichtung", quantity: "1", unitPrice: { amount: "95.00", currency: "EUR" }, vat: { category: "S", rate: "19" } }],
    });
    expect(draft.ok, JSON.stringify(draft)).toBe(true);
    if (draft.ok) {
      expect(draft.value.paymentMeans).toMatchObject({ iban: "DE02120300000000202051" });
      expect(draft.value.paymentTerms.dueDate).toBe("2026-06-15");
    }
  });
});
