import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { licenseOrders } from "../schema/licensing.js";
import type { LicenseOrderRow } from "./license-orders.js";

/**
 * License orders of one kind in one status (e.g. license orders whose purchase is due, L3),
 * oldest first: what a scheduled rule walks through.
 */
export async function listLicenseOrdersInStatus(executor: Executor, kind: "license" | "service", status: string): Promise<LicenseOrderRow[]> {
  return executor
    .select()
    .from(licenseOrders)
    .where(and(eq(licenseOrders.kind, kind), eq(licenseOrders.status, status)))
    .orderBy(asc(licenseOrders.createdAt), asc(licenseOrders.id));
}
