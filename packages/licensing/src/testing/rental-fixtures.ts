import { placeRentalOrder } from "../rental/place-rental-order.js";
import type { RentalSubscription } from "../rental/rental-subscription.js";
import { TEST_CATALOG } from "./fixtures.js";
import { valueOf } from "./expect-result.js";

/** Places an order for `quantity` Microsoft 365 Business Standard licenses at `asOf` with both consents (tests only). */
export function rentedM365(quantity: number, asOf: string, zone = "Europe/Berlin"): RentalSubscription {
  return valueOf(
    placeRentalOrder(
      {
        subscriptionId: "R-1",
        customerId: "C-100",
        zone,
        productId: "m365-business-standard",
        quantity,
        consents: { termsAndLicenseConditions: true, vendorAccountCreation: true },
      },
      { asOf, catalog: TEST_CATALOG },
    ),
  ).subscription;
}
