import type { ServiceReport } from "../documents/service-report.js";
import { drawDocumentHeader, sellerFooter } from "./document-header.js";
import type { PdfRenderOptions } from "./pdf-fonts.js";
import { formatDate, formatMinutes } from "./pdf-format.js";
import { labelsFor } from "./pdf-labels.js";
import { PdfWriter, type PdfCell } from "./pdf-writer.js";
import { recipientLines } from "./recipient.js";

/**
 * The PDF of a service report (C8): every entry of the period, billable or not (C5), with the
 * recorded and billed minutes (C6) and the justification of non-billable work; totals of
 * billable and non-billable time. It is e-mailed before the invoice that shows its ID. PDF/A-3b.
 */
export function renderServiceReportPdf(report: ServiceReport, options: PdfRenderOptions): Uint8Array {
  const language = options.language ?? "de";
  const labels = labelsFor(language);
  const date = (value: string): string => formatDate(value, language);
  const { seller, customer } = report;
  const writer = new PdfWriter({
    title: `${labels.serviceReport} ${report.id}`,
    documentDate: report.issueDate,
    language,
    fonts: options.fonts,
    footerLines: sellerFooter(seller, labels),
    pageLabel: labels.page,
  });
  const info: [string, string][] = [
    [labels.serviceReportId, report.id],
    [labels.date, date(report.issueDate)],
    [labels.period, `${date(report.period.start)} – ${date(report.period.end)}`],
  ];
  if (customer.id !== undefined) info.push([labels.customerNumber, customer.id]);
  if (report.contractReference !== undefined) info.push([labels.contract, report.contractReference]);
  drawDocumentHeader(writer, {
    seller,
    recipient: recipientLines(customer, undefined, seller.address.countryCode, labels, language),
    info,
    title: `${labels.serviceReport} ${report.id}`,
  });
  writer.paragraph(labels.serviceReportIntro).space(6);

  const width = writer.width;
  writer.table(
    [
      { header: labels.workDate, width: 56 },
      { header: labels.ticket, width: 50 },
      { header: labels.activity, width: width - 56 - 50 - 48 - 56 - 62 },
      { header: labels.recorded, width: 48, align: "right" },
      { header: labels.billed, width: 56, align: "right" },
      { header: labels.billable, width: 62 },
    ],
    report.entries.map((entry): (PdfCell | string)[] => [
      date(entry.workDate),
      entry.ticketId ?? "–",
      {
        text: entry.description,
        details: [
          entry.technician,
          ...(entry.justification === undefined ? [] : [`${labels.justification}: ${entry.justification}`]),
        ],
      },
      formatMinutes(entry.rawMinutes),
      entry.billable ? formatMinutes(entry.billedMinutes) : "–",
      entry.billable ? labels.yes : labels.no,
    ]),
  );
  writer.totals([
    { label: labels.billableTotal, value: formatMinutes(report.billableMinutes), emphasised: true },
    { label: labels.nonBillableTotal, value: formatMinutes(report.nonBillableMinutes) },
  ]);
  return writer.finish();
}
