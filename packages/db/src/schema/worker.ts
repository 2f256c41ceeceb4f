import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { organizations } from "./core.js";
import { tickets } from "./tickets.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * What became of an inbound mail (K2–K4); `received` until the intake decided (again, after
 * staff released it). `discarded`: staff reviewed a kept or quarantined mail and dropped it; the
 * raw bytes stay.
 */
export type InboundMailStatus = "received" | "ticket-created" | "appended" | "ignored" | "kept" | "quarantined" | "discarded";

/** Every inbound message, stored raw before it is parsed or decided on (K2). */
export const inboundMails = pgTable(
  "inbound_mails",
  {
    id: text("id").primaryKey(),
    source: text("source", { enum: ["smtp", "imap"] }).notNull(),
    envelope: jsonb("envelope").notNull(),
    sourceKey: text("source_key").unique(),
    raw: bytea("raw").notNull(),
    size: integer("size").notNull(),
    messageId: text("message_id"),
    sender: text("sender"),
    status: text("status").$type<InboundMailStatus>().notNull(),
    reasonCode: text("reason_code"),
    reason: text("reason"),
    ticketId: text("ticket_id").references(() => tickets.id),
    receivedAt: instant("received_at").notNull(),
    processedAt: instant("processed_at"),
    /** Set on release (K2): intake treats the sender as a contact of this organization. */
    assignedOrganizationId: text("assigned_organization_id").references(() => organizations.id),
    releasedBy: text("released_by"),
    releasedAt: instant("released_at"),
    discardedBy: text("discarded_by"),
    discardedAt: instant("discarded_at"),
    discardNote: text("discard_note"),
  },
  (t) => [
    index("inbound_mails_pending_idx").on(t.receivedAt, t.id).where(sql`status = 'received'`),
    index("inbound_mails_message_id_idx").on(t.messageId).where(sql`message_id IS NOT NULL`),
    index("inbound_mails_received_idx").on(t.receivedAt, t.id),
    index("inbound_mails_ticket_idx").on(t.ticketId, t.receivedAt).where(sql`ticket_id IS NOT NULL`),
    index("inbound_mails_review_idx").on(t.status, t.receivedAt, t.id).where(sql`status IN ('kept', 'quarantined', 'discarded')`),
  ],
);

/** One row per sent mail, keyed by its dedupe key (a retried event never sends twice). */
export const mailDeliveries = pgTable("mail_deliveries", {
  dedupeKey: text("dedupe_key").primaryKey(),
  messageId: text("message_id").notNull(),
  recipients: jsonb("recipients").$type<string[]>().notNull(),
  subject: text("subject").notNull(),
  outboxId: bigint("outbox_id", { mode: "number" }),
  sentAt: instant("sent_at").notNull(),
});

/** Which worker ran which pg-boss job and how it ended. */
export const workerJobRuns = pgTable(
  "worker_job_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    jobId: text("job_id").notNull(),
    queue: text("queue").notNull(),
    workerId: text("worker_id").notNull(),
    startedAt: instant("started_at").notNull(),
    finishedAt: instant("finished_at"),
    outcome: text("outcome", { enum: ["completed", "failed"] }),
    summary: jsonb("summary"),
    error: text("error"),
  },
  (t) => [index("worker_job_runs_job_idx").on(t.jobId), index("worker_job_runs_queue_idx").on(t.queue, t.startedAt)],
);
