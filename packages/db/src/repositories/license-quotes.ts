import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { licenseQuotes } from "../schema/licensing.js";

/** A stored quote: `request` as asked, `record` the priced `Quote` JSON. */
export type LicenseQuoteRow = typeof licenseQuotes.$inferSelect;

/** Inserts a priced quote. */
export async function insertLicenseQuote(
  executor: Executor,
  quote: { readonly id: string; readonly organizationId: string; readonly kind: string; readonly validUntil: string; readonly request: unknown; readonly record: unknown },
  now: Date,
): Promise<LicenseQuoteRow> {
  const [row] = await executor.insert(licenseQuotes).values({ ...quote, createdAt: now, updatedAt: now }).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** A quote by id. */
export async function findLicenseQuote(executor: Executor, id: string): Promise<LicenseQuoteRow | undefined> {
  const [row] = await executor.select().from(licenseQuotes).where(eq(licenseQuotes.id, id));
  return row;
}

/** Quotes in creation order, optionally of one organization. */
export async function listLicenseQuotes(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly organizationId?: string | undefined },
): Promise<Page<LicenseQuoteRow>> {
  const rows = await executor
    .select()
    .from(licenseQuotes)
    .where(
      and(
        afterPosition(licenseQuotes.createdAt, licenseQuotes.id, options.after),
        options.organizationId === undefined ? undefined : eq(licenseQuotes.organizationId, options.organizationId),
      ),
    )
    .orderBy(asc(licenseQuotes.createdAt), asc(licenseQuotes.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}
