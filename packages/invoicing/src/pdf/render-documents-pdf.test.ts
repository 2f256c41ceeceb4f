import { describe, expect, it } from "vitest";
import { loadDejaVuFonts } from "../fonts/index.js";
import {
  composeDeliveryNote,
  composeOrderConfirmation,
  composeServiceReport,
  renderDeliveryNotePdf,
  renderOrderConfirmationPdf,
  renderServiceReportPdf,
  unwrap,
} from "../index.js";
import {
  januaryServiceReport,
  licenseDeliveryNote,
  licenseOrderConfirmation,
  LONG_LICENSE_KEY,
  omit,
} from "../test-support/fixtures.js";
import { readPdf } from "../test-support/pdf-reader.js";

const fonts = loadDejaVuFonts();

describe("renderOrderConfirmationPdf (L1)", () => {
  const confirmation = unwrap(composeOrderConfirmation(licenseOrderConfirmation()));

  it("L1: lists the ordered licenses, addressed as requested, with the customer's PO number", async () => {
    const { text, info, attachments } = await readPdf(renderOrderConfirmationPdf(confirmation, { fonts }));
    expect(text).toContain("Auftragsbestätigung AB-2026-000042");
    expect(text).toContain("Lizenzauftrag");
    expect(text).toContain("Ihre Bestellnummer BEST-2026-4711");
    expect(text).toContain("Müller & Söhne GmbH – Zentraleinkauf z. Hd. Herr Jonas Weber Postfach 1234 59001 Hamm");
    expect(text).not.toContain("Lindenstraße 5");
    expect(text).toContain("Jira Software Data Center, 500 Nutzer, 12 Monate");
    expect(text).toContain("1 Stk. 27.500,00 € 19 % 27.500,00 €");
    expect(text).toContain("Summe netto 33.550,00 € Umsatzsteuer 19 % 6.374,50 € Gesamtbetrag 39.924,50 €");
    // L3: purchased right after the confirmation; L4: the technical contact.
    expect(text).toContain("Wir kaufen die Lizenzen unmittelbar nach Versand dieser Auftragsbestätigung beim Hersteller ein.");
    expect(text).toContain("Technischer Ansprechpartner: Jonas Weber <it@mueller-soehne.example>");
    expect(info.Title).toBe("Auftragsbestätigung AB-2026-000042");
    expect(attachments).toEqual({});
  });

  it("L3: states a later purchase date; a service order announces the team's call instead (L2)", async () => {
    const later = unwrap(composeOrderConfirmation({ ...licenseOrderConfirmation(), licensePurchaseDate: "2026-03-01" }));
    expect((await readPdf(renderOrderConfirmationPdf(later, { fonts }))).text).toContain(
      "Wir kaufen die Lizenzen wie gewünscht am 01.03.2026 beim Hersteller ein.",
    );
    const input = omit(licenseOrderConfirmation(), "addressee");
    const service = unwrap(composeOrderConfirmation({ ...input, orderKind: "service" }));
    const { text } = await readPdf(renderOrderConfirmationPdf(service, { fonts }));
    expect(text).toContain("Dienstleistungsauftrag");
    expect(text).toContain("Müller & Söhne GmbH z. Hd. Eva Müller Lindenstraße 5");
    expect(text).toContain("Unser Fachteam setzt sich zeitnah mit Ihnen in Verbindung");
  });

  it("prints in English", async () => {
    const { text } = await readPdf(renderOrderConfirmationPdf(confirmation, { fonts, language: "en" }));
    expect(text).toContain("Order confirmation AB-2026-000042");
    expect(text).toContain("Your order number BEST-2026-4711");
    expect(text).toContain("Total €39,924.50");
  });
});

describe("renderDeliveryNotePdf (L5)", () => {
  const note = unwrap(composeDeliveryNote(licenseDeliveryNote()));

  it("L5: lists each license with its key, and states cloud activation instead of a key", async () => {
    const { text, compact } = await readPdf(renderDeliveryNotePdf(note, { fonts }));
    expect(text).toContain("Lieferschein LS-2026-000017");
    expect(text).toContain("Rechnung RE-2026-000123");
    expect(text).toContain("Ihre Bestellnummer BEST-2026-4711");
    expect(text).toContain("Jira Software Data Center, 500 Nutzer");
    expect(text).toContain("SEN-L12345678");
    expect(text).toContain("Wartung bis: 12.01.2027");
    // The long key wraps over several lines: compare without whitespace.
    expect(compact).toContain(`Lizenzschlüssel:${LONG_LICENSE_KEY}`);
    expect(text).toContain("Lizenzschlüssel: AAAB-SERVER-KEY-0001-ZZZZ");
    expect(text).toContain(
      "Cloud-Lizenz: kein Lizenzschlüssel – die Instanz mueller-soehne.atlassian.net ist ab Kauf produktiv geschaltet.",
    );
  });

  it("prints in English", async () => {
    const { text } = await readPdf(renderDeliveryNotePdf(note, { fonts, language: "en" }));
    expect(text).toContain("Delivery note LS-2026-000017");
    expect(text).toContain("Cloud license: no license key – the instance mueller-soehne.atlassian.net is live from the purchase.");
  });
});

describe("renderServiceReportPdf (C8)", () => {
  const report = unwrap(composeServiceReport(januaryServiceReport()));

  it("C8/C5: lists every entry, billable or not, with recorded and billed time and the justification", async () => {
    const { text } = await readPdf(renderServiceReportPdf(report, { fonts }));
    expect(text).toContain("Servicebericht SB-2026-0042");
    expect(text).toContain("Zeitraum 01.01.2026 – 31.01.2026");
    expect(text).toContain("Vertrag KV-2025-017");
    expect(text).toContain("07.01.2026 T-5521 Drucker im Empfang eingerichtet Tobias Kern 0:20 h 0:30 h ja");
    expect(text).toContain(
      "14.01.2026 T-5525 Rückruf wegen Virenscanner-Meldung Tobias Kern Begründung: Fehlalarm unseres Monitorings, nicht vom Kunden verursacht 0:10 h – nein",
    );
    expect(text).toContain("20.01.2026 T-5530 Backup-Job auf NAS neu eingerichtet Lena Schmitz 0:50 h 1:00 h ja");
    expect(text).toContain("Berechenbare Zeit 1:30 h Nicht berechnete Zeit 0:10 h");
  });

  it("prints in English", async () => {
    const { text } = await readPdf(renderServiceReportPdf(report, { fonts, language: "en" }));
    expect(text).toContain("Service report SB-2026-0042");
    expect(text).toContain("Billable time 1:30 h Non-billable time 0:10 h");
  });
});
