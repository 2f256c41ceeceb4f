import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organizations } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * SEPA direct-debit mandates of customers (C8, T7; migration `0018_sepa_mandates.sql`).
 * `debtorIbanSealed` is `sealSecret` output (AES-256-GCM under the process data key): the IBAN
 * is never stored in plain text; `debtorIbanMasked` and `debtorIbanLast4` are for display.
 * `preNotificationDays` is the T7 period agreed in the mandate (1–14), `null` when none was
 * agreed (the SEPA policy in force decides).
 */
export const sepaMandates = pgTable(
  "sepa_mandates",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    mandateReference: text("mandate_reference").notNull(),
    debtorIbanSealed: text("debtor_iban_sealed").notNull(),
    debtorIbanLast4: text("debtor_iban_last4").notNull(),
    debtorIbanMasked: text("debtor_iban_masked").notNull(),
    debtorName: text("debtor_name").notNull(),
    signedOn: date("signed_on", { mode: "string" }).notNull(),
    preNotificationDays: integer("pre_notification_days"),
    status: text("status", { enum: ["active", "revoked"] })
      .notNull()
      .default("active"),
    revokedAt: instant("revoked_at"),
    revokedBy: text("revoked_by"),
    createdBy: text("created_by").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("sepa_mandates_reference_idx").on(sql`upper(${t.mandateReference})`),
    index("sepa_mandates_organization_idx").on(t.organizationId, t.createdAt, t.id),
    index("sepa_mandates_active_idx").on(t.organizationId, t.signedOn).where(sql`status = 'active'`),
  ],
);
