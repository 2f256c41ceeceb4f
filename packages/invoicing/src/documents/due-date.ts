import { netDueDate, netDueDateInputSchema } from "@kontor/terms";
import { issue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import type { IsoDate } from "./iso-date.js";
import type { PaymentTerms } from "./payment.js";

/**
 * The due date (BT-9) of a document issued on `issueDate`: the agreed date, or the issue date
 * plus the net days moved to the next business day of the calendar under §193 BGB — computed
 * by `@kontor/terms` (T1) so invoices and dunning agree on one date.
 */
export function resolveDueDate(issueDate: IsoDate, terms: PaymentTerms): Result<IsoDate> {
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
  const due = netDueDate({
    invoiceDate: issueDate,
    netDays: terms.netDays,
    ...(calendar === undefined ? {} : { calendar }),
  });
  if (!due.ok) {
    return failure(
      due.errors.map((item) => issue("PAYMENT_TERMS_INVALID", item.message, ["paymentTerms", ...item.path])),
    );
  }
  return success(due.value.dueDate);
}
