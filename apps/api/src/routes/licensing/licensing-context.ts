import { findOrganization, loadLicensingCatalog, type Executor } from "@kontor/db";
import { catalogSchema, type Catalog } from "@kontor/licensing";
import type { Organization } from "@kontor/ticketing";
import { notFound } from "../../http/problem.js";

/**
 * The party id of the reseller running Kontor. Licenses it bought from the vendor carry it as
 * their original purchaser; staff read keys as this party (L13).
 */
export const RESELLER_PARTY_ID = "reseller";

/** The catalog staff keep in the database, read as `@kontor/licensing`'s `Catalog`. */
export async function loadCatalog(executor: Executor): Promise<Catalog> {
  const { vendors, products } = await loadLicensingCatalog(executor);
  return catalogSchema.parse({ vendors: vendors.map((vendor) => ({ id: vendor.id, name: vendor.name })), products: products.map((row) => row.record) });
}

/** The organization a write names, or 404 (the caller was already checked for seeing it). */
export async function organizationFor(executor: Executor, id: string): Promise<Organization> {
  const row = await findOrganization(executor, id);
  if (row === undefined) throw notFound(`Organization ${id}`);
  return row.record as Organization;
}

/**
 * Domain values as JSON: `Money` becomes `{ amount, currency }` through its `toJSON`. Stored
 * documents and responses are always this form; the package's schemas read it back.
 */
export function toJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
