import type { DeliveryNote } from "../documents/delivery-note.js";
import { drawDocumentHeader, sellerFooter } from "./document-header.js";
import type { PdfRenderOptions } from "./pdf-fonts.js";
import { formatDate, formatDecimal } from "./pdf-format.js";
import { labelsFor } from "./pdf-labels.js";
import { PdfWriter, type PdfCell } from "./pdf-writer.js";
import { recipientLines } from "./recipient.js";

/**
 * The PDF of a delivery note (L5): each license with its key, SEN and maintenance end; a cloud
 * license states that it has no key and its instance is live from the purchase. PDF/A-3b.
 */
export function renderDeliveryNotePdf(note: DeliveryNote, options: PdfRenderOptions): Uint8Array {
  const language = options.language ?? "de";
  const labels = labelsFor(language);
  const date = (value: string): string => formatDate(value, language);
  const { seller, customer } = note;
  const writer = new PdfWriter({
    title: `${labels.deliveryNote} ${note.number}`,
    documentDate: note.issueDate,
    language,
    fonts: options.fonts,
    footerLines: sellerFooter(seller, labels),
    pageLabel: labels.page,
  });
  const info: [string, string][] = [
    [labels.deliveryNote, note.number],
    [labels.date, date(note.issueDate)],
  ];
  if (customer.id !== undefined) info.push([labels.customerNumber, customer.id]);
  if (note.invoiceNumber !== undefined) info.push([labels.invoiceNumber, note.invoiceNumber]);
  if (note.orderNumber !== undefined) info.push([labels.orderNumber, note.orderNumber]);
  if (note.customerOrderNumber !== undefined) info.push([labels.yourOrderNumber, note.customerOrderNumber]);
  drawDocumentHeader(writer, {
    seller,
    recipient: recipientLines(customer, note.addressee, seller.address.countryCode, labels, language),
    info,
    title: `${labels.deliveryNote} ${note.number}`,
  });
  writer.paragraph(labels.deliveryIntro).space(6);

  const width = writer.width;
  const rows = note.licenses.map((license, index): (PdfCell | string)[] => {
    const details = [
      [labels.deploymentNames[license.deployment], license.sku].filter((part) => part !== undefined).join(" · "),
      ...(license.sen === undefined ? [] : [labels.senOf(license.sen)]),
      ...(license.maintenanceEnd === undefined ? [] : [`${labels.maintenanceUntil}: ${date(license.maintenanceEnd)}`]),
      license.licenseKey === undefined
        ? labels.cloudActivated(license.cloudSiteUrl)
        : `${labels.licenseKey}: ${license.licenseKey}`,
    ];
    return [String(index + 1), { text: license.product, details }, formatDecimal(license.quantity, language)];
  });
  writer.table(
    [
      { header: labels.position, width: 28 },
      { header: labels.product, width: width - 28 - 60 },
      { header: labels.quantity, width: 60, align: "right" },
    ],
    rows,
  );
  return writer.finish();
}
