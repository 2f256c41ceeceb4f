import { Money } from "@kontor/money";
import { invoiceTotals } from "@kontor/terms";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  composeCreditNote,
  composeInvoice,
  finalizeInvoice,
  unwrap,
  writeCiiInvoice,
  type FinalizedInvoice,
  type InvoiceInput,
} from "../index.js";
import { readCiiBusinessTerms, type CiiBusinessTerms } from "../test-support/cii-reader.js";
import {
  contingentInvoice,
  DOMESTIC_BUYER,
  minuteLine,
  mixedRateInvoice,
  reverseChargeInvoice,
  SELLER,
} from "../test-support/fixtures.js";

const XRECHNUNG_3 = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";

function finalized(input: InvoiceInput, number: string): FinalizedInvoice {
  return unwrap(finalizeInvoice(unwrap(composeInvoice(input)), { number }));
}

/** Every term EN 16931 and XRechnung 3 make mandatory, present and non-empty. */
function expectMandatoryTerms(read: CiiBusinessTerms): void {
  expect(read.root).toBe("rsm:CrossIndustryInvoice");
  expect(read.namespaces).toEqual({
    rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
  });
  // BT-9 or BT-20 (BR-CO-25), BT-10 (BR-DE-15), seller contact (BR-DE-2, 5–7), cities and postcodes (BR-DE-3/4/8/9).
  for (const term of [
    "BT-1", "BT-2", "BT-3", "BT-5", "BT-9", "BT-10", "BT-20", "BT-24", "BT-27", "BT-37", "BT-38", "BT-40",
    "BT-41", "BT-42", "BT-43", "BT-44", "BT-52", "BT-53", "BT-55", "BT-81", "BT-106", "BT-109", "BT-110",
    "BT-112", "BT-115",
  ]) {
    expect(read.terms[term], term).toMatch(/\S/);
  }
  expect(read.terms["BT-24"]).toBe(XRECHNUNG_3);
  // XRechnung 3: electronic addresses of seller (BT-34) and buyer (BT-49) with their scheme.
  expect(read.sellerElectronicAddress?.attributes.schemeID).toMatch(/\S/);
  expect(read.buyerElectronicAddress?.attributes.schemeID).toMatch(/\S/);
  expect(read.taxTotal?.attributes.currencyID).toBe(read.terms["BT-5"]);
  expect(read.vatBreakdown.length).toBeGreaterThan(0);
  for (const entry of read.vatBreakdown) {
    for (const term of ["BT-116", "BT-117", "BT-118", "BT-119"] as const) expect(entry[term], term).toMatch(/\S/);
  }
  expect(read.lines.length).toBeGreaterThan(0);
  for (const line of read.lines) {
    for (const term of ["BT-126", "BT-131", "BT-146", "BT-151", "BT-153"] as const) expect(line[term], term).toMatch(/\S/);
    expect(line["BT-129"]?.text).toMatch(/\S/);
    expect(line["BT-129"]?.attributes.unitCode).toMatch(/^[A-Z0-9]{2,3}$/);
  }
}

