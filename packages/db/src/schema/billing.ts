import { index, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { contingentContracts } from "./contingent.js";
import { organizations } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The service report PDF of a closed contract month (C8), stored once: `id` is the
 * service-report ID the invoice prints (`SR-<contract>-<YYYY-MM>`).
 */
export const serviceReports = pgTable(
  "service_reports",
  {
    id: text("id").primaryKey(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contingentContracts.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    month: text("month").notNull(),
    pdf: bytea("pdf").notNull(),
    createdAt: instant("created_at").notNull(),
    /**
     * When the month's services were released for billing (K1, C8; migration 0020): at month
     * close by the worker (`releasedBy` `automatic`) or later by the back office. NULL: held,
     * neither mailed nor invoiced, and hidden from the customer's portal (K10, K13).
     */
    releasedAt: instant("released_at"),
    /** Who released it: a staff user's id, or `automatic`; NULL exactly when `releasedAt` is. */
    releasedBy: text("released_by"),
  },
  (t) => [
    unique("service_reports_contract_id_month_key").on(t.contractId, t.month),
    index("service_reports_organization_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);
