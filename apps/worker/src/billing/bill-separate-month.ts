import { randomUUID } from "node:crypto";
import { finalizeInvoiceInTransaction, installationTermsPolicies, toStoredDocument, type StoredInvoiceDocument } from "@kontor/api";
import { findInvoiceBySourceKey, findInvoicePdf, insertInvoiceDraftForSource, maskedIban, openActiveSepaMandate, type KontorTransaction } from "@kontor/db";
import { composeInvoice, unwrap } from "@kontor/invoicing";
import { formatMoney, Money } from "@kontor/money";
import type { SepaPolicy } from "@kontor/terms";
import { DateTime } from "luxon";
import { sendMailOnce } from "../mail-out/send-mail-once.js";
import type { WorkerContext } from "../worker-context.js";
import { contingentInvoiceSourceKey, invoiceMailKey } from "./bill-contract-month.js";
import { billingRecipientOf } from "./billing-customer.js";
import { germanMonthName } from "./billing-month-name.js";
import type { BillingSettings } from "./billing-settings.js";
import { loadClosedContractMonth, type ClosedContractMonth } from "./closed-contract-month.js";
import { germanDate, isSeparatelyBilled, sepaCollectionDate, separateMonthInvoiceInput, type SeparatelyBilledContract, type SeparateMonthPayment } from "./separate-month-invoice.js";
import { issueDateOf } from "./service-report-input.js";

/** What billing a separately billed month found or did. */
export interface SeparateMonthBilling {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  /** How the invoice is paid: `direct-debit` (C8) or the `credit-transfer` fallback. */
  readonly payment: SeparateMonthPayment["kind"];
  /** Whether the invoice mail (for a direct debit: the T7 pre-notification) went out now. */
  readonly invoiceMailed: boolean;
}

/**
 * How the month is paid (C8, T7): by SEPA direct debit under the customer's latest signed active
 * mandate with the installation's creditor ID, collected on the earliest day T7 allows after the
 * pre-notification with the mandate's agreed period. The pre-notification is the invoice mail,
 * sent in this handling: so the period counts from the issue date or, when the event is handled
 * after the day of the close (a worker outage, retries), from today in the contract's zone —
 * never from a day already past.
 *
 * Without an active mandate or without a creditor ID the customer still gets the month's
 * invoice, by credit transfer with the installation's net days (T1), and a warning is logged
 * for the back office: not billing at all would leave the month unpaid unnoticed (the gap this
 * handler closes), and a direct debit without a mandate is not allowed.
 *
 * `sepaPolicies` is the installation's SEPA history (P1): the version in force on the
 * notification day gives the period when the mandate agreed no shorter one, the shortest period
 * that may be agreed, and the collection calendar (T7).
 */
async function paymentOf(
  tx: KontorTransaction,
  context: WorkerContext,
  settings: BillingSettings,
  month: ClosedContractMonth,
  sepaPolicies: readonly SepaPolicy[],
): Promise<SeparateMonthPayment> {
  const { closed, organizationId } = month;
  const issueDate = issueDateOf(closed);
  const mandate = await openActiveSepaMandate(tx, organizationId, issueDate);
  const creditorId = settings.sepaCreditorId;
  if (mandate === undefined || creditorId === undefined) {
    const reason = mandate === undefined ? "the customer has no active SEPA mandate" : "the billing settings have no sepaCreditorId";
    context.logger.warn(
      { contractId: closed.contractId, month: closed.month, organizationId, reason },
      `C8: ${closed.month} of contract ${closed.contractId} is billed by credit transfer, not direct debit: ${reason}`,
    );
    return { kind: "credit-transfer" };
  }
  // P2: "today" is the contract's calendar day at the handler's instant, never the machine's.
  const today = DateTime.fromJSDate(context.clock.now(), { zone: closed.zone }).toISODate();
  if (today === null) throw new Error(`Invalid zone ${closed.zone} of contract ${closed.contractId}`);
  const notifiedOn = today > issueDate ? today : issueDate;
  return {
    kind: "direct-debit",
    mandateReference: mandate.mandateReference,
    creditorId,
    debtorIban: mandate.debtorIban,
    // T7: at least the agreed days (else the policy's) between the pre-notification (this mail) and the collection.
    collectionDate: sepaCollectionDate(notifiedOn, mandate.preNotificationDays ?? undefined, sepaPolicies),
  };
}

/** The contract of a separately billed month, as stored; a month close of another kind is a broken invariant. */
function separatelyBilledContract(month: ClosedContractMonth): SeparatelyBilledContract {
  const { contract } = month;
  if (!isSeparatelyBilled(contract)) throw new Error(`Contract ${contract.id} is a ${contract.kind} contract, not billed separately (C8)`);
  return contract;
}

