import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { organizations, users } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Tickets (K1): `document` is `@kontor/ticketing`'s `Ticket` with its history; the other
 * columns are copies of its fields that lists filter and sort on.
 */
export const tickets = pgTable(
  "tickets",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull().unique(),
    organizationId: text("organization_id").references(() => organizations.id),
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    status: text("status").notNull(),
    priority: text("priority").notNull(),
    subject: text("subject").notNull(),
    requesterEmail: text("requester_email").notNull(),
    requesterPortalUserId: text("requester_portal_user_id").references(() => users.id),
    assigneeId: text("assignee_id"),
    sensorId: text("sensor_id"),
    document: jsonb("document").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("tickets_created_idx").on(t.createdAt, t.id),
    index("tickets_organization_idx").on(t.organizationId, t.createdAt, t.id),
    index("tickets_requester_idx").on(t.requesterPortalUserId, t.createdAt, t.id),
    index("tickets_status_idx").on(t.status, t.createdAt, t.id),
    index("tickets_assignee_idx").on(t.assigneeId, t.createdAt, t.id),
    index("tickets_sensor_idx").on(t.organizationId, t.sensorId, t.createdAt),
    uniqueIndex("tickets_open_sensor_idx")
      .on(t.organizationId, t.sensorId)
      .where(sql`sensor_id IS NOT NULL AND status NOT IN ('resolved', 'closed')`),
  ],
);

/** Attachments of tickets (K1, K3) with their bytes; `meta` is the classified `TicketAttachment`. */
export const ticketAttachments = pgTable(
  "ticket_attachments",
  {
    id: text("id").primaryKey(),
    ticketId: text("ticket_id")
      .notNull()
      .references(() => tickets.id),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    meta: jsonb("meta").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("ticket_attachments_ticket_idx").on(t.ticketId, t.createdAt, t.id)],
);

/** The ticket number sequence (K1): last sequence handed out and the year it belongs to. */
export const ticketNumberSequences = pgTable("ticket_number_sequences", {
  id: text("id").primaryKey(),
  year: integer("year"),
  lastSequence: integer("last_sequence").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

/** Monitoring systems reporting alerts for one organization (K8), keyed by a SHA-256 hash. */
export const monitoringSources = pgTable(
  "monitoring_sources",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    createdBy: text("created_by").notNull(),
    createdAt: instant("created_at").notNull(),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("monitoring_sources_organization_idx").on(t.organizationId, t.createdAt, t.id)],
);
