import { randomUUID } from "node:crypto";
import { appendToOutbox, insertRentalSubscription, updateRentalSubscription, type Executor, type RentalSubscriptionRow } from "@kontor/db";
import { bookAddOn, placeRentalOrder, provisionRental, type Catalog, type PolicySet, type RentalTransition } from "@kontor/licensing";
import type { Organization } from "@kontor/ticketing";
import { DEMO_PRODUCT } from "./demo-catalog.js";
import { demoValue } from "./demo-result.js";
import { toStoredJson } from "./stored-json.js";
import type { DemoTimeline } from "./demo-timeline.js";
import { rentalOutboxEvents } from "@kontor/api";

/** A Microsoft 365 rental of the marketplace (M1), provisioned and optionally with an add-on (M6). */
interface DemoRental {
  readonly organization: Organization;
  readonly productId: string;
  readonly quantity: number;
  readonly addOn?: { readonly addOnId: string; readonly quantity: number };
}

/** Stores the next state of a rental and its events, as the API's rental commands do. */
async function storeTransition(executor: Executor, row: RentalSubscriptionRow, transition: RentalTransition, at: Date): Promise<RentalSubscriptionRow> {
  const { subscription, events } = transition;
  const updated = await updateRentalSubscription(executor, row.id, { status: subscription.status, record: toStoredJson(subscription) }, row.version, at);
  if (updated === undefined) throw new Error(`demo scenario: rental ${row.id} changed while seeding`);
  await appendToOutbox(executor, rentalOutboxEvents(row.id, updated.version, events), at);
  return updated;
}

/**
 * Places one rental on the 2nd of the month at 09:00 (or right away on the 1st) with both
 * consents (M2), records the vendor's provisioning a few hours later and books the add-on, each
 * step through `@kontor/licensing` and stored like the API stores it. It starts on the 1st (M4),
 * so it is active this month.
 */
async function seedRental(executor: Executor, catalog: Catalog, policies: PolicySet, timeline: DemoTimeline, rental: DemoRental): Promise<string> {
  const id = randomUUID();
  const orderedAt = timeline.at(timeline.thisMonth(2), 9);
  const provisionedAt = new Date(Math.min(orderedAt.getTime() + 4 * 3_600_000, timeline.now.getTime()));
  const placed = demoValue(
    placeRentalOrder(
      {
        subscriptionId: id,
        customerId: rental.organization.id,
        zone: rental.organization.zone,
        productId: rental.productId,
        quantity: rental.quantity,
        consents: { termsAndLicenseConditions: true, vendorAccountCreation: true },
      },
      { asOf: orderedAt.toISOString(), catalog, policies },
    ),
    `rental of ${rental.productId}`,
  );
  let row = await insertRentalSubscription(
    executor,
    { id, organizationId: rental.organization.id, productId: placed.subscription.productId, status: placed.subscription.status, record: toStoredJson(placed.subscription) },
    orderedAt,
  );
  await appendToOutbox(executor, rentalOutboxEvents(id, row.version, placed.events), orderedAt);
  const provisioned = demoValue(provisionRental(placed.subscription, { asOf: provisionedAt.toISOString(), policies }), "provisioning");
  row = await storeTransition(executor, row, provisioned, provisionedAt);
  if (rental.addOn !== undefined) {
    const booked = demoValue(bookAddOn(provisioned.subscription, rental.addOn, { asOf: provisionedAt.toISOString(), catalog, policies }), `add-on ${rental.addOn.addOnId}`);
    row = await storeTransition(executor, row, booked, provisionedAt);
  }
  return row.id;
}

/**
 * The monthly rentals (M1–M7): Bäckerei Schmidt rents 12 × Microsoft 365 Business Standard with
 * 2 × Teams Phone, the tax office 8 × Microsoft 365 Business Premium.
 */
export async function seedDemoRentals(
  executor: Executor,
  catalog: Catalog,
  policies: PolicySet,
  timeline: DemoTimeline,
  organizations: { readonly baeckerei: Organization; readonly kanzlei: Organization },
): Promise<string[]> {
  const rentals: DemoRental[] = [
    { organization: organizations.baeckerei, productId: DEMO_PRODUCT.m365BusinessStandard, quantity: 12, addOn: { addOnId: "teams-phone", quantity: 2 } },
    { organization: organizations.kanzlei, productId: DEMO_PRODUCT.m365BusinessPremium, quantity: 8 },
  ];
  const ids: string[] = [];
  for (const rental of rentals) ids.push(await seedRental(executor, catalog, policies, timeline, rental));
  return ids;
}