/** The invoice mail's text: for a direct debit, the T7 pre-notification with amount, date, account, mandate and creditor ID. */
function mailText(document: StoredInvoiceDocument, number: string, lineText: string, contractId: string, seller: string): string {
  const means = document.source.paymentMeans;
  const amount = formatMoney(Money.fromJSON(document.totals.amountDue));
  const payment =
    means.kind === "sepa-direct-debit"
      ? [
          `Vorabankündigung (Pre-Notification): Den Rechnungsbetrag von ${amount} ziehen wir am ${germanDate(document.paymentTerms.dueDate)} per SEPA-Lastschrift von Ihrem Konto ${maskedIban(means.debtorIban)} ein`,
          `(Mandatsreferenz ${means.mandateReference}, Gläubiger-ID ${means.creditorId}). Bitte sorgen Sie für ausreichende Deckung und überweisen Sie den Betrag nicht.`,
        ]
      : [`Bitte überweisen Sie ${amount} bis zum ${germanDate(document.paymentTerms.dueDate)} unter Angabe der Rechnungsnummer ${number}.`];
  return ["Guten Tag,", "", `anbei erhalten Sie die Rechnung ${number} für ${lineText} (Vertrag ${contractId}).`, ...payment, "", "Mit freundlichen Grüßen", seller].join("\n");
}

/**
 * Bills a closed rental or hosting month (C8: billed separately by direct debit) in the
 * caller's transaction, idempotently at every step:
 * 1. the invoice is composed with one line for the contract's monthly price and the payment of
 *    {@link paymentOf}, under the installation's terms policies (P1), and inserted under the
 *    source key `contingent:<contract>:<month>` (the same key as every contract month's
 *    invoice: one invoice per contract and month, ever; a retry finds it instead of composing
 *    another);
 * 2. a draft is finalized with the next gap-free number, PDF/A-3 and XML (in this transaction);
 * 3. the invoice PDF is mailed once (`invoice-mail:<invoiceId>`) to the billing recipient. For a
 *    direct debit this mail is the T7 pre-notification: it goes out in the same handling that
 *    fixed the collection date, at least the agreed days before it.
 */
export async function billSeparateMonth(
  tx: KontorTransaction,
  context: WorkerContext,
  settings: BillingSettings,
  contractId: string,
  month: string,
  outboxId?: number,
): Promise<SeparateMonthBilling> {
  const closedMonth = await loadClosedContractMonth(tx, contractId, month);
  const { closed, organizationId, organization } = closedMonth;
  if (closed.invoice.presentation !== "separate-direct-debit") {
    throw new Error(`${month} of contract ${contractId} is presented as ${closed.invoice.presentation}, not billed separately (C8)`);
  }
  const now = context.clock.now();
  const sourceKey = contingentInvoiceSourceKey(contractId, month);
  let invoice = await findInvoiceBySourceKey(tx, sourceKey);
  if (invoice === undefined) {
    const contract = separatelyBilledContract(closedMonth);
    // P1: the installation's terms policies, read once for this month's invoice (SEPA date T7,
    // VAT T3, due date T1); a stored set that no longer parses fails the event, not the defaults.
    const policies = await installationTermsPolicies(tx);
    const payment = await paymentOf(tx, context, settings, closedMonth, policies.sepa);
    const draft = unwrap(composeInvoice(separateMonthInvoiceInput(closedMonth, contract, settings, payment, policies), { paymentTermsPolicies: policies.paymentTerms }));
    invoice = await insertInvoiceDraftForSource(tx, sourceKey, { id: randomUUID(), organizationId, type: draft.type, document: toStoredDocument(draft) }, now);
  }
  if (invoice.status === "draft") invoice = await finalizeInvoiceInTransaction(tx, invoice.id, now);
  const number = invoice.number;
  const pdf = await findInvoicePdf(tx, invoice.id);
  if (number === null || pdf === null || pdf === undefined) throw new Error(`Invoice ${invoice.id} for ${sourceKey} is finalized without number or PDF`);
  // The stored document, not a decision taken again: a redelivery describes the invoice that exists.
  const document = invoice.document as StoredInvoiceDocument;
  const lineText = document.lines[0]?.description ?? germanMonthName(month);
  const directDebit = document.source.paymentMeans.kind === "sepa-direct-debit";
  const invoiceMailed = await sendMailOnce(
    tx,
    context,
    {
      dedupeKey: invoiceMailKey(invoice.id),
      from: { address: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
      to: [billingRecipientOf(organization)],
      subject: directDebit ? `Rechnung ${number} – ${lineText} – Vorabankündigung SEPA-Lastschrift` : `Rechnung ${number} – ${lineText}`,
      text: mailText(document, number, lineText, contractId, document.seller.name),
      headers: {},
      attachments: [{ filename: `${number}.pdf`, contentType: "application/pdf", content: pdf }],
    },
    outboxId,
  );
  return { invoiceId: invoice.id, invoiceNumber: number, payment: directDebit ? "direct-debit" : "credit-transfer", invoiceMailed };
}
