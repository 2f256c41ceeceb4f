import { Money } from "@kontor/money";
import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor, KontorTransaction } from "../connection/database.js";
import { toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { directDebitBatches, directDebitCollections } from "../schema/direct-debits.js";
import { invoicePayments } from "../schema/invoicing.js";
import { openSecret, sealSecret } from "../security/secret-seal.js";
import { columnsWithout } from "./columns-without.js";
import {
  decimalString,
  invoiceDueDate,
  invoiceOpenAmountOf,
  openAmountFields,
  openAmountOfCandidate,
  payableInvoicesWithOpenAmount,
  type InvoiceOpenAmount,
} from "./open-amount.js";

/** SEPA collects euros only (a table CHECK on both tables). */
const EURO = "EUR";

/**
 * A stored direct debit file (C8, T7) without the sealed XML: what lookups, lists and locks
 * return. `controlSum` is an exact decimal string with at least two decimals (`"4284.00"`). The
 * `cancel*` fields are all `null` while the batch stands ({@link cancelDirectDebitBatch}).
 */
export type DirectDebitBatchRow = Omit<typeof directDebitBatches.$inferSelect, "fileSealed">;

/**
 * One collection of a stored file: an invoice's amount collected on its pre-notified due date
 * (T7). `endToEndId` is the invoice number; `amount` an exact decimal string with at least two
 * decimals. Pending while `paymentId` and `releasedAt` are both `null`; booked once `paymentId`
 * is set ({@link markCollectionBooked}); released once `releasedAt` is set (its batch was
 * cancelled).
 */
export type DirectDebitCollectionRow = typeof directDebitCollections.$inferSelect;

// The sealed file stays in the database unless it is downloaded.
const batchColumns = columnsWithout(getTableColumns(directDebitBatches), "fileSealed");

/**
 * The payment means of a direct debit invoice as its stored document records it
 * (`document->'source'->'paymentMeans'`, `@kontor/invoicing`'s `sepa-direct-debit` means): what
 * was pre-notified with the invoice (T7).
 */
export interface StoredDirectDebitMeans {
  readonly kind: "sepa-direct-debit";
  /** Mandate reference (BT-89). */
  readonly mandateReference: string;
  /** The seller's SEPA creditor identifier (BT-90). */
  readonly creditorId: string;
  /** The buyer's IBAN that is debited (BT-91), electronic form. */
  readonly debtorIban: string;
}

/** An invoice a new direct debit file may collect, with its open amount (the amount to collect, T7). */
export interface DirectDebitCandidateRow extends InvoiceOpenAmount {
  /** `YYYY-MM-DD`, from `document.issueDate`. */
  readonly issueDate: string;
  /** `document.source.paymentMeans`, parsed. */
  readonly paymentMeans: StoredDirectDebitMeans;
}

/** Filters of {@link listDirectDebitCandidates}. */
export interface DirectDebitCandidateOptions {
  /** `YYYY-MM-DD`: only invoices due (to be collected) on or before this day; all when absent. */
  readonly collectUntil?: string | undefined;
  readonly limit: number;
}

/**
 * The invoices a new direct debit file may collect (C8, T7), at most `limit`, ordered by (due
 * date, id): finalized invoices and correction invoices whose stored
 * `document->'source'->'paymentMeans'->>'kind'` is `sepa-direct-debit`, with an open amount above
 * zero (the same open amount as `listOverdueInvoices`: reversed payments do not count, finalized
 * credit notes do), without a pending collection in another file (booked or released ones do not
 * count: a booked collection whose payment was reversed, a Rücklastschrift, makes its invoice a
 * candidate again), and due on or before `collectUntil` when given. Drafts and credit notes are
 * never listed; the currency is not filtered (the collection rules refuse non-euro invoices).
 *
 * One statement: the candidates come from the partial index `invoices_direct_debit_due_idx` in
 * due-date order, the sums and the pending test are correlated subqueries on their indexes.
 */
export async function listDirectDebitCandidates(executor: Executor, options: DirectDebitCandidateOptions): Promise<DirectDebitCandidateRow[]> {
  const until = options.collectUntil === undefined ? sql`` : sql` and ${invoiceDueDate()} <= ${options.collectUntil}::text`;
  // Literals, not parameters: they must imply the predicates of the partial indexes.
  const where = sql`(invoice.document -> 'source' -> 'paymentMeans' ->> 'kind') = 'sepa-direct-debit'
       and not exists (select 1 from ${directDebitCollections} as pending
                        where pending.invoice_id = invoice.id and pending.payment_id is null and pending.released_at is null)${until}`;
  const extra = sql`invoice.document ->> 'issueDate' as issue_date, invoice.document -> 'source' -> 'paymentMeans' as payment_means`;
  const rows = await executor
    .select({ ...openAmountFields(), issueDate: sql<string>`candidate.issue_date`, paymentMeans: sql<string>`candidate.payment_means::text` })
    .from(payableInvoicesWithOpenAmount(where, extra))
    .where(sql`${openAmountOfCandidate()} > 0`)
    .orderBy(sql`candidate.due_date`, sql`candidate.id`)
    .limit(options.limit);
  // The means as text, parsed here: both drivers hand back the same JSON.
  return rows.map((row) => ({ ...invoiceOpenAmountOf(row), issueDate: row.issueDate, paymentMeans: JSON.parse(row.paymentMeans) as StoredDirectDebitMeans }));
}

/** A direct debit file to store; the instant is the caller's `now`. */
export interface NewDirectDebitBatch {
  readonly id: string;
  /** The file's GrpHdr/MsgId (unique). */
  readonly messageId: string;
  /** The file's GrpHdr/NbOfTxs: must equal the number of collections. */
  readonly numberOfTransactions: number;
  /** The file's GrpHdr/CtrlSum as a decimal string (`"4284.00"`): must equal the collections' sum. */
  readonly controlSum: string;
  /** The pain.008 XML in plain text: sealed before it reaches the database. */
  readonly xml: string;
  /** The id of the user creating the file. */
  readonly createdBy: string;
}

/** One collection of a new file (always in euros). */
export interface NewDirectDebitCollection {
  /** A finalized direct debit invoice or correction invoice. */
  readonly invoiceId: string;
  /** The invoice's organization. */
  readonly organizationId: string;
  /** PmtId/EndToEndId: the invoice number. */
  readonly endToEndId: string;
  /** InstdAmt: the invoice's open amount, a positive decimal string (P3). */
  readonly amount: string;
  /** `YYYY-MM-DD`: ReqdColltnDt, the invoice's due date (T7). */
  readonly collectionDate: string;
  /** MndtRltdInf/MndtId. */
  readonly mandateReference: string;
}

/**
 * Stores a direct debit file at `now`: the batch (its XML sealed with `sealSecret`, it holds the
 * debtors' IBANs; the first and last collection dates taken from the collections), then all its
 * collections in one multi-row insert, atomically (in a transaction of its own, or a savepoint of
 * the caller's). Returns the batch without the file.
 *
 * Throws a `RangeError` before anything is written when there are no collections or when
 * `numberOfTransactions` or `controlSum` disagree with them (the file and the rows are made from
 * the same list). An invoice that has a pending collection already (in this or another file)
 * fails with the driver's unique violation on `direct_debit_collections_pending_idx`
 * ({@link isPendingCollectionConflict}); a message id used before with the one on
 * `direct_debit_batches_message_id_key`.
 */
export async function insertDirectDebitBatch(
  executor: Executor,
  batch: NewDirectDebitBatch,
  collections: readonly NewDirectDebitCollection[],
  now: Date,
): Promise<DirectDebitBatchRow> {
  const first = collections[0];
  if (first === undefined) throw new RangeError(`Direct debit batch ${batch.id}: a file collects at least one invoice`);
  if (batch.numberOfTransactions !== collections.length) {
    throw new RangeError(`Direct debit batch ${batch.id}: NbOfTxs ${batch.numberOfTransactions} but ${collections.length} collections`);
  }
  // P3: the control sum is compared exactly, never through a JS number.
  const sum = Money.sum(
    collections.map((collection) => Money.of(collection.amount, EURO)),
    EURO,
  );
  if (!sum.equals(Money.of(batch.controlSum, EURO))) {
    throw new RangeError(`Direct debit batch ${batch.id}: CtrlSum ${batch.controlSum} but the collections sum to ${sum.toFixed()}`);
  }
  const dates = collections.map((collection) => collection.collectionDate).sort();
  return executor.transaction(async (tx) => {
    const [row] = await tx
      .insert(directDebitBatches)
      .values({
        id: batch.id,
        messageId: batch.messageId,
        numberOfTransactions: batch.numberOfTransactions,
        controlSum: batch.controlSum,
        currency: EURO,
        firstCollectionDate: dates[0] ?? first.collectionDate,
        lastCollectionDate: dates.at(-1) ?? first.collectionDate,
        fileSealed: sealSecret(batch.xml),
        createdBy: batch.createdBy,
        createdAt: now,
      })
      .returning(batchColumns);
    if (row === undefined) throw new Error("insert returned no row");
    await tx.insert(directDebitCollections).values(collections.map((collection) => ({ ...collection, batchId: batch.id, currency: EURO })));
    return withDecimalControlSum(row);
  });
}

/**
 * Whether a driver error is the unique violation of `direct_debit_collections_pending_idx`: the
 * invoice has a pending collection in a file already (on PGlite and node-postgres, the error
 * possibly wrapped as `cause`).
 */
export function isPendingCollectionConflict(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === "23505" && constraint === "direct_debit_collections_pending_idx") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A stored file with its collections. */
export interface DirectDebitBatchWithCollections {
  readonly batch: DirectDebitBatchRow;
  /** By collection date, then end-to-end id (the invoice number). */
  readonly collections: readonly DirectDebitCollectionRow[];
}

/** A file and its collections (two indexed queries), or `undefined` when the id is unknown. */
export async function findDirectDebitBatch(executor: Executor, id: string): Promise<DirectDebitBatchWithCollections | undefined> {
  const [batch] = await executor.select(batchColumns).from(directDebitBatches).where(eq(directDebitBatches.id, id));
  if (batch === undefined) return undefined;
  const collections = await executor
    .select()
    .from(directDebitCollections)
    .where(eq(directDebitCollections.batchId, id))
    .orderBy(asc(directDebitCollections.collectionDate), asc(directDebitCollections.endToEndId));
  return { batch: withDecimalControlSum(batch), collections: collections.map(withDecimalAmount) };
}

/** Page of {@link listDirectDebitBatches}. */
export interface DirectDebitBatchListOptions {
  readonly limit: number;
  /** The `next` of the previous page: the (created at, id) of its last, oldest row. */
  readonly before?: KeysetPosition | undefined;
}

/**
 * The files, newest first: one keyset page by (created at, id) descending, cancelled ones
 * included. `next` is the position to pass as `before` for the following (older) page.
 */
export async function listDirectDebitBatches(executor: Executor, options: DirectDebitBatchListOptions): Promise<Page<DirectDebitBatchRow>> {
  const { before } = options;
  const rows = await executor
    .select(batchColumns)
    .from(directDebitBatches)
    .where(
      before === undefined ? undefined : sql`(${directDebitBatches.createdAt}, ${directDebitBatches.id}) < (${before.createdAt.toISOString()}::timestamptz, ${before.id})`,
    )
    .orderBy(desc(directDebitBatches.createdAt), desc(directDebitBatches.id))
    .limit(options.limit + 1);
  return toPage(rows.map(withDecimalControlSum), options.limit);
}

/** The pain.008 XML of a file, opened; `undefined` when the id is unknown. */
export async function openDirectDebitFile(executor: Executor, id: string): Promise<string | undefined> {
  const [row] = await executor.select({ fileSealed: directDebitBatches.fileSealed }).from(directDebitBatches).where(eq(directDebitBatches.id, id));
  return row === undefined ? undefined : openSecret(row.fileSealed);
}

/**
 * Locks a file's row for the rest of the transaction (`FOR UPDATE`); `undefined` when the id is
 * unknown. Booking a collection ({@link markCollectionBooked}) and cancelling the file
 * ({@link cancelDirectDebitBatch}) both run under this lock, so they never interleave.
 */
export async function lockDirectDebitBatch(tx: KontorTransaction, id: string): Promise<DirectDebitBatchRow | undefined> {
  const [row] = await tx.select(batchColumns).from(directDebitBatches).where(eq(directDebitBatches.id, id)).for("update");
  return row === undefined ? undefined : withDecimalControlSum(row);
}

/**
 * Books the collection of invoice `invoiceId` in file `batchId` as payment `paymentId` (a payment
 * of that invoice, inserted before with `insertInvoicePayment`), once: the update only touches a
 * pending collection (not booked, not released) and only when the payment belongs to the invoice.
 * Returns the booked row, or `undefined` when the collection is unknown, booked or released
 * already, or the payment is not one of the invoice. Call it in the transaction that locked the
 * file ({@link lockDirectDebitBatch}) and the invoice (`lockInvoice`). A trigger refuses booking a
 * collection of a cancelled file.
 */
export async function markCollectionBooked(executor: Executor, batchId: string, invoiceId: string, paymentId: string): Promise<DirectDebitCollectionRow | undefined> {
  const ofInvoice = sql`exists (select 1 from ${invoicePayments} where ${invoicePayments.id} = ${paymentId} and ${invoicePayments.invoiceId} = ${invoiceId})`;
  const [row] = await executor
    .update(directDebitCollections)
    .set({ paymentId })
    .where(
      and(
        eq(directDebitCollections.batchId, batchId),
        eq(directDebitCollections.invoiceId, invoiceId),
        isNull(directDebitCollections.paymentId),
        isNull(directDebitCollections.releasedAt),
        ofInvoice,
      ),
    )
    .returning();
  return row === undefined ? undefined : withDecimalAmount(row);
}

/**
 * A booked collection whose payment stands: what a returned direct debit (Rücklastschrift, T7/C8)
 * in a bank statement reverses. `amount` is an exact decimal string with at least two decimals.
 */
export interface BookedCollectionRow {
  readonly batchId: string;
  readonly invoiceId: string;
  readonly organizationId: string;
  /** PmtId/EndToEndId: the bank gives it back with the returned debit. */
  readonly endToEndId: string;
  /** The payment the collected money was booked as (not reversed). */
  readonly paymentId: string;
  readonly amount: string;
  readonly currency: string;
  /** `YYYY-MM-DD`: ReqdColltnDt. */
  readonly collectionDate: string;
}

/**
 * The booked collections with one of the end-to-end IDs `ids` whose payment is not reversed (a
 * collection whose debit came back already is not returned twice), by end-to-end ID, then batch.
 * One statement on `direct_debit_collections_booked_end_to_end_idx`; no statement for an empty
 * list. An end-to-end ID (the invoice number) may be booked in several files when an earlier
 * payment was reversed; only the standing one is listed.
 */
export async function findBookedCollectionsByEndToEndIds(executor: Executor, ids: readonly string[]): Promise<BookedCollectionRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await executor
    .select({
      batchId: directDebitCollections.batchId,
      invoiceId: directDebitCollections.invoiceId,
      organizationId: directDebitCollections.organizationId,
      endToEndId: directDebitCollections.endToEndId,
      paymentId: invoicePayments.id,
      amount: directDebitCollections.amount,
      currency: directDebitCollections.currency,
      collectionDate: directDebitCollections.collectionDate,
    })
    .from(directDebitCollections)
    .innerJoin(invoicePayments, eq(invoicePayments.id, directDebitCollections.paymentId))
    .where(and(isNotNull(directDebitCollections.paymentId), inArray(directDebitCollections.endToEndId, unique), isNull(invoicePayments.reversedOn)))
    .orderBy(asc(directDebitCollections.endToEndId), asc(directDebitCollections.batchId));
  return rows.map((row) => ({ ...row, amount: decimalString(row.amount) }));
}

