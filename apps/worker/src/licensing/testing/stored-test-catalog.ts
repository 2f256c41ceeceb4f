import { upsertLicensingProduct, upsertLicensingVendor, type DatabaseHandle } from "@kontor/db";
import { ATLASSIAN_TEST_CATALOG } from "./atlassian-test-catalog.js";

/** Stores the Atlassian test catalog: a delivery reads it from the database for the licenses' terms (L15). */
export async function storeTestCatalog(database: DatabaseHandle, now = new Date("2026-01-01T00:00:00Z")): Promise<void> {
  for (const vendor of ATLASSIAN_TEST_CATALOG.vendors) await upsertLicensingVendor(database.db, vendor, now);
  for (const product of ATLASSIAN_TEST_CATALOG.products) {
    await upsertLicensingProduct(database.db, { id: product.id, vendorId: product.vendorId, record: JSON.parse(JSON.stringify(product)) as unknown }, now);
  }
}
