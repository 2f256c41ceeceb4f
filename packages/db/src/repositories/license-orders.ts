import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { licenseOrders } from "../schema/licensing.js";

/** A stored order; `record` is the `Order` JSON of `@kontor/licensing` with sealed keys. */
export type LicenseOrderRow = typeof licenseOrders.$inferSelect;

/** Inserts a received order. */
export async function insertLicenseOrder(
  executor: Executor,
  order: {
    readonly id: string;
    readonly organizationId: string;
    readonly quoteId: string | null;
    readonly kind: "license" | "service";
    readonly status: string;
    readonly record: unknown;
  },
  now: Date,
): Promise<LicenseOrderRow> {
  const [row] = await executor.insert(licenseOrders).values({ ...order, createdAt: now, updatedAt: now }).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** An order by id. */
export async function findLicenseOrder(executor: Executor, id: string): Promise<LicenseOrderRow | undefined> {
  const [row] = await executor.select().from(licenseOrders).where(eq(licenseOrders.id, id));
  return row;
}

/** Orders in creation order, optionally of one organization. */
export async function listLicenseOrders(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly organizationId?: string | undefined },
): Promise<Page<LicenseOrderRow>> {
  const rows = await executor
    .select()
    .from(licenseOrders)
    .where(
      and(
        afterPosition(licenseOrders.createdAt, licenseOrders.id, options.after),
        options.organizationId === undefined ? undefined : eq(licenseOrders.organizationId, options.organizationId),
      ),
    )
    .orderBy(asc(licenseOrders.createdAt), asc(licenseOrders.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/**
 * Stores the next state of an order if it is still at `expectedVersion` (optimistic locking);
 * `undefined` when another request changed it meanwhile.
 */
export async function updateLicenseOrder(
  executor: Executor,
  id: string,
  next: { readonly status: string; readonly record: unknown },
  expectedVersion: number,
  now: Date,
): Promise<LicenseOrderRow | undefined> {
  const [row] = await executor
    .update(licenseOrders)
    .set({ status: next.status, record: next.record, version: sql`${licenseOrders.version} + 1`, updatedAt: now })
    .where(and(eq(licenseOrders.id, id), eq(licenseOrders.version, expectedVersion)))
    .returning();
  return row;
}

/** The order that accepted `quoteId` and is not cancelled, if any (L8: a quote is ordered once). */
export async function findOpenOrderOfQuote(executor: Executor, quoteId: string): Promise<LicenseOrderRow | undefined> {
  const [row] = await executor
    .select()
    .from(licenseOrders)
    .where(and(eq(licenseOrders.quoteId, quoteId), ne(licenseOrders.status, "cancelled")));
  return row;
}
