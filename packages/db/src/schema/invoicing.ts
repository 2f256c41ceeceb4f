import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";
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
    /** The overdue list: finalized invoices and correction invoices by (due date, id) (migration 0025). */
    index("invoices_payable_due_idx")
      .on(sql`(document -> 'paymentTerms' ->> 'dueDate')`, t.id)
      .where(sql`status = 'finalized' AND type IN ('invoice', 'corrected-invoice')`),
    /** The candidates of a direct debit file: the same, paid by SEPA direct debit (migration 0027). */
    index("invoices_direct_debit_due_idx")
      .on(sql`(document -> 'paymentTerms' ->> 'dueDate')`, t.id)
      .where(sql`status = 'finalized' AND type IN ('invoice', 'corrected-invoice') AND (document -> 'source' -> 'paymentMeans' ->> 'kind') = 'sepa-direct-debit'`),
  ],
);

/**
 * Payments received on finalized invoices and correction invoices (migration
 * `0025_invoice_payments.sql`). `amount` is a `numeric` read and written as an exact decimal
 * string (P3: never a JS number), in `currency`; `receivedOn` is the ISO day the money arrived.
 * A payment is recorded once and never deleted (GoBD); its recorded columns never change. A
 * payment that did not pay the invoice (returned, bounced, booked on the wrong invoice) is
 * reversed: the `reversal*` columns (migration `0026_invoice_payment_reversal.sql`) are set once,
 * all `null` until then (a table CHECK: day, reason and instant are set together).
 */
export const invoicePayments = pgTable(
  "invoice_payments",
  {
    id: text("id").primaryKey(),
    invoiceId: text("invoice_id")
      .notNull()
      .references(() => invoices.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** A positive decimal string, e.g. `"119.00"`. */
    amount: numeric("amount").notNull(),
    /** ISO 4217, e.g. `"EUR"`. */
    currency: text("currency").notNull(),
    /** `YYYY-MM-DD`: the bank statement's value date. */
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    /** A `@kontor/invoicing` payment method, e.g. `"bank-transfer"`. */
    method: text("method").notNull(),
    /** Bank statement text or card transaction id. */
    reference: text("reference"),
    /** The id of the user who recorded it; `null` when the system did. */
    recordedBy: text("recorded_by"),
    recordedAt: instant("recorded_at").notNull(),
    /** `YYYY-MM-DD`: the day the payment was reversed; `null` while it stands. */
    reversedOn: date("reversed_on", { mode: "string" }),
    /** Why it was reversed; `null` while it stands. */
    reversalReason: text("reversal_reason", { enum: ["returned", "recorded-in-error"] }),
    /** Free text about the reversal (the bank's return reason); `null` when none was given. */
    reversalNote: text("reversal_note"),
    /** The id of the user who reversed it; `null` when the system did or while it stands. */
    reversedBy: text("reversed_by"),
    reversedAt: instant("reversed_at"),
  },
  (t) => [index("invoice_payments_invoice_idx").on(t.invoiceId, t.receivedOn, t.id)],
);
