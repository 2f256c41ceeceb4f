import { firstDayOf, lastDayOf, type Contract, type ContractOf } from "@kontor/contingent";
import type { InvoiceInput, PaymentMeansInput, PaymentTermsInput } from "@kontor/invoicing";
import { DEFAULT_SEPA_POLICIES, earliestSepaCollection, type SepaPolicy, type TermsPolicySet } from "@kontor/terms";
import { DateTime } from "luxon";
import { germanMonthName } from "./billing-month-name.js";
import { billingPartyOf } from "./billing-party.js";
import type { BillingSettings } from "./billing-settings.js";
import type { ClosedContractMonth } from "./closed-contract-month.js";
import { customerServiceVat } from "./customer-service-vat.js";
import { issueDateOf } from "./service-report-input.js";

/** A contract whose months are billed separately, by direct debit where possible (C8). */
export type SeparatelyBilledContract = ContractOf<"rental-flat-rate"> | ContractOf<"data-center-hosting">;

/** Whether a stored contract is billed separately (C8: rental flat rate and data-center hosting). */
export function isSeparatelyBilled(contract: Contract): contract is SeparatelyBilledContract {
  return contract.kind === "rental-flat-rate" || contract.kind === "data-center-hosting";
}

/**
 * The text of a separately billed month's one invoice line (BT-153):
 * `Mietpauschale November 2026` for a rental flat rate (C1: all IT rented for one monthly
 * price), `Rechenzentrums-Hosting November 2026 (TERRA CLOUD Hüllhorst)` for hosting.
 */
export function separateMonthLineDescription(contract: SeparatelyBilledContract, month: string): string {
  const monthName = germanMonthName(month);
  return contract.kind === "rental-flat-rate" ? `Mietpauschale ${monthName}` : `Rechenzentrums-Hosting ${monthName} (${contract.dataCenter})`;
}

/** A date as German customers read it: `2026-12-15` → `15.12.2026`. */
export function germanDate(isoDate: string): string {
  // A calendar day has no instant; UTC only anchors it, the text is the same anywhere (P2).
  const date = DateTime.fromISO(isoDate, { zone: "UTC" });
  if (!date.isValid) throw new Error(`Invalid date ${isoDate}`);
  return date.toFormat("dd.MM.yyyy");
}

/**
 * T7: the earliest day a SEPA direct debit pre-notified on `notifiedOn` may be collected: the
 * agreed period (`agreedDays`, 1–14 calendar days; without one the policy's period) later, moved
 * to the next business day of the policy's collection calendar (TARGET2) when that day is none
 * (`@kontor/terms`' `earliestSepaCollection`, policy in force on the day). `policies` is the
 * SEPA history it runs under (P1): billing passes the installation's (`TermsPolicySet.sepa`);
 * the shipped T7 policy otherwise.
 */
export function sepaCollectionDate(notifiedOn: string, agreedDays: number | undefined, policies: readonly SepaPolicy[] = DEFAULT_SEPA_POLICIES): string {
  const schedule = earliestSepaCollection({ notifiedOn, ...(agreedDays === undefined ? {} : { agreedDays }) }, { policies });
  if (!schedule.ok) throw new Error(`No SEPA collection date for ${notifiedOn}: ${schedule.errors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
  return schedule.value.debitDate;
}

/** How a separately billed month is paid. */
export type SeparateMonthPayment =
  | {
      /** C8: collected by SEPA direct debit under the customer's mandate (EN 16931 code 59). */
      readonly kind: "direct-debit";
      readonly mandateReference: string;
      readonly creditorId: string;
      /** The debited IBAN (BT-91), electronic form. */
      readonly debtorIban: string;
      /** T7: the collection date, printed as due date; the invoice mail is the pre-notification. */
      readonly collectionDate: string;
    }
  | {
      /** No active mandate or no creditor ID: credit transfer with the installation's net days (T1). */
      readonly kind: "credit-transfer";
    };

/**
 * The invoice of a separately billed month (C8): one `rental-month` line for the contract's
 * monthly price (unit MON, the month as line and supply period) with the VAT of T3 on the
 * month's last day, the contract's billing party as buyer (O1: the organization, addressed to
 * the branch the contract serves when branches are billed separately; billed centrally, a note
 * names the branch) and the installation as seller, issued on the day of the close in the
 * contract's zone. Paid by direct debit: due on the collection date, with the mandate and
 * creditor ID (BT-89, BT-90, BT-91) and a payment-terms text that says so; else by credit
 * transfer net `settings.netDays` in the customer's holiday calendar (T1, §193 BGB). The VAT is
 * determined by the billing party's address (T3) under the installation's terms `policies` (P1).
 * `contract` is `closedMonth.contract`, known to be billed separately. Pure: the same inputs give
 * the same invoice.
 */
export function separateMonthInvoiceInput(
  closedMonth: ClosedContractMonth,
  contract: SeparatelyBilledContract,
  settings: BillingSettings,
  payment: SeparateMonthPayment,
  policies: TermsPolicySet,
): InvoiceInput {
  const { closed, organization } = closedMonth;
  const month = closed.month;
  const period = { start: firstDayOf(month), end: lastDayOf(month) };
  const party = billingPartyOf(organization, contract);
  // T3: the tax point of a month's service is its last day.
  const vat = customerServiceVat(party, settings, period.end, closed.zone, policies);
  let paymentMeans: PaymentMeansInput;
  let paymentTerms: PaymentTermsInput;
  if (payment.kind === "direct-debit") {
    paymentMeans = { kind: "sepa-direct-debit", mandateReference: payment.mandateReference, creditorId: payment.creditorId, debtorIban: payment.debtorIban };
    paymentTerms = {
      dueDate: payment.collectionDate,
      calendar: organization.calendarId,
      // T7: the invoice carries the collection date, so its mail is the pre-notification.
      description: `Der Rechnungsbetrag wird am ${germanDate(payment.collectionDate)} per SEPA-Lastschrift eingezogen; diese Rechnung ist die Vorabankündigung (Pre-Notification). Bitte nicht überweisen.`,
    };
  } else {
    paymentMeans = settings.paymentMeans;
    paymentTerms = { netDays: settings.netDays, calendar: organization.calendarId };
  }
  return {
    type: "invoice",
    issueDate: issueDateOf(closed),
    currency: closed.currency,
    seller: settings.seller,
    buyer: party.buyer,
    buyerReference: `${closed.contractId}-${month}`,
    contractReference: closed.contractId,
    supplyPeriod: period,
    paymentTerms,
    paymentMeans,
    notes: [...party.notes],
    lines: [
      {
        kind: "rental-month",
        description: separateMonthLineDescription(contract, month),
        quantity: "1",
        unitCode: "MON",
        unitPrice: { amount: contract.monthlyPrice, currency: closed.currency },
        vat,
        period,
        contractId: closed.contractId,
        month,
      },
    ],
  };
}
