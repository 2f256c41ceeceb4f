import { netDueDate, netDueDateInputSchema, type PaymentTermsPolicy } from "@kontor/terms";
import { issue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import type { IsoDate } from "./iso-date.js";
import type { PaymentTerms } from "./payment.js";

/**
 * The due date (BT-9) of a document issued on `issueDate`: the agreed date, or the issue date
 * plus the net days moved to the next business day of the calendar under §193 BGB — computed
 * by `@kontor/terms` (T1) so invoices and dunning agree on one date. `policies` is the
 * payment-terms history the date is computed under (P1); default: the shipped one.
 */
export function resolveDueDate(issueDate: IsoDate, terms: PaymentTerms, policies?: readonly PaymentTermsPolicy[]): Result<IsoDate> {
  if (terms.dueDate !== undefined) {
    if (terms.dueDate < issueDate) {
      return failure([
        issue("PAYMENT_TERMS_INVALID", `The due date ${terms.dueDate} is before the issue date ${issueDate}`, [
          "paymentTerms",
          "dueDate",
        ]),
      ]);
    }
    return success(terms.dueDate);
  }
  const input = netDueDateInputSchema.safeParse({
    invoiceDate: issueDate,
    netDays: terms.netDays,
    calendar: terms.calendar,
  });
  if (!input.success) {
    return failure(
      input.error.issues.map((item) =>
        issue("PAYMENT_TERMS_INVALID", item.message, ["paymentTerms", ...item.path.map(String)]),
      ),
    );
  }
  const { calendar } = input.data;
  const due = netDueDate(
    {
      invoiceDate: issueDate,
      netDays: terms.netDays,
      ...(calendar === undefined ? {} : { calendar }),
    },
    policies === undefined ? {} : { policies },
  );
  if (!due.ok) {
    return failure(
      due.errors.map((item) => issue("PAYMENT_TERMS_INVALID", item.message, ["paymentTerms", ...item.path])),
    );
  }
  return success(due.value.dueDate);
}

/**
 * The net days of the on-invoice method of the payment-terms policy in force on `issueDate`
 * (P1, T1: 30 in the shipped policy), for payment terms that name neither net days nor a date.
 */
export function policyNetDays(issueDate: IsoDate, policies: readonly PaymentTermsPolicy[]): Result<number> {
  const due = netDueDate({ invoiceDate: issueDate }, { policies });
  if (!due.ok) {
    return failure(
      due.errors.map((item) => issue("PAYMENT_TERMS_INVALID", item.message, ["paymentTerms", "netDays"])),
    );
  }
  return success(due.value.netDays);
}
