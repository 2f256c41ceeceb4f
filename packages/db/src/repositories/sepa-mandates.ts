import { ibanProblem, normalizeIban } from "@kontor/invoicing";
import { and, asc, desc, eq, getTableColumns, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { sepaMandates } from "../schema/sepa-mandates.js";
import { openSecret, sealSecret } from "../security/secret-seal.js";
import { columnsWithout } from "./columns-without.js";

/**
 * A stored SEPA mandate (C8, T7) without the sealed IBAN: what lookups and lists return. The
 * IBAN is opened only by {@link openActiveSepaMandate}, for the invoice that collects under it.
 */
export type SepaMandateRow = Omit<typeof sepaMandates.$inferSelect, "debtorIbanSealed">;

/** The mandate a month is collected under, with the debtor's IBAN opened (electronic form). */
export type OpenedSepaMandate = SepaMandateRow & { readonly debtorIban: string };

// The sealed IBAN stays in the database unless an invoice needs it.
const displayColumns = columnsWithout(getTableColumns(sepaMandates), "debtorIbanSealed");

/**
 * An IBAN for display: the country and check digits and the last four characters, the rest
 * masked, in groups of four (`DE89370400440532013000` → `DE89 **** **** **** **30 00`). Of
 * anything shorter than 9 characters (not an IBAN, e.g. from a bank file) only the country code
 * is shown, so that nothing is ever shown in full.
 */
export function maskedIban(iban: string): string {
  const electronic = normalizeIban(iban);
  const masked =
    electronic.length >= 9
      ? electronic.slice(0, 4) + "*".repeat(electronic.length - 8) + electronic.slice(-4)
      : electronic.slice(0, 2) + "*".repeat(Math.max(electronic.length - 2, 0));
  return (masked.match(/.{1,4}/g) ?? [masked]).join(" ");
}

/** A mandate to store, with the debtor's IBAN in plain text: sealed before it reaches the database. */
export interface NewSepaMandate {
  readonly id: string;
  readonly organizationId: string;
  /** EPC mandate reference (BT-89), 1–35 characters of the SEPA character set. */
  readonly mandateReference: string;
  /** The debtor's IBAN; spaces and lower case are accepted, the check digits must match. */
  readonly debtorIban: string;
  readonly debtorName: string;
  /** The day the customer signed the mandate (ISO date). */
  readonly signedOn: string;
  /** T7: the agreed pre-notification period in calendar days, 1–14; absent or `null`: none agreed. */
  readonly preNotificationDays?: number | null | undefined;
  readonly createdBy: string;
}

/**
 * Inserts an active mandate (C8, T7). The IBAN is stored only as `sealSecret` output, with its
 * masked form and last four characters for display. A reference that exists already (compared
 * regardless of case, revoked mandates included) raises the driver's unique violation (23505);
 * an invalid IBAN throws a `RangeError` before anything is written.
 */
export async function insertSepaMandate(executor: Executor, mandate: NewSepaMandate, now: Date): Promise<SepaMandateRow> {
  const { debtorIban, preNotificationDays, ...rest } = mandate;
  const iban = normalizeIban(debtorIban);
  const problem = ibanProblem(iban);
  if (problem !== undefined) throw new RangeError(`Mandate ${mandate.mandateReference}: ${problem}`);
  const [row] = await executor
    .insert(sepaMandates)
    .values({
      ...rest,
      preNotificationDays: preNotificationDays ?? null,
      debtorIbanSealed: sealSecret(iban),
      debtorIbanLast4: iban.slice(-4),
      debtorIbanMasked: maskedIban(iban),
      status: "active",
      createdAt: now,
      updatedAt: now,
    })
    .returning(displayColumns);
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** One organization's mandate by id (never the IBAN); `undefined` when unknown or another organization's. */
export async function findSepaMandate(executor: Executor, organizationId: string, id: string): Promise<SepaMandateRow | undefined> {
  const [row] = await executor
    .select(displayColumns)
    .from(sepaMandates)
    .where(and(eq(sepaMandates.organizationId, organizationId), eq(sepaMandates.id, id)));
  return row;
}

/**
 * The mandates with the given references, active and revoked, in one query on the
 * `upper(mandate_reference)` unique index: keyed by the reference in upper case (references are
 * compared regardless of case, C8), so `get(reference.toUpperCase())` finds one. References
 * without a mandate are not in the map. Never the IBAN.
 */
export async function findSepaMandatesByReference(executor: Executor, references: readonly string[]): Promise<Map<string, SepaMandateRow>> {
  const keys = [...new Set(references.map((reference) => reference.toUpperCase()))];
  if (keys.length === 0) return new Map();
  const rows = await executor
    .select(displayColumns)
    .from(sepaMandates)
    .where(inArray(sql`upper(${sepaMandates.mandateReference})`, keys));
  return new Map(rows.map((row) => [row.mandateReference.toUpperCase(), row]));
}

/** One organization's mandates in creation order, one keyset page, active and revoked. */
export async function listSepaMandates(
  executor: Executor,
  options: { readonly organizationId: string; readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<SepaMandateRow>> {
  const rows = await executor
    .select(displayColumns)
    .from(sepaMandates)
    .where(and(eq(sepaMandates.organizationId, options.organizationId), afterPosition(sepaMandates.createdAt, sepaMandates.id, options.after)))
    .orderBy(asc(sepaMandates.createdAt), asc(sepaMandates.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/**
 * Revokes an active mandate of the organization: one conditional statement, so of two
 * concurrent revocations exactly one wins. Returns the revoked row, or `undefined` when the id
 * is unknown, another organization's or revoked already.
 */
export async function revokeSepaMandate(executor: Executor, organizationId: string, id: string, revokedBy: string, now: Date): Promise<SepaMandateRow | undefined> {
  const [row] = await executor
    .update(sepaMandates)
    .set({ status: "revoked", revokedAt: now, revokedBy, updatedAt: now })
    .where(and(eq(sepaMandates.organizationId, organizationId), eq(sepaMandates.id, id), eq(sepaMandates.status, "active")))
    .returning(displayColumns);
  return row;
}

/**
 * The mandate a customer's invoice of `onDate` is collected under (C8, T7): the latest signed
 * active mandate signed on or before that day (ties: the latest recorded), with the debtor's
 * IBAN opened; `undefined` when there is none. Locked `FOR SHARE`, so a revocation waits until
 * the invoice that relies on the mandate has committed.
 */
export async function openActiveSepaMandate(executor: Executor, organizationId: string, onDate: string): Promise<OpenedSepaMandate | undefined> {
  const [row] = await executor
    .select(getTableColumns(sepaMandates))
    .from(sepaMandates)
    .where(and(eq(sepaMandates.organizationId, organizationId), eq(sepaMandates.status, "active"), lte(sepaMandates.signedOn, onDate)))
    .orderBy(desc(sepaMandates.signedOn), desc(sepaMandates.createdAt), desc(sepaMandates.id))
    .limit(1)
    .for("share");
  if (row === undefined) return undefined;
  const { debtorIbanSealed, ...display } = row;
  return { ...display, debtorIban: openSecret(debtorIbanSealed) };
}