/**
 * The pending collections (neither booked nor released) with one of the end-to-end IDs `ids`, by
 * end-to-end ID: what the bank's credit of a direct debit file books (C8). At most one per
 * invoice is pending (the pending index), so at most one per end-to-end ID. One statement on
 * `direct_debit_collections_pending_end_to_end_idx`; no statement for an empty list.
 */
export async function findPendingCollectionsByEndToEndIds(executor: Executor, ids: readonly string[]): Promise<DirectDebitCollectionRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await executor
    .select()
    .from(directDebitCollections)
    .where(and(isNull(directDebitCollections.paymentId), isNull(directDebitCollections.releasedAt), inArray(directDebitCollections.endToEndId, unique)))
    .orderBy(asc(directDebitCollections.endToEndId), asc(directDebitCollections.batchId));
  return rows.map((row) => ({ ...row, amount: decimalString(row.amount) }));
}

/** Who cancels a file and why. */
export interface DirectDebitBatchCancellationRecord {
  /** The id of the user cancelling it. */
  readonly by: string;
  /** Why (the file was never submitted, the bank refused it); `null` when none was given. */
  readonly reason: string | null;
}

/**
 * What {@link cancelDirectDebitBatch} did: `cancelled` with the collections it released; or
 * nothing, because the file is unknown (`not-found`), was cancelled before (`cancelled-already`)
 * or has a booked collection (`booked`: its money arrived, so the file was submitted; a returned
 * debit is a payment reversal, not a cancellation).
 */
