import { and, asc, desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Executor, KontorTransaction } from "../connection/database.js";
import { toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { bankStatementBookings, bankStatementImports, bankStatementTransactions } from "../schema/bank-statements.js";
import { openSecret, sealSecret } from "../security/secret-seal.js";
import { columnsWithout } from "./columns-without.js";
import { decimalString } from "./open-amount.js";

/**
 * A stored bank file (camt.053 statement or camt.054 notification) without the sealed XML: what
 * lookups and lists return. `messageId` and `fileSha256` are unique (a file is imported once).
 */
export type BankStatementImportRow = Omit<typeof bankStatementImports.$inferSelect, "fileSealed">;

/**
 * One stored transaction of an import, with what the import did with it (`outcome`, `outcomeCode`,
 * `outcomeMessage`). `amount` is an exact decimal string with at least two decimals
 * (`"1487.50"`), always above zero; dates are `YYYY-MM-DD` or `null`. The counterparty's IBAN is
 * only there masked. `resolvedBy`, `resolvedAt` (and `dismissalReason`) are set once a review was
 * assigned or dismissed ({@link resolveBankStatementTransaction}).
 */
export type BankStatementTransactionRow = typeof bankStatementTransactions.$inferSelect;

/** The outcome of a stored transaction. */
export type BankStatementTransactionOutcome = BankStatementTransactionRow["outcome"];

/** Every {@link BankStatementTransactionOutcome}, in the order of the table CHECK. */
export const BANK_STATEMENT_TRANSACTION_OUTCOMES = bankStatementTransactions.outcome.enumValues;

/**
 * What a transaction did to an invoice: paid it (`payment`, as payment `paymentId`) or reversed
 * payment `paymentId` (`reversal`, a returned direct debit). `amount` is an exact decimal string
 * with at least two decimals.
 */
export type BankStatementBookingRow = typeof bankStatementBookings.$inferSelect;

/** A transaction with its bookings (by creation, then kind and payment id). */
export type BankStatementTransactionWithBookings = BankStatementTransactionRow & { readonly bookings: BankStatementBookingRow[] };

/** A bank file to store; the instant is the caller's `now`. */
export interface NewBankStatementImport {
  readonly id: string;
  /** GrpHdr/MsgId (unique). */
  readonly messageId: string;
  /** Lower-case hex SHA-256 of the raw bytes (unique). */
  readonly fileSha256: string;
  /** E.g. `"camt.053.001.08"`; must agree with `kind` (a table CHECK). */
  readonly messageType: string;
  readonly kind: "statement" | "notification";
  readonly filename: string | null;
  /** GrpHdr/CreDtTm as given. */
  readonly fileCreatedAt: string;
  /** The camt XML in plain text: sealed before it reaches the database. */
  readonly file: string;
  /** The id of the user importing it. */
  readonly importedBy: string;
}

/** One transaction of a new import; the import id and the instant are added when it is stored. */
export interface NewBankStatementTransaction {
  readonly id: string;
  /** The order in the file, from 0, unique in the import. */
  readonly position: number;
  readonly statementId: string;
  /** The statement's account IBAN, compact upper case. */
  readonly accountIban: string;
  readonly bankReference: string | null;
  readonly direction: "credit" | "debit";
  /** A positive decimal string (P3). */
  readonly amount: string;
  readonly currency: string;
  readonly entryStatus: "booked" | "pending" | "info";
  readonly reversal: boolean;
  /** `YYYY-MM-DD` or `null`. */
  readonly bookingDate: string | null;
  /** `YYYY-MM-DD` or `null`. */
  readonly valueDate: string | null;
  readonly endToEndId: string | null;
  readonly mandateReference: string | null;
  readonly returnReason: string | null;
  readonly counterpartyName: string | null;
  /** The masked IBAN (must contain `*`): never the full one. */
  readonly counterpartyIbanMasked: string | null;
  /** At most 1000 characters. */
  readonly remittance: string;
  /** What the import did; never `assigned` or `dismissed` (only a review is resolved to those). */
  readonly outcome: Exclude<BankStatementTransactionOutcome, "assigned" | "dismissed">;
  /** Required for `review`, `not-applicable` and `duplicate`. */
  readonly outcomeCode: string | null;
  readonly outcomeMessage: string | null;
  /** The transaction of the same bank booking acted on before; set iff `outcome` is `duplicate`. */
  readonly duplicateOf: string | null;
}

/** One booking of a transaction; the instant is the caller's `now`. */
export interface NewBankStatementBooking {
  readonly transactionId: string;
  /** `payment` from a credit transaction, `reversal` from a debit one (a trigger checks). */
  readonly kind: "payment" | "reversal";
  readonly invoiceId: string;
  /** A payment of `invoiceId` (a trigger checks). */
  readonly paymentId: string;
  /** A positive decimal string (P3). */
  readonly amount: string;
  readonly currency: string;
}

// The sealed file stays in the database unless it is downloaded.
const importColumns = columnsWithout(getTableColumns(bankStatementImports), "fileSealed");

/**
 * Rows per multi-row INSERT: PostgreSQL takes at most 65,535 parameters per statement, a
 * transaction row has 25 columns.
 */
const INSERT_CHUNK = 1000;

/**
 * Stores a bank file at `now`: the import row (its XML sealed with `sealSecret`, it holds the
 * payers' IBANs and names; `transactionCount` = the number of `transactions`), then its
 * transactions and then the bookings, each in multi-row inserts of up to 1000 rows, atomically (a
 * savepoint of the caller's transaction, or a transaction of its own). Returns the import without
 * the file.
 *
 * Throws a `RangeError` before anything is written when a booking names a transaction that is not
 * one of `transactions`. The same file again fails with the driver's unique violation
 * ({@link isBankStatementAlreadyImported}); a booked entry whose bank reference was acted on
 * before, stored as anything but a `duplicate`, with the one of the bank reference index
 * ({@link isBankReferenceAlreadyActedOn}).
 */
export async function insertBankStatementImport(
  executor: Executor,
  imp: NewBankStatementImport,
  transactions: readonly NewBankStatementTransaction[],
  bookings: readonly NewBankStatementBooking[],
  now: Date,
): Promise<BankStatementImportRow> {
  const ids = new Set(transactions.map((transaction) => transaction.id));
  const stray = bookings.find((booking) => !ids.has(booking.transactionId));
  if (stray !== undefined) throw new RangeError(`Bank statement import ${imp.id}: booking of transaction ${stray.transactionId}, which is not in the import`);
  return executor.transaction(async (tx) => {
    const [row] = await tx
      .insert(bankStatementImports)
      .values({
        id: imp.id,
        messageId: imp.messageId,
        fileSha256: imp.fileSha256,
        messageType: imp.messageType,
        kind: imp.kind,
        filename: imp.filename,
        fileCreatedAt: imp.fileCreatedAt,
        fileSealed: sealSecret(imp.file),
        transactionCount: transactions.length,
        importedBy: imp.importedBy,
        importedAt: now,
      })
      .returning(importColumns);
    if (row === undefined) throw new Error("insert returned no row");
    for (const chunk of chunks(transactions)) {
      await tx.insert(bankStatementTransactions).values(chunk.map((transaction) => ({ ...transaction, importId: imp.id, createdAt: now })));
    }
    await insertBankStatementBookings(tx, bookings, now);
    return row;
  });
}

/**
 * Stores bookings of stored transactions at `now` (e.g. of a review assigned to invoices), in
 * multi-row inserts of up to 1000 rows; nothing for an empty list.
 */
export async function insertBankStatementBookings(executor: Executor, bookings: readonly NewBankStatementBooking[], now: Date): Promise<void> {
  for (const chunk of chunks(bookings)) {
    await executor.insert(bankStatementBookings).values(chunk.map((booking) => ({ ...booking, createdAt: now })));
  }
}

/**
 * Whether a driver error is the unique violation of an import's message id or file SHA-256: the
 * file was imported before (on PGlite and node-postgres, the error possibly wrapped as `cause`).
 */
export function isBankStatementAlreadyImported(error: unknown): boolean {
  const constraint = uniqueViolationOf(error);
  return constraint === "bank_statement_imports_message_id_key" || constraint === "bank_statement_imports_file_sha256_key";
}

/**
 * Whether a driver error is the unique violation of `bank_statement_transactions_bank_reference_idx`:
 * a booked entry of this account and bank reference was acted on before, e.g. by a concurrent
 * import of an overlapping file.
 */
export function isBankReferenceAlreadyActedOn(error: unknown): boolean {
  return uniqueViolationOf(error) === "bank_statement_transactions_bank_reference_idx";
}

/** The account and bank reference of a booking. */
export interface BankReference {
  readonly accountIban: string;
  readonly bankReference: string;
}

/**
 * The booked entries acted on before among `refs`: a map from `${accountIban} ${bankReference}`
 * to the id of the stored transaction that is not a `duplicate` (at most one, the bank reference
 * index). Pending and info entries are never in it. One statement on the index; no statement for
 * an empty list.
 */
export async function findImportedBankReferences(executor: Executor, refs: readonly BankReference[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const wanted = sql`(select unnest(${sql.param(refs.map((ref) => ref.accountIban))}::text[]) as account_iban,
                             unnest(${sql.param(refs.map((ref) => ref.bankReference))}::text[]) as bank_reference)`;
  const rows = await executor
    .select({ id: bankStatementTransactions.id, accountIban: bankStatementTransactions.accountIban, bankReference: bankStatementTransactions.bankReference })
    .from(bankStatementTransactions)
    .where(
      // Literals, not parameters: they must imply the predicate of the partial unique index.
      sql`${bankStatementTransactions.bankReference} is not null and ${bankStatementTransactions.outcome} <> 'duplicate' and ${bankStatementTransactions.entryStatus} = 'booked'
          and (${bankStatementTransactions.accountIban}, ${bankStatementTransactions.bankReference}) in (select wanted.account_iban, wanted.bank_reference from ${wanted} as wanted)`,
    );
  return new Map(rows.map((row) => [`${row.accountIban} ${row.bankReference ?? ""}`, row.id]));
}

/** A stored file with its transactions (in file order) and their bookings. */
export interface BankStatementImportWithTransactions {
  readonly import: BankStatementImportRow;
  readonly transactions: BankStatementTransactionRow[];
  /** By the transaction's position, then creation, kind and payment id. */
  readonly bookings: BankStatementBookingRow[];
}

/** An import with its transactions and bookings (three indexed queries), or `undefined` when the id is unknown. */
export async function findBankStatementImport(executor: Executor, id: string): Promise<BankStatementImportWithTransactions | undefined> {
  const [imp] = await executor.select(importColumns).from(bankStatementImports).where(eq(bankStatementImports.id, id));
  if (imp === undefined) return undefined;
  const transactions = await executor
    .select()
    .from(bankStatementTransactions)
    .where(eq(bankStatementTransactions.importId, id))
    .orderBy(asc(bankStatementTransactions.position));
  const bookings = await executor
    .select(getTableColumns(bankStatementBookings))
    .from(bankStatementBookings)
    .innerJoin(bankStatementTransactions, eq(bankStatementTransactions.id, bankStatementBookings.transactionId))
    .where(eq(bankStatementTransactions.importId, id))
    .orderBy(asc(bankStatementTransactions.position), asc(bankStatementBookings.createdAt), asc(bankStatementBookings.kind), asc(bankStatementBookings.paymentId));
  return { import: imp, transactions: transactions.map(withDecimalAmount), bookings: bookings.map(withDecimalAmount) };
}

/** The position of a row of {@link listBankStatementImports}: its import instant and id. */
export interface BankStatementImportPosition {
  readonly importedAt: Date;
  readonly id: string;
}

/** Page of {@link listBankStatementImports}. */
export interface BankStatementImportListOptions {
  readonly limit: number;
  /**
   * The (imported at, id) of the last, oldest row of the previous page. The previous page's `next`
   * (a {@link KeysetPosition} whose `createdAt` is that import instant) is taken as well.
   */
  readonly before?: BankStatementImportPosition | KeysetPosition | undefined;
}

/**
 * The imports, newest first: one keyset page by (imported at, id) descending. `next` is the
 * position to pass as `before` for the following (older) page; its `createdAt` is the import
 * instant of the page's last row.
 */
export async function listBankStatementImports(executor: Executor, options: BankStatementImportListOptions): Promise<Page<BankStatementImportRow>> {
  const { before } = options;
  const beforeAt = before === undefined ? undefined : "importedAt" in before ? before.importedAt : before.createdAt;
  const rows = await executor
    .select(importColumns)
    .from(bankStatementImports)
    .where(
      before === undefined || beforeAt === undefined
        ? undefined
        : sql`(${bankStatementImports.importedAt}, ${bankStatementImports.id}) < (${beforeAt.toISOString()}::timestamptz, ${before.id})`,
    )
    .orderBy(desc(bankStatementImports.importedAt), desc(bankStatementImports.id))
    .limit(options.limit + 1);
  const page = toPage(
    rows.map((row) => ({ row, createdAt: row.importedAt, id: row.id })),
    options.limit,
  );
  return { items: page.items.map((item) => item.row), next: page.next };
}

/** Filter and page of {@link listBankStatementTransactions}. */
export interface BankStatementTransactionListOptions {
  /** Only transactions with this outcome (e.g. `review`: the review queue); all when absent. */
  readonly outcome?: BankStatementTransactionOutcome | undefined;
  readonly limit: number;
  /** The `next` of the previous page: the (created at, id) of its last, oldest row. */
  readonly before?: KeysetPosition | undefined;
}

/**
 * The stored transactions, newest first (by import instant, then id, descending), optionally only
 * those with one outcome: one keyset page on `bank_statement_transactions_outcome_idx` (or
 * `…_created_idx` without a filter), each with its bookings (one more query for the page).
 */
export async function listBankStatementTransactions(
  executor: Executor,
  options: BankStatementTransactionListOptions,
): Promise<Page<BankStatementTransactionWithBookings>> {
  const { before, outcome } = options;
  const rows = await executor
    .select()
    .from(bankStatementTransactions)
    .where(
      and(
        outcome === undefined ? undefined : eq(bankStatementTransactions.outcome, outcome),
        before === undefined
          ? undefined
          : sql`(${bankStatementTransactions.createdAt}, ${bankStatementTransactions.id}) < (${before.createdAt.toISOString()}::timestamptz, ${before.id})`,
      ),
    )
    .orderBy(desc(bankStatementTransactions.createdAt), desc(bankStatementTransactions.id))
    .limit(options.limit + 1);
  const page = toPage(rows, options.limit);
  return { items: await withBookings(executor, page.items), next: page.next };
}

/** A transaction with its bookings (two indexed queries), or `undefined` when the id is unknown. */
export async function findBankStatementTransaction(executor: Executor, id: string): Promise<BankStatementTransactionWithBookings | undefined> {
  const [row] = await executor.select().from(bankStatementTransactions).where(eq(bankStatementTransactions.id, id));
  if (row === undefined) return undefined;
  const [found] = await withBookings(executor, [row]);
  return found;
}

/**
 * Locks a transaction's row for the rest of the transaction (`FOR UPDATE`); `undefined` when the
 * id is unknown. Assigning or dismissing a review runs under this lock, so two people never
 * resolve the same review.
 */
export async function lockBankStatementTransaction(tx: KontorTransaction, id: string): Promise<BankStatementTransactionRow | undefined> {
  const [row] = await tx.select().from(bankStatementTransactions).where(eq(bankStatementTransactions.id, id)).for("update");
  return row === undefined ? undefined : withDecimalAmount(row);
}

/** How a review is resolved. */
export interface BankStatementResolution {
  readonly id: string;
  /** `assigned` (to invoices, as bookings) or `dismissed`. */
  readonly outcome: "assigned" | "dismissed";
  /** The id of the user resolving it. */
  readonly resolvedBy: string;
  /** Why it was dismissed: required for `dismissed`, `null` for `assigned` (a table CHECK). */
  readonly dismissalReason: string | null;
}

/**
 * Resolves a review at `now`, once: the update only touches a transaction whose outcome is
 * `review`, so it returns the resolved row, or `undefined` when the id is unknown or the
 * transaction is not (or no longer) in review. Nothing but the outcome and the resolution
 * columns changes (a trigger).
 */
export async function resolveBankStatementTransaction(executor: Executor, resolution: BankStatementResolution, now: Date): Promise<BankStatementTransactionRow | undefined> {
  const [row] = await executor
    .update(bankStatementTransactions)
    .set({ outcome: resolution.outcome, resolvedBy: resolution.resolvedBy, resolvedAt: now, dismissalReason: resolution.dismissalReason })
    .where(and(eq(bankStatementTransactions.id, resolution.id), eq(bankStatementTransactions.outcome, "review")))
    .returning();
  return row === undefined ? undefined : withDecimalAmount(row);
}

/** The camt XML of an import, opened; `undefined` when the id is unknown. */
export async function openBankStatementFile(executor: Executor, id: string): Promise<string | undefined> {
  const [row] = await executor.select({ fileSealed: bankStatementImports.fileSealed }).from(bankStatementImports).where(eq(bankStatementImports.id, id));
  return row === undefined ? undefined : openSecret(row.fileSealed);
}

async function withBookings(executor: Executor, rows: readonly BankStatementTransactionRow[]): Promise<BankStatementTransactionWithBookings[]> {
  if (rows.length === 0) return [];
  const bookings = await executor
    .select()
    .from(bankStatementBookings)
    .where(
      inArray(
        bankStatementBookings.transactionId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(bankStatementBookings.createdAt), asc(bankStatementBookings.kind), asc(bankStatementBookings.paymentId));
  const byTransaction = new Map<string, BankStatementBookingRow[]>();
  for (const booking of bookings) {
    const list = byTransaction.get(booking.transactionId) ?? [];
    list.push(withDecimalAmount(booking));
    byTransaction.set(booking.transactionId, list);
  }
  return rows.map((row) => ({ ...withDecimalAmount(row), bookings: byTransaction.get(row.id) ?? [] }));
}

function* chunks<Item>(items: readonly Item[]): Generator<readonly Item[]> {
  for (let start = 0; start < items.length; start += INSERT_CHUNK) yield items.slice(start, start + INSERT_CHUNK);
}

/** The constraint of a unique violation (SQLSTATE 23505), the driver's error possibly wrapped as `cause`. */
function uniqueViolationOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === "23505" && typeof constraint === "string") return constraint;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function withDecimalAmount<Row extends { readonly amount: string }>(row: Row): Row {
  return { ...row, amount: decimalString(row.amount) };
}
