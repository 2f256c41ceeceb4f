import type { FinalizedInvoice } from "../documents/invoice-document.js";
import { lineBaseQuantity, type InvoiceLine } from "../documents/invoice-line.js";
import { isUnitBaseQuantity } from "../totals/line-net-amount.js";
import type { CiiProfile } from "../xml/cii-codes.js";
import { writeCiiInvoice } from "../xml/write-cii-invoice.js";
import { addressLines, drawDocumentHeader, sellerFooter } from "./document-header.js";
import { FACTURX_FILE_NAME, facturXmp } from "./facturx-metadata.js";
import type { DocumentLanguage, PdfRenderOptions } from "./pdf-fonts.js";
import {
  formatAmount,
  formatDate,
  formatDecimal,
  formatRate,
  formatUnitPrice,
  groupIban,
  maskIban,
} from "./pdf-format.js";
import { labelsFor, type PdfLabels } from "./pdf-labels.js";
import { PdfWriter, type PdfCell } from "./pdf-writer.js";

/** Options of {@link renderInvoicePdf}. */
export interface InvoicePdfOptions extends PdfRenderOptions {
  /**
   * Profile of the embedded XML; default `en16931` (Factur-X/ZUGFeRD EN 16931 profile). Pass
   * `xrechnung-3` to embed the XRechnung CIUS instead (conformance level `XRECHNUNG`).
   */
  readonly profile?: CiiProfile;
}

/**
 * The unit price cell (BT-146): the price, and beneath it the base quantity it is for when
 * that is not 1 (BT-149, in the line's unit): `95,00 €` over `je 60 Min.`.
 */
function unitPriceCell(line: InvoiceLine, labels: PdfLabels, language: DocumentLanguage): PdfCell | string {
  const price = formatUnitPrice(line.unitPrice, language);
  const base = lineBaseQuantity(line);
  if (isUnitBaseQuantity(base)) return price;
  return { text: price, details: [labels.perBaseQuantity(formatDecimal(base, language), labels.units[line.unitCode])] };
}

function lineDetails(line: InvoiceLine, labels: PdfLabels, language: DocumentLanguage): string[] {
  const details: string[] = [];
  if (line.detail !== undefined) details.push(line.detail);
  if (line.period !== undefined) {
    details.push(`${labels.period}: ${formatDate(line.period.start, language)} – ${formatDate(line.period.end, language)}`);
  }
  switch (line.kind) {
    case "license-purchase":
      details.push(
        [labels.deploymentNames[line.deployment], line.sku, line.sen === undefined ? undefined : labels.senOf(line.sen)]
          .filter((part) => part !== undefined)
          .join(" · "),
      );
      break;
    case "monthly-contingent":
    case "rental-month":
      details.push(`${labels.contract} ${line.contractId ?? "–"}`);
      break;
    case "correction":
      details.push(line.contractId === undefined ? line.reason : `${labels.contract} ${line.contractId}: ${line.reason}`);
      break;
    case "pay-per-use":
      details.push(`${line.service}: ${line.metric}`);
      break;
    case "time-and-material":
      if (line.serviceReportId !== undefined) details.push(`${labels.serviceReportId} ${line.serviceReportId}`);
      if (line.ticketId !== undefined) details.push(`${labels.ticket} ${line.ticketId}`);
      break;
    case "travel":
      if (line.zone !== undefined) details.push(line.zone);
      break;
  }
  if (line.note !== undefined) details.push(line.note);
  return details.filter((detail) => detail.length > 0);
}

/**
 * The PDF of a finalized invoice, credit note or correction invoice with everything §14 Abs. 4
 * UStG requires (both parties, tax number or VAT ID, dates, number, quantities and
 * descriptions, supply date or period, net per rate, rate and tax or the exemption note), the
 * service-report ID where there is one (C8) and the payment terms.
 *
 * The PDF is a PDF/A-3b with the EN 16931 CII XML embedded as `factur-x.xml`
 * (AFRelationship `Alternative`, Factur-X XMP metadata): one file that is both the readable
 * and the structured invoice. The XML is byte-identical to {@link writeCiiInvoice}'s.
 * Identical input gives identical bytes.
 */
