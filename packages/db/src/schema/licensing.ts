import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Vendors of the licensing catalog (Atlassian, Microsoft, …). */
export const licensingVendors = pgTable("licensing_vendors", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

/** Catalog products; `record` is the JSON `@kontor/licensing`'s `productSchema` reads. */
export const licensingProducts = pgTable(
  "licensing_products",
  {
    id: text("id").primaryKey(),
    vendorId: text("vendor_id")
      .notNull()
      .references(() => licensingVendors.id),
    record: jsonb("record").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("licensing_products_created_idx").on(t.createdAt, t.id)],
);

/** Priced quotes (L7–L9, L8 validity): the request as asked and the `Quote` as priced. */
export const licenseQuotes = pgTable(
  "license_quotes",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull(),
    validUntil: text("valid_until").notNull(),
    request: jsonb("request").notNull(),
    record: jsonb("record").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("license_quotes_created_idx").on(t.createdAt, t.id), index("license_quotes_organization_idx").on(t.organizationId, t.createdAt, t.id)],
);

/** License and service orders (L1–L5, L10, L18); `record` is the `Order` with sealed keys. */
export const licenseOrders = pgTable(
  "license_orders",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    quoteId: text("quote_id").references(() => licenseQuotes.id),
    kind: text("kind", { enum: ["license", "service"] }).notNull(),
    status: text("status").notNull(),
    record: jsonb("record").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("license_orders_created_idx").on(t.createdAt, t.id), index("license_orders_organization_idx").on(t.organizationId, t.createdAt, t.id)],
);

/** Licenses of customers (L13, L15, L17); the key is stored sealed in `keySealed`, never in `record`. */
export const licenses = pgTable(
  "licenses",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    orderId: text("order_id").references(() => licenseOrders.id),
    vendorId: text("vendor_id").notNull(),
    productId: text("product_id").notNull(),
    edition: text("edition").notNull(),
    originalPurchaserId: text("original_purchaser_id").notNull(),
    keySealed: text("key_sealed"),
    record: jsonb("record").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("licenses_created_idx").on(t.createdAt, t.id),
    index("licenses_organization_idx").on(t.organizationId, t.createdAt, t.id),
    index("licenses_order_idx").on(t.orderId),
  ],
);

/** Monthly rentals (M1–M7); `record` is the `RentalSubscription`. */
export const rentalSubscriptions = pgTable(
  "rental_subscriptions",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    productId: text("product_id").notNull(),
    status: text("status").notNull(),
    record: jsonb("record").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("rental_subscriptions_created_idx").on(t.createdAt, t.id),
    index("rental_subscriptions_organization_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);
