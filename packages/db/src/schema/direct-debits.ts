import { sql } from "drizzle-orm";
import { date, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { organizations } from "./core.js";
import { invoicePayments, invoices } from "./invoicing.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * SEPA direct debit collection files (C8, T7; migration `0027_direct_debit_batches.sql`): one
 * row per pain.008.001.08 file. `fileSealed` is `sealSecret` output of the XML (it holds the
 * debtors' IBANs). Amounts are exact decimal strings (P3), always `EUR`. Never deleted; the
 * recorded columns never change, the `cancel*` columns are set once, together (a trigger).
 */
export const directDebitBatches = pgTable(
  "direct_debit_batches",
  {
    id: text("id").primaryKey(),
    /** GrpHdr/MsgId, unique: 1–35 characters of the SEPA character set. */
    messageId: text("message_id").notNull().unique("direct_debit_batches_message_id_key"),
    /** GrpHdr/NbOfTxs: the number of the batch's collections. */
    numberOfTransactions: integer("number_of_transactions").notNull(),
    /** GrpHdr/CtrlSum: the exact sum of the collections' amounts, e.g. `"4284.00"`. */
    controlSum: numeric("control_sum").notNull(),
    /** Always `"EUR"` (a table CHECK). */
    currency: text("currency").notNull(),
    /** `YYYY-MM-DD`: the earliest ReqdColltnDt of the file. */
    firstCollectionDate: date("first_collection_date", { mode: "string" }).notNull(),
    /** `YYYY-MM-DD`: the latest ReqdColltnDt of the file. */
    lastCollectionDate: date("last_collection_date", { mode: "string" }).notNull(),
    /** `sealSecret` of the pain.008 XML. */
    fileSealed: text("file_sealed").notNull(),
    /** The id of the user who created the file. */
    createdBy: text("created_by").notNull(),
    createdAt: instant("created_at").notNull(),
    /** When the batch was cancelled; `null` while it stands. */
    cancelledAt: instant("cancelled_at"),
    /** The id of the user who cancelled it; `null` while it stands. */
    cancelledBy: text("cancelled_by"),
    /** Why it was cancelled; `null` when no reason was given or while it stands. */
    cancellationReason: text("cancellation_reason"),
  },
  (t) => [index("direct_debit_batches_created_idx").on(t.createdAt.desc(), t.id.desc())],
);

/**
 * One collection (DrctDbtTxInf) of a {@link directDebitBatches} file: one invoice's open amount
 * collected on its pre-notified due date (T7) under its mandate. `paymentId` is set once when the
 * collected money is booked as an `invoice_payments` row; `releasedAt` once when the batch is
 * cancelled before that. An invoice has at most one pending collection (neither set; a partial
 * unique index).
 */
export const directDebitCollections = pgTable(
  "direct_debit_collections",
  {
    batchId: text("batch_id")
      .notNull()
      .references(() => directDebitBatches.id),
    invoiceId: text("invoice_id")
      .notNull()
      .references(() => invoices.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** PmtId/EndToEndId: the invoice number. */
    endToEndId: text("end_to_end_id").notNull(),
    /** InstdAmt: a positive decimal string, e.g. `"1190.00"`. */
    amount: numeric("amount").notNull(),
    /** Always `"EUR"` (a table CHECK). */
    currency: text("currency").notNull(),
    /** `YYYY-MM-DD`: ReqdColltnDt, the invoice's pre-notified due date. */
    collectionDate: date("collection_date", { mode: "string" }).notNull(),
    /** MndtRltdInf/MndtId. */
    mandateReference: text("mandate_reference").notNull(),
    /** The payment the collected money was booked as; `null` until then. */
    paymentId: text("payment_id").references(() => invoicePayments.id),
    /** When the batch's cancellation released it; `null` otherwise. */
    releasedAt: instant("released_at"),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.invoiceId] }),
    unique("direct_debit_collections_batch_id_end_to_end_id_key").on(t.batchId, t.endToEndId),
    uniqueIndex("direct_debit_collections_pending_idx").on(t.invoiceId).where(sql`payment_id IS NULL AND released_at IS NULL`),
    uniqueIndex("direct_debit_collections_payment_idx").on(t.paymentId).where(sql`payment_id IS NOT NULL`),
    // Migration 0028: returned direct debits are found by end-to-end ID among the booked collections.
    index("direct_debit_collections_booked_end_to_end_idx").on(t.endToEndId).where(sql`payment_id IS NOT NULL`),
    // Migration 0029: the bank's credit of a file finds its pending collections by end-to-end ID.
    index("direct_debit_collections_pending_end_to_end_idx").on(t.endToEndId).where(sql`payment_id IS NULL AND released_at IS NULL`),
  ],
);
