import type { Money } from "@kontor/money";
import { isoDateSchema, type IsoDate } from "../documents/iso-date.js";
import type { PaymentMeans } from "../documents/payment.js";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import type { InvoiceBalance } from "../payments/invoice-balance.js";
import { directDebitCollectionSchema, type DirectDebitCollection, type DirectDebitCollectionInput } from "./direct-debit-collection.js";

/**
 * An issued invoice as far as its collection is concerned: a `PayableInvoice` with its payment
 * means (BG-16) fits. The due date of a direct-debit invoice is the collection date its mail
 * pre-notified (T7).
 */
export interface DirectDebitInvoice {
  /** BT-1: the end-to-end ID of the collection. */
  readonly number: string;
  /** BT-2: named in the remittance text. */
  readonly issueDate: IsoDate;
  /** BT-9: the pre-notified collection date. */
  readonly dueDate: IsoDate;
  /** How the invoice is paid, as issued: `sepa-direct-debit` names mandate, creditor ID and the debited IBAN. */
  readonly paymentMeans: PaymentMeans;
}

/** The mandate the invoice is collected under, as stored (the debtor's IBAN comes from the invoice). */
export interface DirectDebitMandate {
  /** The mandate reference (`MndtId`, BT-89). */
  readonly reference: string;
  /** The day the debtor signed it (`DtOfSgntr`). */
  readonly signedOn: IsoDate;
  /** A revoked mandate allows no further collection. */
  readonly status: "active" | "revoked";
  /** The account holder, the debtor's name in the file. */
  readonly debtorName: string;
}

/** What {@link directDebitCollectionOf} needs besides the invoice. */
export interface DirectDebitCollectionContext {
  /**
   * The earliest collection date the bank still accepts for a file sent now, computed by the
   * caller (the next TARGET2 business day after today, T2; P2: nothing here reads the clock).
   */
  readonly earliestCollectionDate: IsoDate;
}

/** `2026-12-02` as `02.12.2026`. */
function germanDate(date: IsoDate): string {
  const [year, month, day] = date.split("-");
  return `${day ?? ""}.${month ?? ""}.${year ?? ""}`;
}

// Where a problem of the built collection comes from: the field of the caller's input.
function sourcePath(path: readonly (string | number)[]): (string | number)[] {
  const [first, second] = path;
  if (first === "endToEndId" || first === "remittance") return ["invoice", "number"];
  if (first === "amount") return ["balance"];
  if (first === "collectionDate") return ["invoice", "dueDate"];
  if (first === "creditorId") return ["invoice", "paymentMeans", "creditorId"];
  if (first === "mandate") return ["mandate", second ?? "reference"];
  if (first === "debtor" && second === "iban") return ["invoice", "paymentMeans", "debtorIban"];
  if (first === "debtor") return ["mandate", "debtorName"];
  return [...path];
}

/**
 * The collection of an issued direct-debit invoice (C8) for a SEPA file, or why it cannot be
 * collected now. T7: the invoice is collected on its due date, the collection date its mail
 * pre-notified. A due date before `context.earliestCollectionDate` is not moved to a later day:
 * collecting on another day than pre-notified needs a new pre-notification, so the collection is
 * refused. What is collected is the open amount (`balance`: amount due − standing payments −
 * finalized credit notes, or an `InvoiceBalance` whose `open` is used), never more.
 *
 * The collection: `endToEndId` the invoice number, `collectionDate` the due date, `sequenceType`
 * `RCUR`, `creditorId` and the debtor's IBAN as the invoice names them (what was pre-notified),
 * the mandate's reference and signing date, the mandate's `debtorName` as the debtor, remittance
 * `Rechnung <number> vom <DD.MM.YYYY>`.
 *
 * Errors (code, path), all that apply:
 * - `DIRECT_DEBIT_NOT_DIRECT_DEBIT` at `invoice.paymentMeans`: paid by credit transfer (alone)
 * - `DIRECT_DEBIT_NOTHING_OPEN` at `balance`: the open amount is zero or less
 * - `DIRECT_DEBIT_CURRENCY` at `balance.currency`: not EUR
 * - `DIRECT_DEBIT_MANDATE_UNKNOWN` at `mandate`: no mandate, or one with another reference than
 *   the invoice's (compared case-insensitively)
 * - `DIRECT_DEBIT_MANDATE_REVOKED` at `mandate.status`
 * - `DIRECT_DEBIT_COLLECTION_DATE_PASSED` at `invoice.dueDate`: before the earliest collection
 *   date; the message names both dates (T7). Due on the earliest collection date is collected.
 * - `INVALID_INPUT` at `context.earliestCollectionDate` (not a date), or where a field breaks
 *   the SEPA rules of `directDebitCollectionSchema` (an invoice number outside the SEPA set at
 *   `invoice.number`, a debtor name with nothing left at `mandate.debtorName`, …)
 */
