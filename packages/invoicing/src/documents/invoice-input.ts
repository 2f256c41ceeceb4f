import { currencyCodeSchema, moneyJsonSchema } from "@kontor/money";
import { z } from "zod";
import { documentNumberSchema, serviceReportIdSchema } from "./identifiers.js";
import { isoDateSchema, periodSchema } from "./iso-date.js";
import { invoiceLineInputSchema } from "./invoice-line.js";
import { buyerSchema, sellerSchema } from "./party.js";
import { paymentMeansSchema, paymentTermsSchema } from "./payment.js";

/**
 * The document types Kontor issues, with their UNTDID 1001 codes (BT-3): invoice 380,
 * credit note 381, corrected invoice 384 (C4 correction).
 */
export const INVOICE_TYPES = ["invoice", "credit-note", "corrected-invoice"] as const;

/** One of {@link INVOICE_TYPES}. */
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/** zod schema of a reference to an earlier invoice (BG-3: BT-25 number, BT-26 issue date). */
export const precedingInvoiceSchema = z
  .object({ number: documentNumberSchema, issueDate: isoDateSchema })
  .strict();

/** A reference to an earlier invoice. */
export type PrecedingInvoice = z.output<typeof precedingInvoiceSchema>;

/**
 * zod schema of everything needed to compose an invoice, credit note or correction invoice.
 * The number is not part of it: it is assigned when the document is finalized, so numbers are
 * issued without gaps (see `finalizeInvoice`).
 */
export const invoiceInputSchema = z
  .object({
    type: z.enum(INVOICE_TYPES).default("invoice"),
    /** Issue date (BT-2, §14 Abs. 4 Nr. 3 UStG). */
    issueDate: isoDateSchema,
    /** Invoice currency (BT-5). */
    currency: currencyCodeSchema.default("EUR"),
    seller: sellerSchema,
    buyer: buyerSchema,
    /** Buyer reference (BT-10): Leitweg-ID or the buyer's own reference; XRechnung requires it. */
    buyerReference: z.string().min(1).max(200),
    /** The buyer's purchase order number (BT-13). */
    purchaseOrderReference: z.string().min(1).max(100).optional(),
    /** Contract reference (BT-12), e.g. the contingent contract. */
    contractReference: z.string().min(1).max(100).optional(),
    /** ID of the service report the invoice bills (C8), sent as supporting document BT-122. */
    serviceReportId: serviceReportIdSchema.optional(),
    /** Number of the delivery note sent with the invoice (BT-16, L5). */
    deliveryNoteNumber: z.string().min(1).max(100).optional(),
    /** Delivery or service date (BT-72, §14 Abs. 4 Nr. 6 UStG). */
    deliveryDate: isoDateSchema.optional(),
    /** Supply period (BG-14, §14 Abs. 4 Nr. 6 UStG). */
    supplyPeriod: periodSchema.optional(),
    /** The invoice a credit note or correction refers to (BG-3). */
    precedingInvoice: precedingInvoiceSchema.optional(),
    paymentTerms: paymentTermsSchema.prefault({}),
    paymentMeans: paymentMeansSchema,
    /** Amount already paid (BT-113). */
    prepaidAmount: moneyJsonSchema.optional(),
    /** Free-text notes (BT-22). */
    notes: z.array(z.string().min(1).max(2000)).max(20).default([]),
    lines: z.array(invoiceLineInputSchema).min(1, "A document needs at least one line").max(10000),
  })
  .strict();

/** Everything needed to compose an invoice, as given. */
export type InvoiceInput = z.input<typeof invoiceInputSchema>;
/** {@link InvoiceInput} after validation, with defaults filled in. */
export type ParsedInvoiceInput = z.output<typeof invoiceInputSchema>;
