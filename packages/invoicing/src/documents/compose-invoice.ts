import { Money, MoneyError } from "@kontor/money";
import type { PaymentTermsPolicy } from "@kontor/terms";
import { DateTime } from "luxon";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { calculateInvoiceTotals } from "../totals/calculate-invoice-totals.js";
import { deepFreeze } from "./deep-freeze.js";
import { policyNetDays, resolveDueDate } from "./due-date.js";
import type { DraftInvoice } from "./invoice-document.js";
import { invoiceInputSchema, type InvoiceInput, type ParsedInvoiceInput } from "./invoice-input.js";
import { DEFAULT_UNIT_CODES, type InvoiceLine } from "./invoice-line.js";
import { checkInvoiceRules } from "./invoice-rules.js";
import { linePeriod } from "./line-period.js";

/** Options of {@link composeInvoice} and {@link composeParsedInvoice}. */
export interface ComposeInvoiceOptions {
  /**
   * The payment-terms policy history the due date is computed under (RULES.md P1, T1): pass an
   * installation's own (`@kontor/terms`' `TermsPolicySet.paymentTerms`) so invoices follow the
   * policies it loaded. A version must be in force on the issue date (else
   * `PAYMENT_TERMS_INVALID`); when the input's payment terms give neither `netDays` nor a
   * `dueDate`, the net days are that version's on-invoice net days instead of 30, and the
   * draft's `source` records them with `netDaysFromPolicy: true` (so a draft re-dated with
   * this option takes them from the version in force on its new date). Default:
   * `@kontor/terms`' shipped policy, as before.
   */
  readonly paymentTermsPolicies?: readonly PaymentTermsPolicy[];
}

/**
 * Composes a draft invoice, credit note or correction invoice from typed lines: validates the
 * input against {@link invoiceInputSchema} and the legal rules (§14 UStG content, T3 reverse
 * charge VAT IDs, EN 16931 category rules), rounds every line to the cent, computes the T5
 * totals and VAT breakdown and the due date (`@kontor/terms`, §193 BGB) under
 * `options.paymentTermsPolicies` ({@link ComposeInvoiceOptions}).
 *
 * The draft has no number; {@link finalizeInvoice} numbers it and makes it immutable.
 */
export function composeInvoice(input: InvoiceInput, options: ComposeInvoiceOptions = {}): Result<DraftInvoice> {
  const parsed = invoiceInputSchema.safeParse(input);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  if (options.paymentTermsPolicies === undefined || input.paymentTerms?.netDays !== undefined || input.paymentTerms?.dueDate !== undefined) {
    return composeParsedInvoice(parsed.data, options);
  }
  // P1: net days left open are the installation's policy's (composeParsedInvoice takes them from
  // the version in force on the issue date); the source records them and where they came from.
  return composeParsedInvoice({ ...parsed.data, paymentTerms: { ...parsed.data.paymentTerms, netDaysFromPolicy: true } }, options);
}

/**
 * The source with the net days of the payment-terms policy in force on its issue date when its
 * net days are the policy's (`netDaysFromPolicy`) and `policies` are given (P1, T1); else as it is.
 * Written into the source, so the same source composes to the same due date without the option.
 */
function withPolicyNetDays(source: ParsedInvoiceInput, policies: ComposeInvoiceOptions["paymentTermsPolicies"]): Result<ParsedInvoiceInput> {
  if (policies === undefined || source.paymentTerms.netDaysFromPolicy !== true) return success(source);
  const netDays = policyNetDays(source.issueDate, policies);
  if (!netDays.ok) return failure(netDays.errors);
  return success({ ...source, paymentTerms: { ...source.paymentTerms, netDays: netDays.value } });
}

/** {@link composeInvoice} for input that already passed the schema (its net days are set). */
export function composeParsedInvoice(parsedSource: ParsedInvoiceInput, options: ComposeInvoiceOptions = {}): Result<DraftInvoice> {
  const resolved = withPolicyNetDays(parsedSource, options.paymentTermsPolicies);
  if (!resolved.ok) return failure(resolved.errors);
  const source = resolved.value;
  const errors: InvoicingIssue[] = checkInvoiceRules(source);
  if (errors.length > 0) return failure(errors);
  try {
    const priced = source.lines.map((line) => ({ ...line, unitPrice: Money.fromJSON(line.unitPrice) }));
    const prepaidAmount =
      source.prepaidAmount === undefined ? Money.zero(source.currency) : Money.fromJSON(source.prepaidAmount);
    // T5 via @kontor/terms: line nets rounded half-up to the cent, tax per category and rate.
    const calculated = calculateInvoiceTotals(priced, source.currency, prepaidAmount);
    if (!calculated.ok) return failure(calculated.errors);
    const { lineNets, totals } = calculated.value;
    const lines = priced.map((line, index): InvoiceLine => {
      const parsedLine = source.lines[index];
      const period = parsedLine === undefined ? undefined : linePeriod(parsedLine);
      return {
        ...line,
        ...(period === undefined ? {} : { period }),
        id: line.id ?? String(index + 1),
        unitCode: line.unitCode ?? DEFAULT_UNIT_CODES[line.kind],
        netAmount: lineNets[index] ?? Money.zero(source.currency),
      };
    });
    const dueDate = resolveDueDate(source.issueDate, source.paymentTerms, options.paymentTermsPolicies);
    if (!dueDate.ok) return failure(dueDate.errors);
    const description =
      source.paymentTerms.description ?? defaultTermsDescription(source.type, dueDate.value);
    const draft: DraftInvoice = {
      ...source,
      status: "draft",
      number: null,
      lines,
      prepaidAmount,
      paymentTerms: { ...source.paymentTerms, dueDate: dueDate.value, description },
      totals,
      source,
    };
    return success(deepFreeze(draft));
  } catch (error) {
    // Money refuses amounts that do not fit; report them as values, never throw (conventions).
    if (error instanceof MoneyError) return failure([issue("INVALID_INPUT", error.message, [...error.path])]);
    throw error;
  }
}

function defaultTermsDescription(type: DraftInvoice["type"], dueDate: string): string {
  const date = DateTime.fromISO(dueDate, { zone: "UTC" }).toFormat("dd.MM.yyyy");
  return type === "credit-note"
    ? `Der Betrag wird bis zum ${date} erstattet.`
    : `Zahlbar ohne Abzug bis zum ${date}.`;
}