describe("writeCiiInvoice: domestic invoice with 19 % and 7 % (T5)", () => {
  const invoice = finalized(mixedRateInvoice(), "RE-2026-000123");
  const read = readCiiBusinessTerms(writeCiiInvoice(invoice));

  it("carries every mandatory business term", () => {
    expectMandatoryTerms(read);
  });

  it("has the document header: number, date, type 380, currency, XRechnung 3 and buyer reference", () => {
    expect(read.terms).toMatchObject({
      "BT-1": "RE-2026-000123",
      "BT-2": "20260115",
      "BT-3": "380",
      "BT-5": "EUR",
      "BT-10": "04011000-12345-34",
      "BT-13": "PO-2026-0815",
      "BT-23": "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0",
      "BT-73": "20260101",
      "BT-74": "20260114",
    });
  });

  it("names both parties with escaped names and the VAT IDs with schemeID VA, the tax number with FC", () => {
    expect(read.terms["BT-27"]).toBe("Kontor Systemhaus GmbH");
    expect(read.terms["BT-44"]).toBe("Müller & Söhne GmbH");
    expect(read.terms["BT-46"]).toBe("K-10042");
    expect(read.terms["BT-30"]).toBe("HRB 4711, Amtsgericht Münster");
    expect(read.sellerTaxRegistrations).toEqual([
      { text: "DE136695976", attributes: { schemeID: "VA" } },
      { text: "304/5678/9012", attributes: { schemeID: "FC" } },
    ]);
    expect(read.buyerTaxRegistrations).toEqual([{ text: "DE811907980", attributes: { schemeID: "VA" } }]);
    expect(read.sellerElectronicAddress).toEqual({ text: "rechnung@kontor.example", attributes: { schemeID: "EM" } });
  });

  it("T5: per rate, tax = category net × rate, rounded half-up; lines rounded first", () => {
    expect(read.vatBreakdown).toEqual([
      { "BT-116": "262.38", "BT-117": "49.85", "BT-118": "S", "BT-119": "19.00", "BT-120": undefined, "BT-121": undefined },
      { "BT-116": "37.04", "BT-117": "2.59", "BT-118": "S", "BT-119": "7.00", "BT-120": undefined, "BT-121": undefined },
    ]);
    expect(read.terms).toMatchObject({
      "BT-106": "299.42",
      "BT-109": "299.42",
      "BT-110": "52.44",
      "BT-112": "351.86",
      "BT-115": "351.86",
    });
    expect(read.terms["BT-113"]).toBeUndefined();
  });

  it("T5: the totals equal @kontor/terms' invoiceTotals for the same lines", () => {
    const terms = invoiceTotals({
      currency: "EUR",
      lines: [
        { quantity: "12", unitPrice: Money.of("9.99", "EUR"), category: "S", ratePercent: "19" },
        { quantity: "1.5", unitPrice: Money.of("95.00", "EUR"), category: "S", ratePercent: "19" },
        { quantity: "3", unitPrice: Money.of("12.345", "EUR"), category: "S", ratePercent: "7" },
      ],
    });
    if (!terms.ok) throw new Error("terms refused the lines");
    expect(read.terms["BT-110"]).toBe(terms.value.taxTotal.toFixed());
    expect(read.terms["BT-112"]).toBe(terms.value.taxInclusiveTotal.toFixed());
    expect(read.vatBreakdown.map((entry) => entry["BT-117"])).toEqual(
      terms.value.breakdown.map((entry) => entry.taxAmount.toFixed()),
    );
    expect(read.lines.map((line) => line["BT-131"])).toEqual(terms.value.lineNets.map((net) => net.toFixed()));
  });

  it("writes each line: ID, quantity with unit, price (more digits kept), net, category and rate, period", () => {
    expect(read.lines).toEqual([
      {
        "BT-126": "1",
        "BT-129": { text: "12", attributes: { unitCode: "C62" } },
        "BT-131": "119.88",
        "BT-146": "9.99",
        "BT-151": "S",
        "BT-152": "19.00",
        "BT-153": "Jira Software Data Center, 500 Nutzer",
        "BG-26": undefined,
      },
      {
        "BT-126": "2",
        "BT-129": { text: "1.5", attributes: { unitCode: "HUR" } },
        "BT-131": "142.50",
        "BT-146": "95.00",
        "BT-151": "S",
        "BT-152": "19.00",
        "BT-153": "Einrichtung und Konfiguration",
        "BG-26": undefined,
      },
      {
        "BT-126": "3",
        "BT-129": { text: "3", attributes: { unitCode: "C62" } },
        "BT-131": "37.04",
        "BT-146": "12.345",
        "BT-151": "S",
        "BT-152": "7.00",
        "BT-153": "E-Book IT-Sicherheit (ermäßigter Satz)",
        "BG-26": { start: "20260101", end: "20260114" },
      },
    ]);
  });

  it("T1/§193 BGB: net 30 from 2026-01-15 ends on Saturday 2026-02-14, so BT-9 is Monday 2026-02-16", () => {
    expect(read.terms["BT-9"]).toBe("20260216");
    expect(read.terms["BT-20"]).toBe("Zahlbar ohne Abzug bis zum 16.02.2026.");
  });

  it("pays by SEPA credit transfer (58) to the seller's IBAN and BIC, referencing the number", () => {
    expect(read.terms).toMatchObject({
      "BT-81": "58",
      "BT-83": "RE-2026-000123",
      "BT-84": "DE02120300000000202051",
      "BT-86": "BYLADEM1001",
    });
  });

  it("is identical text for identical input", () => {
    expect(writeCiiInvoice(finalized(mixedRateInvoice(), "RE-2026-000123"))).toBe(writeCiiInvoice(invoice));
  });

  it("writes the plain EN 16931 profile on request", () => {
    const plain = readCiiBusinessTerms(writeCiiInvoice(invoice, { profile: "en16931" }));
    expect(plain.terms["BT-24"]).toBe("urn:cen.eu:en16931:2017");
  });
});