export function directDebitCollectionOf(
  invoice: DirectDebitInvoice,
  balance: Money | InvoiceBalance,
  mandate: DirectDebitMandate | undefined,
  context: DirectDebitCollectionContext,
): Result<DirectDebitCollection> {
  if (!isoDateSchema.safeParse(context.earliestCollectionDate).success) {
    return failure([
      issue("INVALID_INPUT", `${JSON.stringify(context.earliestCollectionDate)} is not a calendar date`, ["context", "earliestCollectionDate"]),
    ]);
  }
  const means = invoice.paymentMeans;
  if (means.kind !== "sepa-direct-debit") {
    return failure([
      issue("DIRECT_DEBIT_NOT_DIRECT_DEBIT", `Invoice ${invoice.number} is paid by credit transfer, not collected by direct debit (C8)`, [
        "invoice",
        "paymentMeans",
      ]),
    ]);
  }

  // Everything else is independent: report all of it at once.
  const errors: InvoicingIssue[] = [];
  const open = "open" in balance ? balance.open : balance;
  if (!open.isPositive()) {
    errors.push(issue("DIRECT_DEBIT_NOTHING_OPEN", `Nothing of invoice ${invoice.number} is open (${open.toFixed()} ${open.currency})`, ["balance"]));
  }
  if (open.currency !== "EUR") {
    errors.push(
      issue("DIRECT_DEBIT_CURRENCY", `A SEPA direct debit collects EUR only; invoice ${invoice.number} is in ${open.currency}`, ["balance", "currency"]),
    );
  }
  if (mandate?.reference.toUpperCase() !== means.mandateReference.toUpperCase()) {
    errors.push(
      issue(
        "DIRECT_DEBIT_MANDATE_UNKNOWN",
        mandate === undefined
          ? `No mandate ${means.mandateReference} is on record for invoice ${invoice.number}`
          : `Invoice ${invoice.number} is collected under mandate ${means.mandateReference}, not ${mandate.reference}`,
        ["mandate"],
      ),
    );
  } else if (mandate.status === "revoked") {
    errors.push(issue("DIRECT_DEBIT_MANDATE_REVOKED", `Mandate ${mandate.reference} is revoked: nothing more is collected under it`, ["mandate", "status"]));
  }
  if (invoice.dueDate < context.earliestCollectionDate) {
    errors.push(
      issue(
        "DIRECT_DEBIT_COLLECTION_DATE_PASSED",
        `Invoice ${invoice.number} was pre-notified for collection on ${invoice.dueDate}, before the earliest collection date ` +
          `${context.earliestCollectionDate}: collecting it on a later day needs a new pre-notification (T7)`,
        ["invoice", "dueDate"],
      ),
    );
  }
  if (errors.length > 0 || mandate === undefined) return failure(errors);

  const collection: DirectDebitCollectionInput = {
    endToEndId: invoice.number,
    // Two decimals (1190.00); an amount below the cent stays as it is and is refused at `balance`.
    amount: { amount: open.isRounded() ? open.toFixed() : open.toString(), currency: open.currency },
    collectionDate: invoice.dueDate,
    sequenceType: "RCUR",
    creditorId: means.creditorId,
    mandate: { reference: mandate.reference, signedOn: mandate.signedOn },
    debtor: { name: mandate.debtorName, iban: means.debtorIban },
    remittance: `Rechnung ${invoice.number} vom ${germanDate(invoice.issueDate)}`,
  };
  const parsed = directDebitCollectionSchema.safeParse(collection);
  if (!parsed.success) {
    return failure(issuesFromZod(parsed.error).map((problem) => issue(problem.code, problem.message, sourcePath(problem.path))));
  }
  return success(Object.freeze(parsed.data));
}
