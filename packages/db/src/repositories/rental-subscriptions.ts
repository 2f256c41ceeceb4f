import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor, KontorTransaction } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { rentalSubscriptions } from "../schema/licensing.js";

/** A stored rental; `record` is the `RentalSubscription` JSON of `@kontor/licensing`. */
export type RentalSubscriptionRow = typeof rentalSubscriptions.$inferSelect;

/** Inserts a placed rental. */
export async function insertRentalSubscription(
  executor: Executor,
  rental: { readonly id: string; readonly organizationId: string; readonly productId: string; readonly status: string; readonly record: unknown },
  now: Date,
): Promise<RentalSubscriptionRow> {
  const [row] = await executor.insert(rentalSubscriptions).values({ ...rental, createdAt: now, updatedAt: now }).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** A rental by id. */
export async function findRentalSubscription(executor: Executor, id: string): Promise<RentalSubscriptionRow | undefined> {
  const [row] = await executor.select().from(rentalSubscriptions).where(eq(rentalSubscriptions.id, id));
  return row;
}

/** Rentals in creation order, optionally of one organization. */
export async function listRentalSubscriptions(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined; readonly organizationId?: string | undefined },
): Promise<Page<RentalSubscriptionRow>> {
  const rows = await executor
    .select()
    .from(rentalSubscriptions)
    .where(
      and(
        afterPosition(rentalSubscriptions.createdAt, rentalSubscriptions.id, options.after),
        options.organizationId === undefined ? undefined : eq(rentalSubscriptions.organizationId, options.organizationId),
      ),
    )
    .orderBy(asc(rentalSubscriptions.createdAt), asc(rentalSubscriptions.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/** Stores the next state if the rental is still at `expectedVersion`; `undefined` otherwise. */
export async function updateRentalSubscription(
  executor: Executor,
  id: string,
  next: { readonly status: string; readonly record: unknown },
  expectedVersion: number,
  now: Date,
): Promise<RentalSubscriptionRow | undefined> {
  const [row] = await executor
    .update(rentalSubscriptions)
    .set({ status: next.status, record: next.record, version: sql`${rentalSubscriptions.version} + 1`, updatedAt: now })
    .where(and(eq(rentalSubscriptions.id, id), eq(rentalSubscriptions.version, expectedVersion)))
    .returning();
  return row;
}

// Lock space of rental orders (first key of the two-key advisory lock), apart from the
// migrator's one-key lock and the goods receipts' space 11_009.
const RENTAL_ORDER_LOCK_SPACE = 11_013;

/**
 * M4, M5: the rentals of `productId` that `organizationId` holds, in creation order, read after
 * taking a transaction-scoped advisory lock on the pair. Every write that can make a second
 * running rental of the product (an order, withdrawing a cancellation) calls it first in its
 * transaction, so a concurrent one waits until this one commits and then sees its rental.
 */
export async function lockRentalsOfProduct(tx: KontorTransaction, organizationId: string, productId: string): Promise<RentalSubscriptionRow[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(${RENTAL_ORDER_LOCK_SPACE}::int4, hashtext(${`rental-order:${organizationId}:${productId}`}::text))`);
  return tx
    .select()
    .from(rentalSubscriptions)
    .where(and(eq(rentalSubscriptions.organizationId, organizationId), eq(rentalSubscriptions.productId, productId)))
    .orderBy(asc(rentalSubscriptions.createdAt), asc(rentalSubscriptions.id));
}
