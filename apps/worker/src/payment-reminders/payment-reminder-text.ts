import type { IsoDate } from "@kontor/calendar";
import type { BillingSettings, InvoiceBalance, LatePaymentClaim, PayableInvoice } from "@kontor/invoicing";
import { decimal, formatMoney, type Money } from "@kontor/money";
import { germanDate } from "../billing/separate-month-invoice.js";
import { paymentReminderTitle, type PaymentReminderStage } from "./payment-reminder-schedule.js";

/** Subject and body of a payment reminder. */
export interface PaymentReminderText {
  readonly subject: string;
  readonly text: string;
}

/** What a payment reminder states, as of the day it is sent. */
export interface PaymentReminderFacts {
  readonly stage: PaymentReminderStage;
  readonly invoice: PayableInvoice;
  /** The balance on `asOf`. */
  readonly balance: InvoiceBalance;
  /** Stage 2: the T6 claim up to `asOf` (`null` at stage 1). */
  readonly claim: LatePaymentClaim | null;
  /** The local day the mail is sent. */
  readonly asOf: IsoDate;
  /** The installation's account and name (billing settings). */
  readonly settings: Pick<BillingSettings, "seller" | "paymentMeans">;
}

/** `de02120300000000202051` → `DE02 1203 0000 0000 2020 51`. */
function groupedIban(iban: string): string {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  return (compact.match(/.{1,4}/g) ?? [compact]).join(" ");
}

/** A decimal as German texts write it: `10.27` → `10,27`. */
function germanDecimal(value: string): string {
  return value.replace(".", ",");
}

function money(amount: Money): string {
  return formatMoney(amount, "de-DE");
}

/** Amount due, what was paid and credited, and what is open. */
function balanceLines(facts: PaymentReminderFacts): string[] {
  const { invoice, balance } = facts;
  return [
    `Rechnungsnummer: ${invoice.number}`,
    `Rechnungsdatum: ${germanDate(invoice.issueDate)}`,
    `Fällig am: ${germanDate(invoice.dueDate)}`,
    `Rechnungsbetrag: ${money(balance.amountDue)}`,
    `Bereits gezahlt: ${money(balance.paid)}`,
    `Gutgeschrieben: ${money(balance.credited)}`,
    `Offener Betrag: ${money(balance.open)}`,
  ];
}

/** How to pay: the open amount, to the installation's account, with the invoice number as reference. */
function paymentLines(facts: PaymentReminderFacts): string[] {
  const means = facts.settings.paymentMeans;
  const account = [
    means.accountName === undefined ? undefined : `Kontoinhaber: ${means.accountName}`,
    `IBAN: ${groupedIban(means.iban)}`,
    means.bic === undefined ? undefined : `BIC: ${means.bic}`,
  ].filter((line) => line !== undefined);
  return [
    `Bitte überweisen Sie den offenen Betrag von ${money(facts.balance.open)} unter Angabe der Rechnungsnummer ${facts.invoice.number} als Verwendungszweck auf unser Konto:`,
    ...account,
  ];
}

/** The points over the base rate (§ 288 Abs. 2 BGB: 9 for a business debtor), as the policy applied them. */
function surchargePoints(ratePercent: string, baseRatePercent: string): string {
  return germanDecimal(decimal(ratePercent).minus(decimal(baseRatePercent)).toFixed());
}

/** Stage 2: the T6 claim, interest per segment and rate period, total interest and flat fee. */
function claimLines(claim: LatePaymentClaim): string[] {
  const periods = claim.segments.flatMap((segment) =>
    segment.interest.periods.map(
      (period) =>
        `- ${germanDate(period.from)} bis ${germanDate(period.until)}: ${String(period.days)} Tage zu ${germanDecimal(period.ratePercent)} % p. a. ` +
        `(Basiszinssatz ${germanDecimal(period.baseRatePercent)} % + ${surchargePoints(period.ratePercent, period.baseRatePercent)} Prozentpunkte) ` +
        `auf ${money(segment.principal)} = ${money(period.interest)}`,
    ),
  );
  const fee = claim.flatFee === null ? [] : [`Verzugspauschale (§ 288 Abs. 5 BGB): ${money(claim.flatFee)}`];
  return [
    `Seit dem ${germanDate(claim.segments[0]?.from ?? claim.dueDate)} befinden Sie sich mit der Zahlung in Verzug (§ 286 Abs. 2 Nr. 1 BGB). Bis zum ${germanDate(claim.asOf)} stehen uns Verzugszinsen über dem Basiszinssatz (§ 288 Abs. 2 BGB) zu:`,
    ...periods,
    `Verzugszinsen gesamt: ${money(claim.interest)}`,
    ...fee,
    "Die Verzugszinsen laufen bis zum Eingang Ihrer Zahlung weiter.",
  ];
}

/**
 * Renders a payment reminder in German: stage 1 as "Zahlungserinnerung", stage 2 as "Mahnung"
 * with the T6 claim (interest per segment and rate period, total interest, Verzugspauschale).
 * Both show invoice number, issue and due date, amount due, what was paid and credited, the open
 * amount and how to pay it (the invoice number as reference).
 */
export function paymentReminderText(facts: PaymentReminderFacts): PaymentReminderText {
  const title = paymentReminderTitle(facts.stage);
  const subject = `${title}: Rechnung ${facts.invoice.number}`;
  const opening =
    facts.stage === 1
      ? `sicher ist es Ihrer Aufmerksamkeit entgangen: Unsere Rechnung ${facts.invoice.number} vom ${germanDate(facts.invoice.issueDate)} war am ${germanDate(facts.invoice.dueDate)} fällig und ist noch nicht vollständig bezahlt.`
      : `unsere Rechnung ${facts.invoice.number} vom ${germanDate(facts.invoice.issueDate)}, fällig am ${germanDate(facts.invoice.dueDate)}, ist trotz Fälligkeit noch nicht vollständig bezahlt. Wir mahnen hiermit den offenen Betrag an.`;
  const text = [
    "Guten Tag,",
    "",
    opening,
    "",
    `Stand ${germanDate(facts.asOf)}:`,
    ...balanceLines(facts),
    "",
    ...(facts.claim === null ? [] : [...claimLines(facts.claim), ""]),
    ...paymentLines(facts),
    "",
    "Sollten Sie die Zahlung inzwischen veranlasst haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.",
    "",
    "Mit freundlichen Grüßen",
    facts.settings.seller.name,
  ].join("\n");
  return { subject, text };
}
