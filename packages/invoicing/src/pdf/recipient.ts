import type { Addressee } from "../documents/order-confirmation.js";
import type { Party } from "../documents/party.js";
import { addressLines } from "./document-header.js";
import type { DocumentLanguage } from "./pdf-fonts.js";
import type { PdfLabels } from "./pdf-labels.js";

/** The recipient block: the requested addressee (L1) or the customer with its contact. */
export function recipientLines(
  customer: Party,
  addressee: Addressee | undefined,
  sellerCountry: string,
  labels: PdfLabels,
  language: DocumentLanguage,
): string[] {
  if (addressee !== undefined) {
    return [
      addressee.name,
      ...(addressee.attention === undefined ? [] : [`${labels.attention} ${addressee.attention}`]),
      ...addressLines(addressee.address, sellerCountry, language),
    ];
  }
  return [
    customer.name,
    ...(customer.contact === undefined ? [] : [`${labels.attention} ${customer.contact.name}`]),
    ...addressLines(customer.address, sellerCountry, language),
  ];
}
