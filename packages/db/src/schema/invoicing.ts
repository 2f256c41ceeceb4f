import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { organizations } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Invoices, credit notes and correction invoices (`@kontor/invoicing`). `document` is the
 * composed document as JSON (with its validated input in `source`); `number`, `pdf` and `xml`
 * are set once, when the document is finalized, and never change afterwards (§14 UStG, GoBD).
 */
export const invoices = pgTable(
  "invoices",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    type: text("type", { enum: ["invoice", "credit-note", "corrected-invoice"] }).notNull(),
    status: text("status", { enum: ["draft", "finalized"] }).notNull(),
    number: text("number").unique(),
    precedingInvoiceId: text("preceding_invoice_id").references((): AnyPgColumn => invoices.id),
    document: jsonb("document").notNull(),
    pdf: bytea("pdf"),
    xml: text("xml"),
    finalizedAt: instant("finalized_at"),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    version: integer("version").notNull().default(1),
    /** What the invoice bills, e.g. `contingent:<contract>:<YYYY-MM>` (unique; null when composed by hand). */
    sourceKey: text("source_key").unique(),
  },
  (t) => [
    index("invoices_created_idx").on(t.createdAt, t.id),
    index("invoices_organization_idx").on(t.organizationId, t.status, t.createdAt, t.id),
    index("invoices_preceding_idx").on(t.precedingInvoiceId).where(sql`preceding_invoice_id IS NOT NULL`),
  ],
);
