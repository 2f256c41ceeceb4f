import { sql } from "drizzle-orm";
import { index, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { contingentContracts } from "./contingent.js";
import { organizations } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Metered usage of managed-services contracts (C9, migration 0017): one quantity of one meter
 * (`@kontor/contingent`'s `Meter`) in one month; several records of a meter in a month add up.
 * `quantity` is a `numeric` read and written as a decimal string (P3: never a JS number). The
 * sequence-made `id` sorts in recording order.
 */
export const usageRecords = pgTable(
  "usage_records",
  {
    id: text("id")
      .primaryKey()
      .default(sql`('ur-' || lpad(nextval('usage_records_id_seq')::text, 16, '0'))`),
    contractId: text("contract_id")
      .notNull()
      .references(() => contingentContracts.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM`. */
    month: text("month").notNull(),
    meter: text("meter").notNull(),
    /** A non-negative decimal string, e.g. `"1250.5"`. */
    quantity: numeric("quantity").notNull(),
    source: text("source").notNull().default(""),
    /** The id of the user who recorded it. */
    recordedBy: text("recorded_by").notNull(),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [
    index("usage_records_contract_month_idx").on(t.contractId, t.month, t.recordedAt, t.id),
    index("usage_records_contract_recorded_idx").on(t.contractId, t.recordedAt, t.id),
  ],
);
