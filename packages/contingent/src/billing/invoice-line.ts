import { moneyJsonSchema, type MoneyJson } from "@kontor/money";
import { z } from "zod";

/** What an invoice line bills. */
export const INVOICE_LINE_KINDS = ["contingent-monthly", "correction", "travel", "usage", "time-and-material"] as const;

/** The unit of an invoice line's quantity. */
export const INVOICE_LINE_UNITS = ["month", "hour", "day", "trip", "km", "device", "server", "GB", "mailbox"] as const;

/** zod schema of an {@link InvoiceLine}, for `@kontor/invoicing` and the apps. */
export const invoiceLineSchema = z.strictObject({
  kind: z.enum(INVOICE_LINE_KINDS),
  description: z.string(),
  /** Exact decimal quantity, e.g. `"7.5"` hours, `"3"` trips, `"120.5"` GB. */
  quantity: z.string(),
  unit: z.enum(INVOICE_LINE_UNITS),
  unitPrice: moneyJsonSchema,
  /** Net amount, rounded half-up once to the minor unit (P3); no VAT (invoicing adds it, T5). */
  net: moneyJsonSchema,
  /** C8: the service report the line was billed from; `null` for metered usage. */
  serviceReportId: z.string().nullable(),
  /** Lines about hours (time, correction, the monthly contingent): the exact minutes behind them; else `null`. */
  minutes: z.int().nullable(),
  /** The work type, travel zone, meter or month the line aggregates. */
  reference: z.string().nullable(),
});

/** A typed invoice line, without VAT, that `@kontor/invoicing` renders. */
export interface InvoiceLine {
  readonly kind: (typeof INVOICE_LINE_KINDS)[number];
  readonly description: string;
  readonly quantity: string;
  readonly unit: (typeof INVOICE_LINE_UNITS)[number];
  readonly unitPrice: MoneyJson;
  readonly net: MoneyJson;
  readonly serviceReportId: string | null;
  readonly minutes: number | null;
  readonly reference: string | null;
}

/**
 * How the invoice is presented (C8): contract-less and contingent customers get an invoice that
 * shows only the service-report ID and the amount; managed services are itemized; rental and
 * hosting are billed separately by direct debit.
 */
export type InvoicePresentation = "service-report-id-and-amount" | "itemized" | "separate-direct-debit";
