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
  },
  (t) => [
    unique("service_reports_contract_id_month_key").on(t.contractId, t.month),
    index("service_reports_organization_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);
