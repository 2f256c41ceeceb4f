import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { licensingProducts, licensingVendors } from "../schema/licensing.js";

/** A stored catalog product; `record` is the product JSON of `@kontor/licensing`. */
export type LicensingProductRow = typeof licensingProducts.$inferSelect;

/** A stored catalog vendor. */
export type LicensingVendorRow = typeof licensingVendors.$inferSelect;

/** Inserts or renames a vendor. */
export async function upsertLicensingVendor(executor: Executor, vendor: { readonly id: string; readonly name: string }, now: Date): Promise<void> {
  await executor
    .insert(licensingVendors)
    .values({ id: vendor.id, name: vendor.name, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: licensingVendors.id, set: { name: vendor.name, updatedAt: now } });
}

/**
 * Inserts a product, or replaces it (version + 1) when the id exists: staff keep the catalog by
 * posting the product again.
 */
export async function upsertLicensingProduct(
  executor: Executor,
  product: { readonly id: string; readonly vendorId: string; readonly record: unknown },
  now: Date,
): Promise<LicensingProductRow> {
  const [row] = await executor
    .insert(licensingProducts)
    .values({ id: product.id, vendorId: product.vendorId, record: product.record, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: licensingProducts.id,
      set: { vendorId: product.vendorId, record: product.record, version: sql`${licensingProducts.version} + 1`, updatedAt: now },
    })
    .returning();
  if (row === undefined) throw new Error("upsert returned no row");
  return row;
}

/** Catalog products in creation order. */
export async function listLicensingProducts(
  executor: Executor,
  options: { readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<LicensingProductRow>> {
  const rows = await executor
    .select()
    .from(licensingProducts)
    .where(afterPosition(licensingProducts.createdAt, licensingProducts.id, options.after))
    .orderBy(asc(licensingProducts.createdAt), asc(licensingProducts.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/**
 * The whole catalog (vendors and product JSON) in two queries, for the rules that price against
 * it. Fine while a reseller's catalog has hundreds of products, not millions.
 */
export async function loadLicensingCatalog(executor: Executor): Promise<{ vendors: LicensingVendorRow[]; products: LicensingProductRow[] }> {
  const vendors = await executor.select().from(licensingVendors).orderBy(asc(licensingVendors.id));
  const products = await executor.select().from(licensingProducts).orderBy(asc(licensingProducts.createdAt), asc(licensingProducts.id));
  return { vendors, products };
}

/** A catalog product by id with its vendor's name, in one query. */
export async function findLicensingProduct(executor: Executor, id: string): Promise<(LicensingProductRow & { vendorName: string }) | undefined> {
  const [row] = await executor
    .select({ product: licensingProducts, vendorName: licensingVendors.name })
    .from(licensingProducts)
    .innerJoin(licensingVendors, eq(licensingVendors.id, licensingProducts.vendorId))
    .where(eq(licensingProducts.id, id));
  return row === undefined ? undefined : { ...row.product, vendorName: row.vendorName };
}
