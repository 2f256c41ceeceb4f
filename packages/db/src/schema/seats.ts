import { index, integer, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { organizations } from "./core.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The head of an organization's seat history (S10): `version` is the number of events. Appends
 * lock this row, so concurrent commands of one organization run one after the other.
 */
export const seatHistories = pgTable("seat_histories", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organizations.id),
  version: integer("version").notNull().default(0),
  updatedAt: instant("updated_at").notNull(),
});

/**
 * One `@kontor/seats` `SeatEvent` (`event`) per row, numbered by `sequence` within the
 * organization; `created_at` is the event's `at`.
 */
export const seatEvents = pgTable(
  "seat_events",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    sequence: integer("sequence").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    event: jsonb("event").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    unique("seat_events_organization_id_sequence_key").on(t.organizationId, t.sequence),
    unique("seat_events_organization_id_event_id_key").on(t.organizationId, t.eventId),
    index("seat_events_organization_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);
