import { rentalOutboxEvents } from "@kontor/api";
import { appendToOutbox, findRentalSubscription, insertRentalSubscription, updateRentalSubscription, type DatabaseHandle } from "@kontor/db";
import { bookAddOn, placeRentalOrder, provisionRental, rentalSubscriptionSchema } from "@kontor/licensing";
import type { Organization } from "@kontor/ticketing";
import { M365_RENTAL_CATALOG } from "../../licensing/testing/m365-rental-catalog.js";

const json = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/**
 * Places a provisioned Microsoft 365 rental of `quantity` users for `organization` (M1, M2),
 * stored with its events as the API's rental routes store them (tests).
 */
export async function storeProvisionedRental(database: DatabaseHandle, id: string, organization: Organization, quantity: number, at: Date): Promise<void> {
  const placed = placeRentalOrder(
    {
      subscriptionId: id,
      customerId: organization.id,
      zone: organization.zone,
      productId: "m365-business-standard",
      quantity,
      consents: { termsAndLicenseConditions: true, vendorAccountCreation: true },
    },
    { asOf: at.toISOString(), catalog: M365_RENTAL_CATALOG },
  );
  if (!placed.ok) throw new Error(placed.errors.map((error) => error.code).join(", "));
  const provisioned = provisionRental(placed.value.subscription, { asOf: at.toISOString() });
  if (!provisioned.ok) throw new Error(provisioned.errors.map((error) => error.code).join(", "));
  const { subscription } = provisioned.value;
  await database.db.transaction(async (tx) => {
    const row = await insertRentalSubscription(tx, { id, organizationId: organization.id, productId: subscription.productId, status: subscription.status, record: json(subscription) }, at);
    await appendToOutbox(tx, rentalOutboxEvents(id, row.version, [...placed.value.events, ...provisioned.value.events]), at);
  });
}

/** Books `addOnId` on the stored rental (M6) as `POST /v1/rental-subscriptions/:id/commands` does (tests). */
export async function bookStoredAddOn(database: DatabaseHandle, id: string, addOnId: string, quantity: number, at: Date): Promise<void> {
  await database.db.transaction(async (tx) => {
    const row = await findRentalSubscription(tx, id);
    if (row === undefined) throw new Error(`no rental ${id}`);
    const booked = bookAddOn(rentalSubscriptionSchema.parse(row.record), { addOnId, quantity }, { asOf: at.toISOString(), catalog: M365_RENTAL_CATALOG });
    if (!booked.ok) throw new Error(booked.errors.map((error) => error.code).join(", "));
    const updated = await updateRentalSubscription(tx, row.id, { status: booked.value.subscription.status, record: json(booked.value.subscription) }, row.version, at);
    if (updated === undefined) throw new Error("version conflict");
    await appendToOutbox(tx, rentalOutboxEvents(row.id, updated.version, booked.value.events), at);
  });
}
