import type { Party, PostalAddress } from "../documents/party.js";
import type { DocumentLanguage } from "./pdf-fonts.js";
import type { PdfLabels } from "./pdf-labels.js";
import type { PdfWriter } from "./pdf-writer.js";

const countryNames = new Map<DocumentLanguage, Intl.DisplayNames>();

/** The country's name in capitals, as the postal services want it on the last line. */
function countryLine(countryCode: string, language: DocumentLanguage): string {
  let names = countryNames.get(language);
  if (names === undefined) {
    names = new Intl.DisplayNames([language === "de" ? "de-DE" : "en-GB"], { type: "region", fallback: "code" });
    countryNames.set(language, names);
  }
  return (names.of(countryCode) ?? countryCode).toLocaleUpperCase(language);
}

/** The lines of a postal address block: street lines, postcode and city, country when abroad. */
export function addressLines(address: PostalAddress, sellerCountry: string, language: DocumentLanguage): string[] {
  return [
    ...address.lines,
    `${address.postcode} ${address.city}`,
    ...(address.countryCode === sellerCountry ? [] : [countryLine(address.countryCode, language)]),
  ];
}

/** The footer lines of every page: the seller's name, address, register, tax IDs and contact. */
export function sellerFooter(seller: Party, labels: PdfLabels, bankLine?: string): string[] {
  const address = [...seller.address.lines, `${seller.address.postcode} ${seller.address.city}`].join(", ");
  const taxIds = [
    seller.taxNumber === undefined ? undefined : `${labels.taxNumber} ${seller.taxNumber}`,
    seller.vatId === undefined ? undefined : `${labels.vatId} ${seller.vatId}`,
    seller.legalRegistration,
  ].filter((part): part is string => part !== undefined);
  const contact = seller.contact === undefined ? [] : [`${seller.contact.phone} · ${seller.contact.email}`];
  return [`${seller.name} · ${address}`, [...taxIds, ...contact].join(" · "), ...(bankLine === undefined ? [] : [bankLine])].filter(
    (line) => line.length > 0,
  );
}

/** What the head of every document shows. */
export interface DocumentHeader {
  readonly seller: Party;
  /** The recipient block: name first, then the address lines. */
  readonly recipient: readonly string[];
  /** Label/value pairs printed to the right of the recipient (number, dates, references). */
  readonly info: readonly (readonly [string, string])[];
  /** The document title, e.g. `Rechnung RE-2026-000123`. */
  readonly title: string;
  /** A line under the title, e.g. the invoice a credit note refers to. */
  readonly subtitle?: string;
}

/**
 * Draws the letterhead (seller name and address), the sender line and recipient block, the
 * information block and the title; leaves the position under the title.
 */
export function drawDocumentHeader(writer: PdfWriter, header: DocumentHeader): void {
  const { seller } = header;
  writer.style("bold", 15);
  writer.textAt(seller.name, writer.left, 50, writer.width);
  writer.style("regular", 8, "grey");
  const sellerAddress = [...seller.address.lines, `${seller.address.postcode} ${seller.address.city}`].join(" · ");
  writer.textAt(sellerAddress, writer.left, writer.y + 1, writer.width);

  const blockTop = 130;
  writer.style("regular", 6.5, "grey");
  writer.textAt(`${seller.name} · ${sellerAddress}`, writer.left, blockTop, 250);
  let recipientBottom = blockTop + 14;
  header.recipient.forEach((line, index) => {
    writer.style(index === 0 ? "bold" : "regular", 10);
    recipientBottom = writer.textAt(line, writer.left, recipientBottom, 250);
  });

  const infoX = writer.left + 285;
  const infoBottom = writer.keyValues(header.info, infoX, blockTop, writer.right - infoX);

  writer.moveTo(Math.max(recipientBottom, infoBottom, 240) + 18);
  writer.style("bold", 14);
  writer.textAt(header.title, writer.left, writer.y, writer.width);
  if (header.subtitle !== undefined) {
    writer.style("regular", 9.5);
    writer.textAt(header.subtitle, writer.left, writer.y + 2, writer.width);
  }
  writer.space(12);
  writer.style("regular", 9);
}