describe("writeCiiInvoice: reverse-charge invoice to an EU business (T3)", () => {
  const invoice = finalized(reverseChargeInvoice(), "RE-2026-000200");
  const read = readCiiBusinessTerms(writeCiiInvoice(invoice));

  it("carries every mandatory business term", () => {
    expectMandatoryTerms(read);
  });

  it("T3: category AE with rate 0, tax 0 and the exemption note 'Steuerschuldnerschaft des Leistungsempfängers'", () => {
    expect(read.vatBreakdown).toEqual([
      {
        "BT-116": "6135.50",
        "BT-117": "0.00",
        "BT-118": "AE",
        "BT-119": "0.00",
        "BT-120": "Steuerschuldnerschaft des Leistungsempfängers",
        "BT-121": "VATEX-EU-AE",
      },
    ]);
    expect(read.lines.map((line) => [line["BT-151"], line["BT-152"]])).toEqual([
      ["AE", "0.00"],
      ["AE", "0.00"],
    ]);
    expect(read.terms).toMatchObject({ "BT-106": "6135.50", "BT-110": "0.00", "BT-112": "6135.50", "BT-115": "6135.50" });
  });

  it("T3/BR-AE-02: seller and buyer VAT IDs with schemeID VA", () => {
    expect(read.sellerTaxRegistrations).toContainEqual({ text: "DE136695976", attributes: { schemeID: "VA" } });
    expect(read.buyerTaxRegistrations).toEqual([{ text: "ATU13585627", attributes: { schemeID: "VA" } }]);
    expect(read.terms["BT-55"]).toBe("AT");
  });

  it("has the delivery date (BT-72) as date of supply", () => {
    expect(read.terms["BT-72"]).toBe("20260226");
  });
});

describe("writeCiiInvoice: credit note and correction invoice", () => {
  const original = finalized(mixedRateInvoice(), "RE-2026-000123");
  const draft = unwrap(
    composeCreditNote(original, {
      issueDate: "2026-01-20",
      reason: "Gutschrift: zwei Lizenzen wurden nicht benötigt.",
      lines: [{ lineId: "1", quantity: "2" }],
    }),
  );
  const creditNote = unwrap(finalizeInvoice(draft, { number: "RK-2026-000007" }));
  const read = readCiiBusinessTerms(writeCiiInvoice(creditNote));

  it("carries every mandatory business term", () => {
    expectMandatoryTerms(read);
  });

  it("is type 381 and references the original invoice number and date (BG-3: BT-25, BT-26)", () => {
    expect(read.terms).toMatchObject({ "BT-1": "RK-2026-000007", "BT-3": "381", "BT-25": "RE-2026-000123", "BT-26": "20260115" });
    expect(read.notes).toEqual(["Gutschrift: zwei Lizenzen wurden nicht benötigt."]);
  });

  it("credits positive amounts: 2 × 9.99 = 19.98 net, 3.80 VAT", () => {
    expect(read.lines).toHaveLength(1);
    expect(read.lines[0]?.["BT-131"]).toBe("19.98");
    expect(read.terms).toMatchObject({ "BT-106": "19.98", "BT-110": "3.80", "BT-112": "23.78", "BT-115": "23.78" });
  });

  it("C4: a correction invoice is type 384 and references the invoice it corrects", () => {
    const correction = finalized(
      {
        ...contingentInvoice(),
        type: "corrected-invoice",
        issueDate: "2026-04-01",
        precedingInvoice: { number: "RE-2026-000150", issueDate: "2026-03-02" },
        lines: [
          {
            kind: "correction",
            description: "Überbuchung Kontingent Januar–März 2026",
            contractId: "KV-2025-017",
            reason: "Saldo drei Monatsenden in Folge negativ (C4)",
            quantity: "12.25",
            unitPrice: { amount: "92.00", currency: "EUR" },
            vat: { category: "S", rate: "19" },
            period: { start: "2026-01-01", end: "2026-03-31" },
          },
        ],
      },
      "RE-2026-000190",
    );
    const corrected = readCiiBusinessTerms(writeCiiInvoice(correction));
    expectMandatoryTerms(corrected);
    expect(corrected.terms).toMatchObject({ "BT-3": "384", "BT-25": "RE-2026-000150", "BT-26": "20260302" });
    // 12.25 h × 92.00 = 1127.00; 19 % = 214.13
    expect(corrected.terms).toMatchObject({ "BT-106": "1127.00", "BT-110": "214.13", "BT-112": "1341.13" });
  });
});

