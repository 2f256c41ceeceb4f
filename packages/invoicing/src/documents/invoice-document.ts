import type { Money } from "@kontor/money";
import type { InvoiceTotals } from "../totals/invoice-totals.js";
import type { IsoDate } from "./iso-date.js";
import type { ParsedInvoiceInput } from "./invoice-input.js";
import type { InvoiceLine } from "./invoice-line.js";
import type { PaymentTerms } from "./payment.js";

/** Payment terms of a composed document: the due date is always known. */
export type ResolvedPaymentTerms = Omit<PaymentTerms, "dueDate" | "description"> & {
  /** BT-9: from `@kontor/terms` (net days, §193 BGB) or as agreed. */
  readonly dueDate: IsoDate;
  /** BT-20. */
  readonly description: string;
};

/** What every composed invoice, credit note or correction invoice has. */
export type InvoiceDocumentContent = Readonly<
  Omit<ParsedInvoiceInput, "lines" | "paymentTerms" | "prepaidAmount">
> & {
  readonly lines: readonly InvoiceLine[];
  readonly paymentTerms: ResolvedPaymentTerms;
  readonly prepaidAmount: Money;
  /** T5 totals and the VAT breakdown (BG-22, BG-23). */
  readonly totals: InvoiceTotals;
  /** The validated input the document was composed from, kept to revise a draft. */
  readonly source: ParsedInvoiceInput;
};

/** A composed document that can still change; it has no number yet. Deeply frozen. */
export type DraftInvoice = InvoiceDocumentContent & {
  readonly status: "draft";
  readonly number: null;
};

/**
 * A finalized document: numbered and immutable (§14 UStG, GoBD). Every function that would
 * change it refuses with `INVOICE_FINALIZED`; the object is deeply frozen. Corrections are made
 * with a credit note or a correction invoice that references it.
 */
export type FinalizedInvoice = InvoiceDocumentContent & {
  readonly status: "finalized";
  /** BT-1. */
  readonly number: string;
};

/** A draft or finalized invoice, credit note or correction invoice. */
export type InvoiceDocument = DraftInvoice | FinalizedInvoice;
