import { catalogSchema } from "@kontor/licensing";

/** Seed 002's marketplace: Microsoft 365 Business Standard at 11.70 EUR per user and month, Teams Phone at 7.50 (tests). */
export const M365_RENTAL_CATALOG = catalogSchema.parse({
  vendors: [{ id: "microsoft", name: "Microsoft" }],
  products: [
    {
      id: "m365-business-standard",
      vendorId: "microsoft",
      name: "Microsoft 365 Business Standard",
      productLine: "m365",
      edition: "cloud",
      billingModel: "monthly-rental",
      currency: "EUR",
      pricing: { kind: "per-user", pricePerUser: { amount: "11.70", currency: "EUR" } },
      addOns: [{ id: "teams-phone", name: "Teams Phone Standard", pricePerUnit: { amount: "7.50", currency: "EUR" } }],
    },
  ],
});
