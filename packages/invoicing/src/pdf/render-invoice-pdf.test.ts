import { describe, expect, it } from "vitest";
import { loadDejaVuFonts } from "../fonts/index.js";
import {
  composeCreditNote,
  composeInvoice,
  finalizeInvoice,
  renderInvoicePdf,
  unwrap,
  writeCiiInvoice,
  type FinalizedInvoice,
  type InvoiceInput,
} from "../index.js";
import { contingentInvoice, minuteLine, mixedRateInvoice, reverseChargeInvoice } from "../test-support/fixtures.js";
import { readPdf } from "../test-support/pdf-reader.js";

const fonts = loadDejaVuFonts();

function finalized(input: InvoiceInput, number: string): FinalizedInvoice {
  return unwrap(finalizeInvoice(unwrap(composeInvoice(input)), { number }));
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

describe("renderInvoicePdf: domestic invoice with 19 % and 7 %", () => {
  const invoice = finalized(mixedRateInvoice(), "RE-2026-000123");
  const pdf = renderInvoicePdf(invoice, { fonts });

  it("§14 Abs. 4 UStG: shows both parties, tax IDs, dates, number, lines, supply period, net and tax per rate", async () => {
    const { text } = await readPdf(pdf);
    // Nr. 1: full name and address of seller and buyer.
    expect(text).toContain("Kontor Systemhaus GmbH");
    expect(text).toContain("Am Hellweg 12");
    expect(text).toContain("48231 Warendorf");
    expect(text).toContain("Müller & Söhne GmbH");
    expect(text).toContain("Lindenstraße 5 Gebäude B 59065 Hamm");
    // Nr. 2: tax number and VAT ID of the seller.
    expect(text).toContain("Steuernummer 304/5678/9012");
    expect(text).toContain("USt-IdNr. DE136695976");
    // Nr. 3 and 4: issue date and unique number.
    expect(text).toContain("Rechnungsnummer RE-2026-000123");
    expect(text).toContain("Datum 15.01.2026");
    expect(text).toContain("Rechnung RE-2026-000123");
    // Nr. 5: quantities and descriptions.
    expect(text).toContain("Jira Software Data Center, 500 Nutzer");
    expect(text).toContain("12 Stk. 9,99 € 19 % 119,88 €");
    expect(text).toContain("1,5 Std. 95,00 € 19 % 142,50 €");
    expect(text).toContain("3 Stk. 12,345 € 7 % 37,04 €");
    // Nr. 6: the supply period.
    expect(text).toContain("Leistungszeitraum 01.01.2026 – 14.01.2026");
    // Nr. 7 and 8: net per rate, rate and tax per rate.
    expect(text).toContain("Summe netto 299,42 €");
    expect(text).toContain("Netto 19 % 262,38 € Umsatzsteuer 19 % 49,85 €");
    expect(text).toContain("Netto 7 % 37,04 € Umsatzsteuer 7 % 2,59 €");
    expect(text).toContain("Gesamtbetrag 351,86 €");
  });

  it("shows references, due date and the seller's bank account", async () => {
    const { text } = await readPdf(pdf);
    expect(text).toContain("Kundennummer K-10042");
    expect(text).toContain("Ihre Referenz 04011000-12345-34");
    expect(text).toContain("Ihre Bestellnummer PO-2026-0815");
    expect(text).toContain("Fällig am 16.02.2026");
    expect(text).toContain("Zahlbar ohne Abzug bis zum 16.02.2026.");
    expect(text).toContain("IBAN DE02 1203 0000 0000 2020 51, BIC BYLADEM1001");
    expect(text).toContain("SEN-12345678");
    expect(text).toContain("Seite 1 von 1");
  });

  it("embeds factur-x.xml, byte-identical to the standalone CII XML", async () => {
    const { attachments } = await readPdf(pdf);
    expect(Object.keys(attachments)).toEqual(["factur-x.xml"]);
    expect(new TextDecoder().decode(attachments["factur-x.xml"])).toBe(writeCiiInvoice(invoice, { profile: "en16931" }));
  });

  it("is a PDF/A-3b: version 1.7, XMP with pdfaid 3/B and Factur-X, sRGB output intent, embedded fonts only", async () => {
    const raw = latin1(pdf);
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    expect(raw).toContain("/OutputIntents");
    expect(raw).toContain("/S /GTS_PDFA1");
    expect(raw).toContain("/AFRelationship /Alternative");
    expect(raw).toContain("/Subtype /text#2Fxml");
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    const { xmp, info } = await readPdf(pdf);
    expect(xmp).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(xmp).toContain("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>");
    expect(xmp).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
    expect(xmp).toContain("<pdfaSchema:prefix>fx</pdfaSchema:prefix>");
    expect(info).toMatchObject({ Title: "Rechnung RE-2026-000123", CreationDate: "D:20260115000000Z", Language: "de-DE" });
  });

  it("is deterministic: identical input gives identical bytes", () => {
    const again = renderInvoicePdf(finalized(mixedRateInvoice(), "RE-2026-000123"), { fonts });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it("declares the XRECHNUNG conformance level when the XRechnung profile is embedded", async () => {
    const xrechnung = renderInvoicePdf(invoice, { fonts, profile: "xrechnung-3" });
    const { xmp, attachments } = await readPdf(xrechnung);
    expect(xmp).toContain("<fx:ConformanceLevel>XRECHNUNG</fx:ConformanceLevel>");
    expect(new TextDecoder().decode(attachments["factur-x.xml"])).toBe(writeCiiInvoice(invoice, { profile: "xrechnung-3" }));
  });

  it("prints in English on request", async () => {
    const { text } = await readPdf(renderInvoicePdf(invoice, { fonts, language: "en" }));
    expect(text).toContain("Invoice RE-2026-000123");
    expect(text).toContain("Date 15 Jan 2026");
    expect(text).toContain("Net 19% €262.38 VAT 19% €49.85");
    expect(text).toContain("Total €351.86");
    expect(text).toContain("Payable without deduction by 16 Feb 2026.");
    expect(text).toContain("Page 1 of 1");
  });
});

describe("renderInvoicePdf: reverse charge, service report, credit note, long invoices", () => {
  it("T3: a reverse-charge invoice shows 0 %, the note and both VAT IDs", async () => {
    const invoice = finalized(reverseChargeInvoice(), "RE-2026-000200");
    const { text, attachments } = await readPdf(renderInvoicePdf(invoice, { fonts }));
    expect(text).toContain("Netto 0 % (AE) 6.135,50 € Umsatzsteuer 0 % 0,00 €");
    expect(text).toContain("Gesamtbetrag 6.135,50 €");
    expect(text).toContain("Steuerschuldnerschaft des Leistungsempfängers");
    expect(text).toContain("USt-IdNr. des Leistenden: DE136695976 · USt-IdNr. des Leistungsempfängers: ATU13585627");
    expect(text).toContain("Ihre USt-IdNr. ATU13585627");
    expect(text).toContain("Leistungsdatum 26.02.2026");
    expect(text).toContain("1070 Wien ÖSTERREICH");
    expect(new TextDecoder().decode(attachments["factur-x.xml"])).toBe(writeCiiInvoice(invoice, { profile: "en16931" }));
  });

  it("T3 in English: the reverse-charge note keeps the German wording beside the translation", async () => {
    const invoice = finalized(reverseChargeInvoice(), "RE-2026-000200");
    const { text } = await readPdf(renderInvoicePdf(invoice, { fonts, language: "en" }));
    expect(text).toContain("Reverse charge: the recipient is liable for VAT (Steuerschuldnerschaft des Leistungsempfängers)");
  });

  it("C8: a contingent invoice shows the service-report ID, the amount and the SEPA direct debit", async () => {
    const invoice = finalized(contingentInvoice(), "RE-2026-000130");
    const { text } = await readPdf(renderInvoicePdf(invoice, { fonts }));
    expect(text).toContain("Servicebericht-ID SB-2026-0042");
    expect(text).toContain("Die abgerechneten Leistungen sind im Servicebericht SB-2026-0042 einzeln aufgeführt");
    expect(text).toContain("20 Std. 92,00 € 19 % 1.840,00 €");
    expect(text).toContain("Gesamtbetrag 2.189,60 €"); // 1840.00 + 349.60
    expect(text).toContain("SEPA-Lastschrift von Ihrem Konto DE89 **** **** **** **** 00 eingezogen");
    expect(text).toContain("Mandatsreferenz MANDAT-10042, Gläubiger-ID DE98ZZZ09999999999");
    expect(text).toContain("Zeitraum: 01.01.2026 – 31.01.2026");
  });

  it("a credit note is titled as a correction of the original invoice and references it", async () => {
    const original = finalized(mixedRateInvoice(), "RE-2026-000123");
    const note = unwrap(
      finalizeInvoice(
        unwrap(composeCreditNote(original, { issueDate: "2026-01-20", reason: "Zwei Lizenzen zu viel berechnet.", lines: [{ lineId: "1", quantity: "2" }] })),
        { number: "RK-2026-000007" },
      ),
    );
    const pdf = renderInvoicePdf(note, { fonts });
    const { text, attachments, info } = await readPdf(pdf);
    expect(text).toContain("Rechnungskorrektur RK-2026-000007");
    expect(text).toContain("zur Rechnung RE-2026-000123 vom 15.01.2026");
    expect(text).toContain("Zwei Lizenzen zu viel berechnet.");
    expect(text).toContain("Gesamtbetrag 23,78 €");
    expect(text).toContain("Der Betrag wird bis zum 19.02.2026 erstattet.");
    expect(text).not.toContain("Bitte überweisen");
    expect(info.Title).toBe("Rechnungskorrektur RK-2026-000007");
    expect(new TextDecoder().decode(attachments["factur-x.xml"])).toBe(writeCiiInvoice(note, { profile: "en16931" }));
  });

  it("continues long invoices on further pages with the table header and page numbers", async () => {
    const input = mixedRateInvoice();
    const lines = Array.from({ length: 60 }, (_, index) => ({
      ...input.lines[1]!,
      id: `L${index + 1}`,
      description: `Einsatz ${index + 1}`,
    }));
    const invoice = finalized({ ...input, lines }, "RE-2026-000125");
    const { pages, text } = await readPdf(renderInvoicePdf(invoice, { fonts }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(`Seite 1 von ${pages.length}`);
    expect(pages[pages.length - 1]).toContain(`Seite ${pages.length} von ${pages.length}`);
    expect(pages[1]).toContain("Pos. Beschreibung Menge Einheit Einzelpreis USt. Betrag");
    expect(text).toContain("Einsatz 1 ");
    expect(text).toContain("Einsatz 60 ");
    // 60 × 142.50 = 8550.00; 19 % = 1624.50
    expect(text).toContain("Gesamtbetrag 10.174,50 €");
  });
});

describe("renderInvoicePdf: unit prices per a base quantity (BT-149)", () => {
  const invoice = finalized({ ...mixedRateInvoice(), lines: [minuteLine(50, "95.00"), minuteLine(7, "120.00"), ...mixedRateInvoice().lines] }, "RE-2026-000140");

  it("BT-149: shows the base quantity under the unit price: 50 Min. at 95,00 € je 60 Min. = 79,17 €; 7 Min. at 120,00 € je 60 Min. = 14,00 €; per-unit lines as before", async () => {
    const pdf = renderInvoicePdf(invoice, { fonts });
    const { text, attachments } = await readPdf(pdf);
    expect(text).toContain("50 Min. 95,00 € je 60 Min. 19 % 79,17 €");
    expect(text).toContain("7 Min. 120,00 € je 60 Min. 19 % 14,00 €");
    expect(text).toContain("1,5 Std. 95,00 € 19 % 142,50 €");
    // 79.17 + 14.00 + 119.88 + 142.50 = 355.55 at 19 % → 67.55; 37.04 at 7 % → 2.59.
    expect(text).toContain("Netto 19 % 355,55 € Umsatzsteuer 19 % 67,55 €");
    expect(text).toContain("Gesamtbetrag 462,73 €");
    expect(new TextDecoder().decode(attachments["factur-x.xml"])).toBe(writeCiiInvoice(invoice, { profile: "en16931" }));
  });

  it("BT-149 in English: 50 min €95.00 per 60 min €79.17", async () => {
    const { text } = await readPdf(renderInvoicePdf(invoice, { fonts, language: "en" }));
    expect(text).toContain("50 min €95.00 per 60 min 19% €79.17");
  });

  it("a credit note of the 50-minute line shows the same base quantity and 79,17 €", async () => {
    const note = unwrap(
      finalizeInvoice(unwrap(composeCreditNote(invoice, { issueDate: "2026-01-20", reason: "Storno Position 1", lines: [{ lineId: "1" }] })), { number: "RK-2026-000008" }),
    );
    const { text } = await readPdf(renderInvoicePdf(note, { fonts }));
    expect(text).toContain("50 Min. 95,00 € je 60 Min. 19 % 79,17 €");
    expect(text).toContain("Gesamtbetrag 94,21 €");
  });
});