describe("writeCiiInvoice: other cases", () => {
  it("C8: a contingent invoice carries the service-report ID (BT-122), contract (BT-12) and SEPA direct debit (59)", () => {
    const read = readCiiBusinessTerms(writeCiiInvoice(finalized(contingentInvoice(), "RE-2026-000130")));
    expectMandatoryTerms(read);
    expect(read.terms).toMatchObject({
      "BT-12": "KV-2025-017",
      "BT-122": "SB-2026-0042",
      "BT-81": "59",
      "BT-89": "MANDAT-10042",
      "BT-90": "DE98ZZZ09999999999",
      "BT-91": "DE89370400440532013000",
    });
    expect(read.terms["BT-84"]).toBeUndefined();
    // A monthly line is supplied over its month (BG-26).
    expect(read.lines[0]?.["BG-26"]).toEqual({ start: "20260101", end: "20260131" });
  });

  it("BR-O-02: a not-subject-to-VAT invoice (O) carries no VAT IDs, no line rate, and the tax number", () => {
    const input: InvoiceInput = {
      ...reverseChargeInvoice(),
      buyer: { ...DOMESTIC_BUYER, name: "Acme Inc.", address: { lines: ["1 Main St"], postcode: "10001", city: "New York", countryCode: "US" } },
      lines: [
        {
          kind: "time-and-material",
          description: "Remote-Support",
          quantity: "2",
          unitPrice: { amount: "120.00", currency: "EUR" },
          vat: { category: "O", rate: "0" },
        },
      ],
    };
    const read = readCiiBusinessTerms(writeCiiInvoice(finalized(input, "RE-2026-000300")));
    expect(read.sellerTaxRegistrations).toEqual([{ text: SELLER.taxNumber, attributes: { schemeID: "FC" } }]);
    expect(read.buyerTaxRegistrations).toEqual([]);
    expect(read.lines[0]?.["BT-152"]).toBeUndefined();
    expect(read.vatBreakdown[0]).toMatchObject({ "BT-118": "O", "BT-117": "0.00", "BT-121": "VATEX-EU-O" });
  });

  it("writes the prepaid amount (BT-113) and the remaining amount due (BT-115)", () => {
    const read = readCiiBusinessTerms(
      writeCiiInvoice(finalized({ ...mixedRateInvoice(), prepaidAmount: { amount: "100.00", currency: "EUR" } }, "RE-2026-000124")),
    );
    expect(read.terms).toMatchObject({ "BT-112": "351.86", "BT-113": "100.00", "BT-115": "251.86" });
  });
});

/**
 * The net price of every line (BG-29) as CII writes it: the element names inside
 * `ram:NetPriceProductTradePrice` in document order, BT-146 and BT-149 with its unit (BT-150).
 */
function netPrices(xml: string): { names: string[]; charge: string | undefined; basis: { text: string; unitCode: string } | undefined }[] {
  const ordered = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, preserveOrder: true });
  type Node = Record<string, unknown> & { ":@"?: Record<string, string> };
  const find = (nodes: readonly Node[], name: string): Node[] =>
    nodes.flatMap((node) => {
      const key = Object.keys(node).find((candidate) => candidate !== ":@") ?? "";
      const children = Array.isArray(node[key]) ? (node[key] as Node[]) : [];
      return key === name ? [node] : find(children, name);
    });
  const content = (node: Node | undefined, name: string): string | undefined => {
    const children = node?.[name] as Node[] | undefined;
    return (children?.[0]?.["#text"] as string | undefined) ?? undefined;
  };
  return find(ordered.parse(xml) as Node[], "ram:NetPriceProductTradePrice").map((price) => {
    const children = price["ram:NetPriceProductTradePrice"] as Node[];
    const names = children.map((child) => Object.keys(child).find((key) => key !== ":@") ?? "");
    const charge = children.find((child) => "ram:ChargeAmount" in child);
    const basis = children.find((child) => "ram:BasisQuantity" in child);
    return {
      names,
      charge: content(charge, "ram:ChargeAmount"),
      basis: basis === undefined ? undefined : { text: content(basis, "ram:BasisQuantity") ?? "", unitCode: basis[":@"]?.["@unitCode"] ?? "" },
    };
  });
}

