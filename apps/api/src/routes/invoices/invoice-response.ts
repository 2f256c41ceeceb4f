import type { InvoiceSummaryRow } from "@kontor/db";
import { INVOICE_TYPES, creditNoteInputSchema, invoiceInputSchema, paymentTermsSchema } from "@kontor/invoicing";
import { Money, moneyJsonSchema, type MoneyJson } from "@kontor/money";
import { z } from "zod";
import { instantSchema } from "../../http/route-schemas.js";
import type { StoredInvoiceDocument } from "./stored-invoice.js";

/**
 * Body of POST /v1/invoices: the `@kontor/invoicing` input and the organization billed. Only
 * invoices (380): a credit note is composed from its stored, finalized invoice by
 * POST /v1/invoices/{id}/credit-notes, which ties it to that invoice (`precedingInvoiceId`) and
 * keeps the credited quantities within the invoiced ones. A credit note or correction invoice
 * composed here would reference any number it was given.
 */
export const createInvoiceBodySchema = invoiceInputSchema.extend({
  type: z
    .literal("invoice", {
      error: "only invoices are composed here; compose a credit note from the stored, finalized invoice with POST /v1/invoices/{id}/credit-notes",
    })
    .default("invoice")
    .describe("Always `invoice` (380); credit notes: POST /v1/invoices/{id}/credit-notes"),
  organizationId: z.string().min(1).max(100).describe("The customer organization the document is for"),
  // P1/T1: net days left open are the installation's (its payment-terms policy in force on the
  // issue date), not the package schema's default of 30, so the body keeps them open.
  paymentTerms: paymentTermsSchema
    .extend({
      netDays: z
        .int()
        .min(0)
        .max(366)
        .optional()
        .describe("Days after the issue date; default the on-invoice net days of the installation's payment terms in force (T1, `/v1/terms-policies`)"),
    })
    .prefault({}),
});

/** Body of POST /v1/invoices/:id/credit-notes (`composeCreditNote`). */
export const createCreditNoteBodySchema = creditNoteInputSchema;

const vatBreakdownSchema = z.object({
  category: z.string(),
  rate: z.string().describe("Percent, e.g. \"19\""),
  taxableAmount: moneyJsonSchema,
  taxAmount: moneyJsonSchema,
  exemptionReason: z.string().optional(),
});

/** An invoice, credit note or correction invoice as the API shows it. */
export const invoiceResponseSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    type: z.enum(INVOICE_TYPES),
    status: z.enum(["draft", "finalized"]),
    number: z.string().nullable().describe("BT-1; issued at finalization, null while draft"),
    precedingInvoiceId: z.string().nullable(),
    precedingInvoice: z.object({ number: z.string(), issueDate: z.string() }).optional(),
    issueDate: z.string(),
    dueDate: z.string(),
    paymentTermsText: z.string(),
    currency: z.string(),
    buyerReference: z.string(),
    seller: z.object({ name: z.string(), vatId: z.string().optional() }),
    buyer: z.object({ name: z.string(), vatId: z.string().optional() }),
    notes: z.array(z.string()),
    lines: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        description: z.string(),
        quantity: z.string(),
        baseQuantity: z.string().describe('BT-149: the unit price is per this many units (e.g. "60" for a price per hour on a line in minutes); "1" for most lines'),
        unitCode: z.string(),
        unitPrice: moneyJsonSchema,
        netAmount: moneyJsonSchema,
        vat: z.object({ category: z.string(), rate: z.string() }),
      }),
    ),
    totals: z.object({
      lineNetTotal: moneyJsonSchema,
      taxTotal: moneyJsonSchema,
      grandTotal: moneyJsonSchema,
      prepaidAmount: moneyJsonSchema,
      amountDue: moneyJsonSchema,
      vatBreakdown: z.array(vatBreakdownSchema),
    }),
    version: z.number().int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    finalizedAt: instantSchema.nullable(),
  })
  .meta({ id: "Invoice" });

/** Totals with exactly the currency's minor-unit digits ("49.50", not "49.5"). */
function cents(json: MoneyJson): MoneyJson {
  const money = Money.fromJSON(json);
  return { amount: money.toFixed(), currency: money.currency };
}

/** Maps a stored row to {@link invoiceResponseSchema}. */
export function toInvoiceResponse(row: InvoiceSummaryRow): z.input<typeof invoiceResponseSchema> {
  const document = row.document as StoredInvoiceDocument;
  const { totals } = document;
  return {
    id: row.id,
    organizationId: row.organizationId,
    type: row.type,
    status: row.status,
    number: row.number,
    precedingInvoiceId: row.precedingInvoiceId,
    ...(document.precedingInvoice === undefined ? {} : { precedingInvoice: document.precedingInvoice }),
    issueDate: document.issueDate,
    dueDate: document.paymentTerms.dueDate,
    paymentTermsText: document.paymentTerms.description,
    currency: document.currency,
    buyerReference: document.buyerReference,
    seller: { name: document.seller.name, ...(document.seller.vatId === undefined ? {} : { vatId: document.seller.vatId }) },
    buyer: { name: document.buyer.name, ...(document.buyer.vatId === undefined ? {} : { vatId: document.buyer.vatId }) },
    notes: [...document.notes],
    lines: document.lines.map((line) => ({
      id: line.id,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      baseQuantity: line.baseQuantity ?? "1",
      unitCode: line.unitCode,
      unitPrice: line.unitPrice,
      netAmount: cents(line.netAmount),
      vat: { category: line.vat.category, rate: line.vat.rate },
    })),
    totals: {
      lineNetTotal: cents(totals.lineNetTotal),
      taxTotal: cents(totals.taxTotal),
      grandTotal: cents(totals.grandTotal),
      prepaidAmount: cents(totals.prepaidAmount),
      amountDue: cents(totals.amountDue),
      vatBreakdown: totals.vatBreakdown.map((entry) => ({
        category: entry.category,
        rate: entry.rate,
        taxableAmount: cents(entry.taxableAmount),
        taxAmount: cents(entry.taxAmount),
        ...(entry.exemptionReason === undefined ? {} : { exemptionReason: entry.exemptionReason }),
      })),
    },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finalizedAt: row.finalizedAt?.toISOString() ?? null,
  };
}
