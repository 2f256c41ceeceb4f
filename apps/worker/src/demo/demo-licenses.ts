import { randomUUID } from "node:crypto";
import { insertLicenses, type Executor, type NewLicense } from "@kontor/db";
import { termPeriodSchema, type Catalog } from "@kontor/licensing";
import { DateTime } from "luxon";
import { DEMO_PRODUCT, demoProduct } from "./demo-catalog.js";
import { toStoredJson } from "./stored-json.js";
import type { DemoTimeline } from "./demo-timeline.js";

/** The party id the API records for licenses the reseller bought (its `RESELLER_PARTY_ID`, L13). */
const RESELLER_PARTY_ID = "reseller";

/** A license the customer already holds, described by the day its current 12-month term ends. */
interface DemoLicense {
  readonly organizationId: string;
  readonly productId: string;
  readonly userTier: number;
  readonly sen: string | null;
  readonly key: string | null;
  /** Days from today to the term's end (`term.to`, the day after the last covered day, L15). */
  readonly termEndsInDays: number;
}

/**
 * A license as `POST /v1/licenses` registers one bought earlier: the catalog's product data, the
 * current 12-month term (L15) and, for self-managed editions, the key (sealed on insert, L13).
 */
function registeredLicense(catalog: Catalog, timeline: DemoTimeline, license: DemoLicense): NewLicense {
  const product = demoProduct(catalog, license.productId);
  const termEnd = timeline.day(license.termEndsInDays);
  const termStart = DateTime.fromISO(termEnd, { zone: timeline.zone }).minus({ years: 1 });
  const term = termPeriodSchema.parse({ from: termStart.toISODate(), to: termEnd });
  return {
    id: randomUUID(),
    organizationId: license.organizationId,
    orderId: null,
    vendorId: product.vendorId,
    productId: product.id,
    edition: product.edition,
    originalPurchaserId: RESELLER_PARTY_ID,
    key: license.key,
    record: toStoredJson({
      productId: product.id,
      productName: product.name,
      vendorId: product.vendorId,
      edition: product.edition,
      billingModel: product.billingModel,
      userTier: license.userTier,
      quantity: 1,
      sen: license.sen,
      siteUrl: null,
      purchasedAt: termStart.set({ hour: 10 }).toISO(),
      paidOn: termStart.plus({ days: 14 }).toISODate(),
      term,
    }),
  };
}

/**
 * The licenses customers hold: Müller's Jira Data Center renews in 60 days (the 90-day renewal
 * reminder is due, L15) and its Confluence in about seven months; the tax office's Adobe team
 * subscription ends in three weeks (the 30-day reminder).
 */
export async function seedDemoLicenses(
  executor: Executor,
  catalog: Catalog,
  timeline: DemoTimeline,
  organizations: { readonly mueller: string; readonly kanzlei: string },
): Promise<string[]> {
  const licenses: DemoLicense[] = [
    { organizationId: organizations.mueller, productId: DEMO_PRODUCT.jiraDataCenter, userTier: 500, sen: "SEN-20418833", key: "AAABjQ0ODAoPeNp9kV1Pg-DEMO-JIRA", termEndsInDays: 60 },
    { organizationId: organizations.mueller, productId: DEMO_PRODUCT.confluenceDataCenter, userTier: 500, sen: "SEN-20418834", key: "AAABjQ0ODAoPeNp9kV1Pg-DEMO-CONF", termEndsInDays: 220 },
    { organizationId: organizations.kanzlei, productId: DEMO_PRODUCT.acrobatPro, userTier: 10, sen: null, key: null, termEndsInDays: 21 },
  ];
  const rows = await insertLicenses(
    executor,
    licenses.map((license) => registeredLicense(catalog, timeline, license)),
    timeline.now,
  );
  return rows.map((row) => row.id);
}
