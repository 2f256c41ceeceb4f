import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * M1: a customer's rental prices per user and month where they differ from the list price.
 * `prices` is the JSON form of `@kontor/licensing`'s `CustomerPriceList.prices`, typed `unknown`
 * on reading because whoever uses a stored row checks it again; `version` counts the writes.
 */
export const customerPriceLists = pgTable("customer_price_lists", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organizations.id),
  prices: jsonb("prices").notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: instant("updated_at").notNull(),
});
