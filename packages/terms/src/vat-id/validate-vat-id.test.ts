import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EU_MEMBER_STATES, vatPrefixOf } from "../tax/eu-member-states.js";
import { errorCodes, unwrap } from "../test-support.js";
import { normalizeVatId, validateVatId } from "./validate-vat-id.js";
import { VAT_ID_FORMATS } from "./vat-id-formats.js";

/**
 * Registered VAT IDs published by the companies themselves (invoices, imprints), one or more per
 * country with a check-digit algorithm. They were not made with this package's functions, so they
 * test the algorithms independently.
 */
const PUBLISHED: Record<string, string[]> = {
  AT: ["ATU13585627", "ATU 142 43 102", "ATU61195628"],
  BE: ["BE0428759497", "BE 0202.239.951", "BE 0897290877"],
  BG: ["BG 103873594", "BG131202360"],
  CY: ["CY 10246672X", "CY-10189098G"],
  CZ: ["CZ 25123891", "CZ00023205"],
  DE: ["DE136695976", "DE 118619592", "DE 811 363 057", "DE812847601"],
  DK: ["DK 10 50 32 80", "DK28107773"],
  EE: ["EE 100 931 558", "EE101256753"],
  EL: ["EL 094012834", "EL094501040"],
  ES: ["ES A08370314", "ES B64240914", "ES Q-2818015-F", "ES 54362315K", "ES X5277343Q", "ES Z5277343K"],
  FI: ["FI 02459042", "FI18261444"],
  FR: ["FR 83 404 833 048", "FR 40 303 265 045", "FR01712030113", "FR K 7399859412"],
  HR: ["HR33392005961"],
  HU: ["HU 10672101", "HU11377304"],
  IE: ["IE 6433435F", "IE6433435OA", "IE8D79739I"],
  IT: ["IT00743110157", "IT 01189820689", "IT02087050155"],
  LT: ["LT 119511515", "LT 100001354118"],
  LU: ["LU 10059929", "LU 19184853"],
  LV: ["LV 40003189718", "LV 90000528023"],
  MT: ["MT 17025737", "MT 1039-6417"],
  NL: ["NL004495445B01", "NL 806753742B01", "NL001162938B28"],
  PL: ["PL5261025421", "PL 6772320831", "PL 584-030-44-72"],
  PT: ["PT 500 019 720", "PT503038083"],
  RO: ["RO 11358544", "RO 1822964", "RO16241790"],
  SE: ["SE 556058115801", "SE 202 100-5000 01"],
  SI: ["SI 26808498", "SI-83815201"],
  SK: ["SK 1078449064", "SK2022193459"],
};

/** The same IDs with one digit changed: the check digits must catch them. */
const MANGLED = [
  "ATU13585628", "BE0428759496", "DE136695977", "DE 125014855", "NL004495446B01", "IT00743110158",
  "FR83404833049", "FR L 7399859412", "ESA08370315", "ES 54362415K", "PL5261025422", "DK28107774",
  "FI02459043", "HU10672102", "IE6433435G", "LU10059928", "PT500019721", "SE556058115901", "SI26808499",
  "SK1078449065", "EL094012835", "EE101256754", "CY10246672F", "HR33392005962",
];

