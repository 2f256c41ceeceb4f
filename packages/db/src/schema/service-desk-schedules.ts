import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./core.js";
import { tickets } from "./tickets.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Assets of a customer (K11): `record` is `@kontor/ticketing`'s `Asset`; `earliestExpiry` is the
 * earliest warranty end or license expiry in it, copied so the daily check reads few rows.
 */
export const assets = pgTable(
  "assets",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    record: jsonb("record").notNull(),
    earliestExpiry: date("earliest_expiry", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("assets_organization_idx").on(t.organizationId, t.createdAt, t.id),
    index("assets_earliest_expiry_idx").on(t.earliestExpiry).where(sql`earliest_expiry IS NOT NULL`),
  ],
);

/** Maintenance plans and needs-analysis items (K9); `record` is `@kontor/ticketing`'s `MaintenancePlan`. */
export const maintenancePlans = pgTable(
  "maintenance_plans",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    record: jsonb("record").notNull(),
    active: boolean("active").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("maintenance_plans_organization_idx").on(t.organizationId, t.createdAt, t.id), index("maintenance_plans_active_idx").on(t.id).where(sql`active`)],
);

/** One row per plan and due day (K9): the ticket opened for that occurrence, opened once. */
export const scheduledTicketRuns = pgTable(
  "scheduled_ticket_runs",
  {
    planId: text("plan_id").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    ticketId: text("ticket_id").references(() => tickets.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.dueDate] })],
);
