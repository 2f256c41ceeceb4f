import { and, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { customerPriceLists } from "../schema/customer-price-lists.js";

/**
 * A stored customer price list (M1). `prices` is `unknown`: check it with `@kontor/licensing`'s
 * `customerPriceListSchema` before use.
 */
export type CustomerPriceListRow = typeof customerPriceLists.$inferSelect;

/** One stored price of a {@link CustomerPriceListChange}: a product and its price per user and month as Money JSON. */
export interface StoredCustomerPrice {
  readonly productId: string;
  readonly pricePerUser: { readonly amount: string; readonly currency: string };
}

/** What {@link saveCustomerPriceList} writes: the organization's checked prices and who wrote them. */
export interface CustomerPriceListChange {
  readonly organizationId: string;
  readonly prices: readonly StoredCustomerPrice[];
  readonly updatedBy: string;
}

/** The organization's price list (M1), or `undefined` when none was stored (it pays list prices). */
export async function findCustomerPriceList(executor: Executor, organizationId: string): Promise<CustomerPriceListRow | undefined> {
  const [row] = await executor.select().from(customerPriceLists).where(eq(customerPriceLists.organizationId, organizationId));
  return row;
}

/**
 * Stores an organization's price list if it is still at `expectedVersion` (optimistic locking):
 * `0` means "none stored yet" and inserts version 1; `n ≥ 1` replaces version `n` with `n + 1`.
 * One statement each, so of two concurrent writes on one version exactly one wins. Returns the
 * stored row, or `undefined` when the version moved on (or a list exists for `0`).
 */
export async function saveCustomerPriceList(executor: Executor, change: CustomerPriceListChange, expectedVersion: number, now: Date): Promise<CustomerPriceListRow | undefined> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw new RangeError(`expectedVersion must be an integer ≥ 0, not ${String(expectedVersion)}`);
  const values = { prices: change.prices, updatedBy: change.updatedBy, updatedAt: now };
  if (expectedVersion === 0) {
    const [inserted] = await executor
      .insert(customerPriceLists)
      .values({ organizationId: change.organizationId, version: 1, ...values })
      .onConflictDoNothing({ target: customerPriceLists.organizationId })
      .returning();
    return inserted;
  }
  const [updated] = await executor
    .update(customerPriceLists)
    .set({ version: expectedVersion + 1, ...values })
    .where(and(eq(customerPriceLists.organizationId, change.organizationId), eq(customerPriceLists.version, expectedVersion)))
    .returning();
  return updated;
}
