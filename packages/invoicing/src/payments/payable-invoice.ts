import type { Money } from "@kontor/money";
import { issue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import type { InvoiceDocument } from "../documents/invoice-document.js";
import type { IsoDate } from "../documents/iso-date.js";

/**
 * A finalized invoice or correction invoice as far as payment is concerned: what is owed
 * (BT-115) and by when (BT-9). Build it with {@link payableInvoiceOf} from a composed document,
 * or from the stored document's fields.
 */
export interface PayableInvoice {
  /** BT-1. */
  readonly number: string;
  /** BT-2: no payment can be received before it. */
  readonly issueDate: IsoDate;
  /** BT-9: T6 default interest runs from the day after it. */
  readonly dueDate: IsoDate;
  /** BT-115, `totals.amountDue` (gross total minus prepaid amount). */
  readonly amountDue: Money;
}

/**
 * The {@link PayableInvoice} of a composed document. Refuses a draft with
 * `PAYMENT_INVOICE_NOT_FINALIZED` (it has no number and is not owed yet) and a credit note with
 * `PAYMENT_NOT_PAYABLE_TYPE` (the seller refunds it; it lowers the invoice's balance as an
 * `InvoiceCredit` instead). A correction invoice whose amount due is negative is a refund too
 * and is refused with the same code.
 */
export function payableInvoiceOf(document: InvoiceDocument): Result<PayableInvoice> {
  if (document.status !== "finalized") {
    return failure([
      issue("PAYMENT_INVOICE_NOT_FINALIZED", "A draft is not owed yet: only a finalized (numbered) invoice can be paid", ["status"]),
    ]);
  }
  if (document.type === "credit-note") {
    return failure([
      issue("PAYMENT_NOT_PAYABLE_TYPE", `${document.number} is a credit note: it is refunded, not paid; record it as a credit of the invoice`, [
        "type",
      ]),
    ]);
  }
  const amountDue = document.totals.amountDue;
  if (amountDue.isNegative()) {
    return failure([
      issue(
        "PAYMENT_NOT_PAYABLE_TYPE",
        `${document.number} has a negative amount due (${amountDue.toFixed()} ${amountDue.currency}): it is refunded, not paid`,
        ["totals", "amountDue"],
      ),
    ]);
  }
  return success(
    Object.freeze({
      number: document.number,
      issueDate: document.issueDate,
      dueDate: document.paymentTerms.dueDate,
      amountDue,
    }),
  );
}
