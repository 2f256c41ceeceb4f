import type { MoneyJson } from "@kontor/money";
import {
  composeInvoice,
  finalizeInvoice,
  type InvoiceDocument,
  type InvoiceType,
  type NumberSeries,
  type ParsedInvoiceInput,
  type Result,
  CREDIT_NOTE_NUMBER_SERIES,
  INVOICE_NUMBER_SERIES,
} from "@kontor/invoicing";

/** A VAT breakdown entry as stored (BG-23). */
interface StoredVatBreakdownEntry {
  readonly category: string;
  readonly rate: string;
  readonly taxableAmount: MoneyJson;
  readonly taxAmount: MoneyJson;
  readonly exemptionReason?: string;
  readonly exemptionReasonCode?: string;
}

/**
 * The JSON form of a composed `InvoiceDocument` as the `document` column holds it: amounts as
 * `{ amount, currency }`, and `source`, the validated input it was composed from.
 */
export interface StoredInvoiceDocument {
  readonly type: InvoiceType;
  readonly status: "draft" | "finalized";
  readonly number: string | null;
  readonly issueDate: string;
  readonly currency: string;
  readonly buyerReference: string;
  readonly seller: { readonly name: string; readonly vatId?: string };
  readonly buyer: { readonly name: string; readonly vatId?: string };
  readonly precedingInvoice?: { readonly number: string; readonly issueDate: string };
  readonly notes: readonly string[];
  readonly paymentTerms: { readonly dueDate: string; readonly description: string };
  readonly lines: readonly {
    readonly id: string;
    readonly kind: string;
    readonly description: string;
    readonly quantity: string;
    /** BT-149; absent on lines composed without one (price per 1 unit). */
    readonly baseQuantity?: string;
    readonly unitCode: string;
    readonly unitPrice: MoneyJson;
    readonly netAmount: MoneyJson;
    readonly vat: { readonly category: string; readonly rate: string };
  }[];
  readonly totals: {
    readonly lineNetTotal: MoneyJson;
    readonly taxBasisTotal: MoneyJson;
    readonly taxTotal: MoneyJson;
    readonly grandTotal: MoneyJson;
    readonly prepaidAmount: MoneyJson;
    readonly amountDue: MoneyJson;
    readonly vatBreakdown: readonly StoredVatBreakdownEntry[];
  };
  readonly source: ParsedInvoiceInput;
}

/** The JSON form of a document, for the `document` column (Money serializes as `{ amount, currency }`). */
export function toStoredDocument(document: InvoiceDocument): StoredInvoiceDocument {
  return JSON.parse(JSON.stringify(document)) as StoredInvoiceDocument;
}

/**
 * The live document again, from the input it was composed from. Composition is pure, so the
 * same input gives the same document; a stored number makes it the finalized document.
 */
export function recomposeDocument(stored: StoredInvoiceDocument): Result<InvoiceDocument> {
  const draft = composeInvoice(stored.source);
  if (!draft.ok || stored.number === null) return draft;
  return finalizeInvoice(draft.value, { number: stored.number });
}

/** The number series a document type is numbered in: credit notes RK-, invoices and corrections RE-. */
export function numberSeriesOf(type: InvoiceType): NumberSeries {
  return type === "credit-note" ? CREDIT_NOTE_NUMBER_SERIES : INVOICE_NUMBER_SERIES;
}
