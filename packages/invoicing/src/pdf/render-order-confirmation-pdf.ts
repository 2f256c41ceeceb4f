import type { OrderConfirmation } from "../documents/order-confirmation.js";
import { drawDocumentHeader, sellerFooter } from "./document-header.js";
import type { PdfRenderOptions } from "./pdf-fonts.js";
import { formatAmount, formatDate, formatDecimal, formatRate, formatUnitPrice } from "./pdf-format.js";
import { labelsFor } from "./pdf-labels.js";
import { PdfWriter, type PdfCell } from "./pdf-writer.js";
import { recipientLines } from "./recipient.js";

/**
 * The PDF of an order confirmation (L1): the ordered services or licenses with prices and
 * totals, addressed as the customer asked, with the customer's PO number; for license orders
 * when the licenses will be purchased (L3) and the technical contact (L4). PDF/A-3b.
 */
export function renderOrderConfirmationPdf(confirmation: OrderConfirmation, options: PdfRenderOptions): Uint8Array {
  const language = options.language ?? "de";
  const labels = labelsFor(language);
  const date = (value: string): string => formatDate(value, language);
  const { seller, customer, totals } = confirmation;
  const writer = new PdfWriter({
    title: `${labels.orderConfirmation} ${confirmation.number}`,
    documentDate: confirmation.issueDate,
    language,
    fonts: options.fonts,
    footerLines: sellerFooter(seller, labels),
    pageLabel: labels.page,
  });

  const info: [string, string][] = [
    [labels.orderConfirmation, confirmation.number],
    [labels.date, date(confirmation.issueDate)],
  ];
  if (customer.id !== undefined) info.push([labels.customerNumber, customer.id]);
  if (confirmation.customerOrderNumber !== undefined) info.push([labels.yourOrderNumber, confirmation.customerOrderNumber]);
  if (confirmation.orderDate !== undefined) info.push([labels.orderDate, date(confirmation.orderDate)]);
  drawDocumentHeader(writer, {
    seller,
    recipient: recipientLines(customer, confirmation.addressee, seller.address.countryCode, labels, language),
    info,
    title: `${labels.orderConfirmation} ${confirmation.number}`,
    subtitle: confirmation.orderKind === "license" ? labels.licenseOrder : labels.serviceOrder,
  });

  writer.paragraph(labels.confirmationIntro).space(6);
  const width = writer.width;
  const columns = [
    { header: labels.position, width: 28 },
    { header: labels.description, width: width - 28 - 50 - 44 - 72 - 40 - 76 },
    { header: labels.quantity, width: 50, align: "right" as const },
    { header: labels.unit, width: 44 },
    { header: labels.unitPrice, width: 72, align: "right" as const },
    { header: labels.vat, width: 40, align: "right" as const },
    { header: labels.amount, width: 76, align: "right" as const },
  ];
  writer.table(
    columns,
    confirmation.items.map((item, index): (PdfCell | string)[] => [
      String(index + 1),
      { text: item.description, details: item.detail === undefined ? [] : [item.detail] },
      formatDecimal(item.quantity, language),
      labels.units[item.unitCode],
      formatUnitPrice(item.unitPrice, language),
      formatRate(item.vat.rate, language),
      formatAmount(item.netAmount, language),
    ]),
  );
  writer
    .totals([
      { label: labels.netTotal, value: formatAmount(totals.lineNetTotal, language) },
      ...totals.vatBreakdown.map((entry) => ({
        label: labels.taxAtRate(formatRate(entry.rate, language)),
        value: formatAmount(entry.taxAmount, language),
      })),
      { label: labels.grandTotal, value: formatAmount(totals.grandTotal, language), emphasised: true },
    ])
    .space(8);

  if (confirmation.orderKind === "license") {
    writer.paragraph(
      confirmation.licensePurchaseDate === undefined
        ? labels.purchaseImmediately
        : labels.purchaseOn(date(confirmation.licensePurchaseDate)),
    );
    if (confirmation.technicalContact !== undefined) {
      writer.paragraph(
        `${labels.technicalContact}: ${confirmation.technicalContact.name} <${confirmation.technicalContact.email}>`,
      );
    }
  } else {
    writer.paragraph(labels.serviceOrderNext);
  }
  for (const note of confirmation.notes) writer.space(4).paragraph(note);
  return writer.finish();
}
