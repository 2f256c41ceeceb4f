import { inForce } from "@kontor/terms";
import { nextBusinessDay } from "@kontor/calendar";
import { findSepaMandatesByReference, listDirectDebitCandidates, type DirectDebitCandidateRow, type Executor } from "@kontor/db";
import { directDebitCollectionOf, paymentMeansSchema, type DirectDebitCollection } from "@kontor/invoicing";
import { Money } from "@kontor/money";
import { installationTermsPolicies } from "../installation-policies/domains/terms-policy-domain.js";

/** The most collections one file takes; the rest wait for the next file. */
export const MAX_COLLECTIONS_PER_FILE = 5_000;

/** An invoice of the file with the collection built for it. */
export interface PlannedCollection {
  readonly candidate: DirectDebitCandidateRow;
  readonly collection: DirectDebitCollection;
}

/** An invoice due for collection that the file leaves out, and why. */
export interface SkippedCollection {
  readonly candidate: DirectDebitCandidateRow;
  readonly code: string;
  readonly message: string;
}

/** What a file created today would collect. */
export interface DirectDebitPlan {
  readonly earliestCollectionDate: string;
  readonly planned: readonly PlannedCollection[];
  readonly skipped: readonly SkippedCollection[];
}

/**
 * The collections of a file handed to the bank today (C8, T7): every finalized direct-debit
 * invoice with an open amount and no pending collection, due up to `collectUntil`, checked with
 * `directDebitCollectionOf`. The earliest collection date is the next business day of the SEPA
 * policy's collection calendar (TARGET2) after today; an invoice pre-notified for an earlier day
 * is skipped, not moved (T7). Two queries, whatever the number of invoices.
 */
export async function planDirectDebits(executor: Executor, today: string, collectUntil: string | undefined): Promise<DirectDebitPlan> {
  const { sepa } = await installationTermsPolicies(executor);
  const earliestCollectionDate = nextBusinessDay(today, inForce(sepa, today)?.collectionCalendar ?? "TARGET2");
  const candidates = await listDirectDebitCandidates(executor, { collectUntil, limit: MAX_COLLECTIONS_PER_FILE });
  const mandates = await findSepaMandatesByReference(executor, [...new Set(candidates.map((candidate) => candidate.paymentMeans.mandateReference))]);
  const planned: PlannedCollection[] = [];
  const skipped: SkippedCollection[] = [];
  for (const candidate of candidates) {
    const mandate = mandates.get(candidate.paymentMeans.mandateReference.toUpperCase());
    const result = directDebitCollectionOf(
      { number: candidate.number, issueDate: candidate.issueDate, dueDate: candidate.dueDate, paymentMeans: paymentMeansSchema.parse(candidate.paymentMeans) },
      Money.of(candidate.open, candidate.currency),
      mandate === undefined ? undefined : { reference: mandate.mandateReference, signedOn: mandate.signedOn, status: mandate.status, debtorName: mandate.debtorName },
      { earliestCollectionDate },
    );
    if (result.ok) planned.push({ candidate, collection: result.value });
    else {
      const first = result.errors[0];
      skipped.push({ candidate, code: first?.code ?? "INVALID_INPUT", message: result.errors.map((error) => error.message).join("; ") });
    }
  }
  return { earliestCollectionDate, planned, skipped };
}
