import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The installation's billing settings (C8, T1): one row, id `installation`. `settings` is the
 * checked input form of `@kontor/invoicing`'s `billingSettingsSchema`, typed `unknown` on
 * reading because whoever uses a stored row checks it again; `version` counts the writes
 * (optimistic locking).
 */
export const billingSettings = pgTable("billing_settings", {
  id: text("id").primaryKey(),
  settings: jsonb("settings").notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: instant("updated_at").notNull(),
});