export type DirectDebitBatchCancellation =
  | { readonly outcome: "cancelled"; readonly batch: DirectDebitBatchRow; readonly released: readonly DirectDebitCollectionRow[] }
  | { readonly outcome: "not-found" }
  | { readonly outcome: "cancelled-already"; readonly batch: DirectDebitBatchRow }
  | { readonly outcome: "booked"; readonly batch: DirectDebitBatchRow; readonly booked: readonly DirectDebitCollectionRow[] };

/**
 * Cancels file `id` at `now`, in the caller's transaction: locks it ({@link lockDirectDebitBatch}),
 * and only when it stands and none of its collections is booked records the cancellation once and
 * releases every pending collection (`released_at = now`), so their invoices are candidates of a
 * new file again. Otherwise nothing changes and the outcome says why. Up to four statements under
 * the file's lock; a booking of the same file waits for it (or for the trigger's share lock).
 */
export async function cancelDirectDebitBatch(
  tx: KontorTransaction,
  id: string,
  cancellation: DirectDebitBatchCancellationRecord,
  now: Date,
): Promise<DirectDebitBatchCancellation> {
  const batch = await lockDirectDebitBatch(tx, id);
  if (batch === undefined) return { outcome: "not-found" };
  if (batch.cancelledAt !== null) return { outcome: "cancelled-already", batch };
  const booked = await tx
    .select()
    .from(directDebitCollections)
    .where(and(eq(directDebitCollections.batchId, id), isNotNull(directDebitCollections.paymentId)))
    .orderBy(asc(directDebitCollections.collectionDate), asc(directDebitCollections.endToEndId));
  if (booked.length > 0) return { outcome: "booked", batch, booked: booked.map(withDecimalAmount) };
  const [cancelled] = await tx
    .update(directDebitBatches)
    .set({ cancelledAt: now, cancelledBy: cancellation.by, cancellationReason: cancellation.reason })
    .where(eq(directDebitBatches.id, id))
    .returning(batchColumns);
  if (cancelled === undefined) throw new Error(`locked batch ${id} vanished`);
  // The batch is cancelled first: the trigger releases collections only of a cancelled batch.
  const released = await tx
    .update(directDebitCollections)
    .set({ releasedAt: now })
    .where(and(eq(directDebitCollections.batchId, id), isNull(directDebitCollections.paymentId), isNull(directDebitCollections.releasedAt)))
    .returning();
  // In the order of findDirectDebitBatch (an UPDATE … RETURNING has none).
  released.sort((a, b) => (a.collectionDate === b.collectionDate ? compareText(a.endToEndId, b.endToEndId) : compareText(a.collectionDate, b.collectionDate)));
  return { outcome: "cancelled", batch: withDecimalControlSum(cancelled), released: released.map(withDecimalAmount) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function withDecimalControlSum<Row extends { readonly controlSum: string }>(row: Row): Row {
  return { ...row, controlSum: decimalString(row.controlSum) };
}

function withDecimalAmount(row: DirectDebitCollectionRow): DirectDebitCollectionRow {
  return { ...row, amount: decimalString(row.amount) };
}