describe("writeCiiInvoice: item price base quantity (BT-149, BT-150)", () => {
  const input: InvoiceInput = { ...mixedRateInvoice(), lines: [minuteLine(50, "95.00"), minuteLine(7, "120.00"), ...mixedRateInvoice().lines] };
  const xml = writeCiiInvoice(finalized(input, "RE-2026-000140"));
  const read = readCiiBusinessTerms(xml);

  it("carries every mandatory business term", () => {
    expectMandatoryTerms(read);
  });

  it("BT-149/BT-150: 50 MIN at 95.00 per 60 MIN is written as BasisQuantity 60 with unitCode MIN after the ChargeAmount (CII D16B order), line total 79.17", () => {
    expect(read.lines.slice(0, 2).map((line) => [line["BT-129"], line["BT-146"], line["BT-131"]])).toEqual([
      [{ text: "50", attributes: { unitCode: "MIN" } }, "95.00", "79.17"],
      [{ text: "7", attributes: { unitCode: "MIN" } }, "120.00", "14.00"],
    ]);
    expect(netPrices(xml).slice(0, 2)).toEqual([
      { names: ["ram:ChargeAmount", "ram:BasisQuantity"], charge: "95.00", basis: { text: "60", unitCode: "MIN" } },
      { names: ["ram:ChargeAmount", "ram:BasisQuantity"], charge: "120.00", basis: { text: "60", unitCode: "MIN" } },
    ]);
    expect(xml).toContain('<ram:ChargeAmount>95.00</ram:ChargeAmount>\n          <ram:BasisQuantity unitCode="MIN">60</ram:BasisQuantity>');
  });

  it("lines priced per 1 unit carry no BasisQuantity", () => {
    expect(netPrices(xml).slice(2)).toEqual([
      { names: ["ram:ChargeAmount"], charge: "9.99", basis: undefined },
      { names: ["ram:ChargeAmount"], charge: "95.00", basis: undefined },
      { names: ["ram:ChargeAmount"], charge: "12.345", basis: undefined },
    ]);
  });

  it("T5: the line totals and totals equal @kontor/terms' invoiceTotals over the lines' nets: 79.17 + 14.00 + 262.38 at 19 %, 37.04 at 7 %", () => {
    expect(read.lines.map((line) => line["BT-131"])).toEqual(["79.17", "14.00", "119.88", "142.50", "37.04"]);
    const terms = invoiceTotals({
      currency: "EUR",
      lines: read.lines.map((line) => ({ net: Money.of(line["BT-131"] ?? "0", "EUR"), category: "S" as const, ratePercent: line["BT-152"] ?? "0" })),
    });
    if (!terms.ok) throw new Error("terms refused the lines");
    // 19 %: 355.55 → 67.5545 → 67.55; 7 %: 37.04 → 2.59.
    expect(read.vatBreakdown.map((entry) => [entry["BT-116"], entry["BT-117"]])).toEqual([
      ["355.55", "67.55"],
      ["37.04", "2.59"],
    ]);
    expect([read.terms["BT-106"], read.terms["BT-110"], read.terms["BT-112"]]).toEqual([
      terms.value.lineTotal.toFixed(),
      terms.value.taxTotal.toFixed(),
      terms.value.taxInclusiveTotal.toFixed(),
    ]);
  });

  it("a base quantity of 1 is left out: the XML is byte-identical to the same invoice without one", () => {
    const withOne: InvoiceInput = { ...mixedRateInvoice(), lines: mixedRateInvoice().lines.map((line) => ({ ...line, baseQuantity: "1" })) };
    const written = writeCiiInvoice(finalized(withOne, "RE-2026-000123"));
    expect(written).toBe(writeCiiInvoice(finalized(mixedRateInvoice(), "RE-2026-000123")));
    expect(written).not.toContain("BasisQuantity");
  });

  it("a credit note of the 50 MIN line keeps BasisQuantity 60 MIN and credits 79.17", () => {
    const original = finalized(input, "RE-2026-000140");
    const credit = unwrap(finalizeInvoice(unwrap(composeCreditNote(original, { issueDate: "2026-01-20", reason: "Storno Position 1", lines: [{ lineId: "1" }] })), { number: "RK-2026-000008" }));
    const creditXml = writeCiiInvoice(credit);
    const creditRead = readCiiBusinessTerms(creditXml);
    expectMandatoryTerms(creditRead);
    expect(creditRead.lines.map((line) => [line["BT-129"], line["BT-131"]])).toEqual([[{ text: "50", attributes: { unitCode: "MIN" } }, "79.17"]]);
    expect(netPrices(creditXml)).toEqual([{ names: ["ram:ChargeAmount", "ram:BasisQuantity"], charge: "95.00", basis: { text: "60", unitCode: "MIN" } }]);
    expect(creditRead.terms).toMatchObject({ "BT-3": "381", "BT-106": "79.17", "BT-110": "15.04", "BT-112": "94.21" });
  });
});