export function renderInvoicePdf(invoice: FinalizedInvoice, options: InvoicePdfOptions): Uint8Array {
  const language = options.language ?? "de";
  const labels = labelsFor(language);
  const profile = options.profile ?? "en16931";
  const { seller, buyer, totals, paymentMeans, paymentTerms } = invoice;
  const date = (value: string): string => formatDate(value, language);

  const bankLine =
    paymentMeans.kind === "sepa-credit-transfer"
      ? [
          paymentMeans.accountName,
          `IBAN ${groupIban(paymentMeans.iban)}`,
          paymentMeans.bic === undefined ? undefined : `BIC ${paymentMeans.bic}`,
        ]
          .filter((part) => part !== undefined)
          .join(" · ")
      : undefined;
  const writer = new PdfWriter({
    title: `${labels.title[invoice.type]} ${invoice.number}`,
    documentDate: invoice.issueDate,
    language,
    fonts: options.fonts,
    footerLines: sellerFooter(seller, labels, bankLine),
    pageLabel: labels.page,
  });

  const info: [string, string][] = [
    [labels.numberOf[invoice.type], invoice.number],
    [labels.date, date(invoice.issueDate)],
  ];
  if (buyer.id !== undefined) info.push([labels.customerNumber, buyer.id]);
  info.push([labels.buyerReference, invoice.buyerReference]);
  if (invoice.purchaseOrderReference !== undefined) info.push([labels.purchaseOrder, invoice.purchaseOrderReference]);
  if (invoice.contractReference !== undefined) info.push([labels.contract, invoice.contractReference]);
  if (invoice.serviceReportId !== undefined) info.push([labels.serviceReportId, invoice.serviceReportId]);
  if (invoice.deliveryNoteNumber !== undefined) info.push([labels.deliveryNoteNumber, invoice.deliveryNoteNumber]);
  if (invoice.deliveryDate !== undefined) info.push([labels.deliveryDate, date(invoice.deliveryDate)]);
  if (invoice.supplyPeriod !== undefined) {
    info.push([labels.supplyPeriod, `${date(invoice.supplyPeriod.start)} – ${date(invoice.supplyPeriod.end)}`]);
  }
  info.push([labels.dueDate, date(paymentTerms.dueDate)]);
  if (buyer.vatId !== undefined) info.push([labels.customerVatId, buyer.vatId]);

  drawDocumentHeader(writer, {
    seller,
    recipient: [
      buyer.name,
      ...(buyer.contact === undefined ? [] : [`${labels.attention} ${buyer.contact.name}`]),
      ...addressLines(buyer.address, seller.address.countryCode, language),
    ],
    info,
    title: `${labels.title[invoice.type]} ${invoice.number}`,
    ...(invoice.precedingInvoice === undefined
      ? {}
      : { subtitle: labels.referenceTo(invoice.precedingInvoice.number, date(invoice.precedingInvoice.issueDate)) }),
  });

  for (const note of invoice.notes) writer.paragraph(note).space(4);
  writer.space(4);

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
  const rows = invoice.lines.map((line): (PdfCell | string)[] => [
    line.id,
    { text: line.description, details: lineDetails(line, labels, language) },
    formatDecimal(line.quantity, language),
    labels.units[line.unitCode],
    unitPriceCell(line, labels, language),
    line.vat.category === "O" ? "–" : formatRate(line.vat.rate, language),
    formatAmount(line.netAmount, language),
  ]);
  writer.table(columns, rows);

  if (invoice.serviceReportId !== undefined) writer.paragraph(labels.servicesListedIn(invoice.serviceReportId)).space(6);

  // §14 Abs. 4 Nr. 7/8 UStG: the net amount per rate and the tax per rate (or the exemption).
  const totalLines: { label: string; value: string; emphasised?: boolean }[] = [
    { label: labels.netTotal, value: formatAmount(totals.lineNetTotal, language) },
  ];
  for (const entry of totals.vatBreakdown) {
    const rate = formatRate(entry.rate, language);
    totalLines.push(
      { label: labels.netAtRate(rate, entry.category), value: formatAmount(entry.taxableAmount, language) },
      { label: labels.taxAtRate(rate), value: formatAmount(entry.taxAmount, language) },
    );
  }
  totalLines.push({ label: labels.grandTotal, value: formatAmount(totals.grandTotal, language), emphasised: true });
  if (!totals.prepaidAmount.isZero()) {
    totalLines.push(
      { label: labels.prepaid, value: formatAmount(totals.prepaidAmount, language) },
      { label: labels.amountDue, value: formatAmount(totals.amountDue, language), emphasised: true },
    );
  }
  writer.totals(totalLines).space(8);

  for (const entry of totals.vatBreakdown) {
    if (entry.exemptionReason === undefined) continue;
    writer.paragraph(labels.exemption(entry.exemptionReason, entry.exemptionReasonCode), 9, "bold");
    if (entry.category === "AE" && seller.vatId !== undefined && buyer.vatId !== undefined) {
      writer.paragraph(labels.reverseChargeIds(seller.vatId, buyer.vatId));
    }
    writer.space(4);
  }

  const due = date(paymentTerms.dueDate);
  const termsText =
    invoice.source.paymentTerms.description ??
    (invoice.type === "credit-note" ? labels.refundBy(due) : labels.payableBy(due));
  writer.paragraph(termsText).space(2);
  if (paymentMeans.kind === "sepa-credit-transfer" && invoice.type !== "credit-note") {
    writer.paragraph(
      labels.transferTo(groupIban(paymentMeans.iban), paymentMeans.bic, paymentMeans.accountName, invoice.number),
    );
  } else if (paymentMeans.kind === "sepa-direct-debit" && invoice.type !== "credit-note") {
    writer.paragraph(
      labels.directDebit(due, maskIban(paymentMeans.debtorIban), paymentMeans.mandateReference, paymentMeans.creditorId),
    );
  }

  const xml = writeCiiInvoice(invoice, { profile });
  writer.attach(new TextEncoder().encode(xml), {
    name: FACTURX_FILE_NAME,
    mimeType: "text/xml",
    description: "Factur-X/ZUGFeRD EN 16931 invoice (UN/CEFACT CII)",
    relationship: "Alternative",
    date: invoice.issueDate,
  });
  writer.appendXmp(facturXmp(profile));
  return writer.finish();
}
