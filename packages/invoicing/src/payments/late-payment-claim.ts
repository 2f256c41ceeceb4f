import { Money } from "@kontor/money";
import { latePaymentInterest, type LatePaymentInterest, type LatePaymentPolicy } from "@kontor/terms";
import { deepFreeze } from "../documents/deep-freeze.js";
import { isoDateSchema, type IsoDate } from "../documents/iso-date.js";
import { issue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { plusDays } from "./calendar-days.js";
import type { InvoiceCredit } from "./invoice-credit.js";
import { entriesUpTo, ledgerIssues } from "./ledger.js";
import type { PayableInvoice } from "./payable-invoice.js";
import type { RecordedPayment } from "./recorded-payment.js";

/** Days with one outstanding principal, both ends counted, and the T6 interest on it. */
export interface LatePaymentSegment {
  readonly from: IsoDate;
  readonly until: IsoDate;
  /** What was still owed on each day of the segment. */
  readonly principal: Money;
  /** `latePaymentInterest` of `@kontor/terms`: split at base-rate changes, rounded per part. */
  readonly interest: LatePaymentInterest;
}

/** The T6 claim for late payment of one invoice up to a day (RULES.md T6, §§ 286, 288 BGB). */
export interface LatePaymentClaim {
  readonly rule: "T6";
  readonly invoiceNumber: string;
  readonly dueDate: IsoDate;
  readonly asOf: IsoDate;
  /** In date order, without gaps, from the day after the due date. */
  readonly segments: readonly LatePaymentSegment[];
  /** Sum of the segments' rounded interest, in the invoice's currency. */
  readonly interest: Money;
  /** The flat fee of §288 (5) BGB (40 EUR) for a business debtor, once per invoice; `null` for a consumer. */
  readonly flatFee: Money | null;
  readonly debtor: "business" | "consumer";
}

/** Options of {@link latePaymentClaim}. */
export interface LatePaymentClaimOptions {
  /** Late-payment policy history (P1); default `DEFAULT_LATE_PAYMENT_POLICIES` of `@kontor/terms`. */
  readonly policies?: readonly LatePaymentPolicy[];
  /** `business` (default): base rate + 9 points and the flat fee; `consumer`: + 5 points, no fee. */
  readonly debtor?: "business" | "consumer";
}

/**
 * The T6 claim for late payment of `invoice` up to `asOf` (both counted), or `ok(null)` when
 * nothing was open on any day after the due date up to `asOf`.
 *
 * Default starts the day after the due date without a reminder (§286 (2) Nr. 1 BGB: the due
 * date is fixed by the calendar). The principal changes with each payment or credit after the
 * due date: a segment runs up to and including the day of the change at the principal before
 * it (the day the money arrives still counts, as `latePaymentInterest`'s `until`), the next
 * starts the day after at the lower principal; the last runs up to `asOf` while anything is
 * open. Payments and credits on or before the due date only lower the starting principal;
 * those after `asOf` have not happened yet.
 *
 * Reversed payments (`reversal` set) are left out entirely: the interest runs as if the money had
 * never come, from the day after the due date through the days the payment seemed to stand.
 * Erfüllung (§362 (1) BGB) did not occur: a cheque is taken only erfüllungshalber and discharges
 * the debt only once it is honoured (§364 (2) BGB); a returned direct debit gave the money back
 * to the debtor (§675x BGB); a payment recorded in error was never made for this invoice. Without
 * Erfüllung the default (§286 BGB) never ended, so §288 BGB interest is owed for every day. Interest per segment comes from
 * `latePaymentInterest` of `@kontor/terms` with `options.policies`; the flat fee is owed once
 * per invoice, not per segment.
 *
 * Errors: `INVALID_INPUT` at `asOf`; `PAYMENT_CURRENCY_MISMATCH` / `PAYMENT_NOT_POSITIVE` at
 * `payments.<n>` or `credits.<n>` for stored entries that cannot be summed; `T6_BASE_RATE_UNKNOWN`
 * at `options.policies` when no policy or base rate is in force for a day of the claim.
 */
export function latePaymentClaim(
  invoice: PayableInvoice,
  payments: readonly RecordedPayment[],
  credits: readonly InvoiceCredit[],
  asOf: IsoDate,
  options: LatePaymentClaimOptions = {},
): Result<LatePaymentClaim | null> {
  if (!isoDateSchema.safeParse(asOf).success) {
    return failure([issue("INVALID_INPUT", `asOf ${JSON.stringify(asOf)} is not a calendar date`, ["asOf"])]);
  }
  const stored = ledgerIssues(invoice, payments, credits);
  if (stored.length > 0) return failure(stored);
  if (asOf <= invoice.dueDate) return success(null);

  const debtor = options.debtor ?? "business";
  const currency = invoice.amountDue.currency;
  const zero = Money.zero(currency);
  const entries = entriesUpTo(payments, credits, asOf);

  // What was owed when default began: everything paid or credited by the due date is off.
  let principal = invoice.amountDue;
  for (const entry of entries) if (entry.on <= invoice.dueDate) principal = principal.subtract(entry.amount);
  principal = Money.max(principal, zero);

  // One change per day after the due date: several payments on one day are one change.
  const changes = new Map<IsoDate, Money>();
  for (const entry of entries) {
    if (entry.on > invoice.dueDate) changes.set(entry.on, (changes.get(entry.on) ?? zero).add(entry.amount));
  }

  const spans: { from: IsoDate; until: IsoDate; principal: Money }[] = [];
  let from = plusDays(invoice.dueDate, 1);
  for (const [day, amount] of changes) {
    if (!principal.isPositive()) break;
    if (amount.isZero()) continue;
    spans.push({ from, until: day, principal });
    principal = Money.max(principal.subtract(amount), zero);
    from = plusDays(day, 1);
  }
  if (principal.isPositive() && from <= asOf) spans.push({ from, until: asOf, principal });
  if (spans.length === 0) return success(null);

  const segments: LatePaymentSegment[] = [];
  for (const span of spans) {
    const interest = latePaymentInterest(
      { principal: span.principal, from: span.from, until: span.until, debtor },
      options.policies === undefined ? {} : { policies: options.policies },
    );
    if (!interest.ok) {
      return failure(
        interest.errors.map((error) =>
          issue("T6_BASE_RATE_UNKNOWN", `T6 interest for ${span.from} to ${span.until}: ${error.code}: ${error.message}`, ["options", "policies"]),
        ),
      );
    }
    segments.push({ ...span, interest: interest.value });
  }
  const flatFee = debtor === "business" ? (segments[0]?.interest.flatFee ?? null) : null;
  return success(
    deepFreeze({
      rule: "T6" as const,
      invoiceNumber: invoice.number,
      dueDate: invoice.dueDate,
      asOf,
      segments,
      interest: Money.sum(
        segments.map((segment) => segment.interest.interest),
        currency,
      ),
      flatFee,
      debtor,
    }),
  );
}
