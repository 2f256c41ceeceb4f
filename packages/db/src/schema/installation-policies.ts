import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The installation's policies (P1): one row per domain (`licensing`, `contingent`, `seats`,
 * `terms`, `ticketing`). `policies` is the checked input form of the domain package's policy-set schema,
 * typed `unknown` on reading because whoever uses a stored row checks it again; `version`
 * counts the writes (optimistic locking).
 */
export const installationPolicies = pgTable("installation_policies", {
  domain: text("domain").primaryKey(),
  policies: jsonb("policies").notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: instant("updated_at").notNull(),
});