describe("T4 VAT ID validation", () => {
  it("T4: DE136695976 is valid — the MOD 11,10 check digit computed by hand is 6", () => {
    // ISO 7064 MOD 11,10 over 1 3 6 6 9 5 9 7, product starting at 10:
    // (1+10)%10=1→p=2; (3+2)=5→p=10; (6+10)%10=6→p=1; (6+1)=7→p=3; (9+3)%10=2→p=4;
    // (5+4)=9→p=7; (9+7)%10=6→p=1; (7+1)=8→p=5; check = 11 − 5 = 6.
    expect(unwrap(validateVatId("DE136695976"))).toEqual({
      value: "DE136695976",
      prefix: "DE",
      number: "136695976",
      country: "DE",
      checkDigit: "verified",
    });
  });

  it("T4: ATU13585627 — weights 1,2,1,2,1,2,1 with digit sums: S = 29, check = (10 − 33 mod 10) mod 10 = 7", () => {
    expect(unwrap(validateVatId("ATU13585627")).checkDigit).toBe("verified");
  });

  it("T4: BE0428759497 — 04287594 mod 97 = 0, check = 97", () => {
    expect(unwrap(validateVatId("BE0428759497")).checkDigit).toBe("verified");
  });

  it("T4: NL004495445B01 — weights 9…2: S = 137, 137 mod 11 = 5 = ninth digit", () => {
    expect(unwrap(validateVatId("NL004495445B01")).checkDigit).toBe("verified");
  });

  it("T4: ES A08370314 — CIF sum 18 + 8 = 26, check = (10 − 6) = 4", () => {
    expect(unwrap(validateVatId("ESA08370314")).checkDigit).toBe("verified");
  });

  it("T4: FR83404833048 — key = (404833048 × 100 + 12) mod 97 = 83", () => {
    expect(unwrap(validateVatId("FR83404833048")).checkDigit).toBe("verified");
  });

  it.each(Object.entries(PUBLISHED))("T4: published %s VAT IDs pass format and check digits", (prefix, ids) => {
    for (const id of ids) {
      const vatId = unwrap(validateVatId(id));
      expect(vatId.prefix).toBe(prefix);
      expect(vatId.checkDigit).toBe("verified");
    }
  });

  it.each(MANGLED)("T4: %s with a wrong check digit is T4_VAT_ID_CHECK_DIGIT", (id) => {
    expect(errorCodes(validateVatId(id))).toEqual(["T4_VAT_ID_CHECK_DIGIT"]);
  });

  it("T4: formats exist for all 27 member states (Greece as EL) and XI", () => {
    const prefixes = Object.keys(VAT_ID_FORMATS).sort();
    expect(prefixes).toEqual([...EU_MEMBER_STATES.map(vatPrefixOf), "XI"].sort());
    expect(unwrap(validateVatId("EL094012834")).country).toBe("GR");
  });

  it("T4: wrong formats and unknown prefixes are errors with the format in the message", () => {
    expect(errorCodes(validateVatId("DE12345678"))).toEqual(["T4_VAT_ID_FORMAT"]);
    expect(errorCodes(validateVatId("AT13585627"))).toEqual(["T4_VAT_ID_FORMAT"]);
    expect(errorCodes(validateVatId("NL004495445801"))).toEqual(["T4_VAT_ID_FORMAT"]);
    expect(errorCodes(validateVatId("GR094012834"))).toEqual(["T4_VAT_ID_UNKNOWN_PREFIX"]);
    expect(errorCodes(validateVatId("CHE-123.456.788"))).toEqual(["T4_VAT_ID_UNKNOWN_PREFIX"]);
    expect(errorCodes(validateVatId("GB123456789"))).toEqual(["T4_VAT_ID_UNKNOWN_PREFIX"]);
    const failed = validateVatId("DE12345678", ["buyer", "vatId"]);
    expect(failed.ok ? undefined : failed.errors[0]?.path).toEqual(["buyer", "vatId"]);
    expect(failed.ok ? undefined : failed.errors[0]?.message).toContain("DE + 9 digits");
  });

  it("T4: forms without a published algorithm are format-checked only, and say so", () => {
    expect(unwrap(validateVatId("CZ6956220612")).checkDigit).toBe("format-only");
    expect(unwrap(validateVatId("XIGD001")).checkDigit).toBe("format-only");
    expect(unwrap(validateVatId("XI 980 7806 84")).checkDigit).toBe("verified");
  });

  it("T4: typed separators and lower case are normalized", () => {
    expect(normalizeVatId(" de 136.695-976 ")).toBe("DE136695976");
    expect(unwrap(validateVatId("atu 135 856 27")).value).toBe("ATU13585627");
  });

  it("T4: a DE number has exactly one valid check digit, and any single changed digit is caught (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 99_999_999 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (body, position, delta) => {
        const valid = Array.from({ length: 10 }, (_, d) => `DE${body}${d}`).filter((id) => validateVatId(id).ok);
        expect(valid).toHaveLength(1);
        const digits = valid[0]!.slice(2).split("");
        if (position === 0 && (Number(digits[0]) + delta) % 10 === 0) return; // leading zero is a format error
        digits[position] = String((Number(digits[position]) + delta) % 10);
        expect(validateVatId(`DE${digits.join("")}`).ok).toBe(false);
      }),
    );
  });

  it("T4: PL, IT and BE check digits catch every single-digit change (property)", () => {
    const ids = ["PL5261025421", "IT00743110157", "BE0428759497"];
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.nat(), fc.integer({ min: 1, max: 9 }), (id, at, delta) => {
        const digits = id.slice(2).split("");
        const position = at % digits.length;
        digits[position] = String((Number(digits[position]) + delta) % 10);
        expect(validateVatId(`${id.slice(0, 2)}${digits.join("")}`).ok).toBe(false);
      }),
    );
  });
});
