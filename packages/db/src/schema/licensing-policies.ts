import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The installation's licensing policies (P1): one row, id `installation`. `policies` is the
 * checked input form of `@kontor/licensing`'s `policySetSchema`, typed `unknown` on reading
 * because whoever uses a stored row checks it again; `version` counts the writes (optimistic
 * locking).
 */
export const licensingPolicies = pgTable("licensing_policies", {
  id: text("id").primaryKey(),
  policies: jsonb("policies").notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: instant("updated_at").notNull(),
});
