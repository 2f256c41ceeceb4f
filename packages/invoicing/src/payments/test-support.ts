import { Money } from "@kontor/money";
import {
  composeCreditNote,
  composeInvoice,
  finalizeInvoice,
  payableInvoiceOf,
  unwrap,
  type FinalizedInvoice,
  type InvoiceCredit,
  type InvoiceInput,
  type PayableInvoice,
  type RecordedPayment,
} from "../index.js";
import { CREDIT_TRANSFER, DOMESTIC_BUYER, SELLER } from "../test-support/fixtures.js";

/** `amount` EUR as Money. */
export const eur = (amount: string): Money => Money.of(amount, "EUR");

/**
 * A real finalized invoice of 11,900.00 EUR gross due 2026-01-15: line 1 8,000.00 + line 2
 * 2,000.00 net at 19 % = 10,000.00 + 1,900.00 VAT. Line 2 alone is 2,380.00 gross, so a credit
 * note for it lowers what is owed to 9,520.00.
 */
export function invoiceInput(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    issueDate: "2025-12-16",
    seller: SELLER,
    buyer: DOMESTIC_BUYER,
    buyerReference: "K-10042",
    deliveryDate: "2025-12-15",
    paymentTerms: { dueDate: "2026-01-15" },
    paymentMeans: CREDIT_TRANSFER,
    lines: [
      {
        kind: "time-and-material",
        description: "Migration Jira Data Center",
        quantity: "80",
        unitPrice: { amount: "100.00", currency: "EUR" },
        vat: { category: "S", rate: "19" },
      },
      {
        kind: "time-and-material",
        description: "Schulung",
        quantity: "16",
        unitPrice: { amount: "125.00", currency: "EUR" },
        vat: { category: "S", rate: "19" },
      },
    ],
    ...overrides,
  };
}

/** {@link invoiceInput}, composed and finalized as RE-2025-000981. */
export function finalizedInvoice(overrides: Partial<InvoiceInput> = {}): FinalizedInvoice {
  return unwrap(finalizeInvoice(unwrap(composeInvoice(invoiceInput(overrides))), { number: "RE-2025-000981" }));
}

/** The payable view of {@link finalizedInvoice}. */
export function payable(overrides: Partial<InvoiceInput> = {}): PayableInvoice {
  return unwrap(payableInvoiceOf(finalizedInvoice(overrides)));
}

/** A finalized credit note for line 2 of `invoice` (2,380.00 EUR gross), as an {@link InvoiceCredit}. */
export function creditForLine2(invoice: FinalizedInvoice, issueDate: string): InvoiceCredit {
  const draft = unwrap(composeCreditNote(invoice, { issueDate, reason: "Schulung entfallen", lines: [{ lineId: "2" }] }));
  const note = unwrap(finalizeInvoice(draft, { number: "RK-2026-000004" }));
  return { number: note.number, issueDate: note.issueDate, amount: note.totals.amountDue };
}

/** A recorded bank transfer. */
export function paymentOf(id: string, amount: string, receivedOn: string): RecordedPayment {
  return { id, amount: eur(amount), receivedOn, method: "bank-transfer", reference: null };
}
