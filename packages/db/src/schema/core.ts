import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Customer organizations (O1); `record` is `@kontor/ticketing`'s `Organization`. */
export const organizations = pgTable(
  "organizations",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    record: jsonb("record").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("organizations_created_idx").on(t.createdAt, t.id)],
);

/** Staff users (no organization) and portal users of one organization (K10, O2). */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["staff", "portal"] }).notNull(),
    organizationId: text("organization_id").references(() => organizations.id),
    role: text("role").notNull(),
    email: text("email").notNull(),
    profile: jsonb("profile").notNull(),
    disabledAt: instant("disabled_at"),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("users_email_idx").on(sql`lower(${t.email})`), index("users_organization_idx").on(t.organizationId, t.createdAt, t.id)],
);

/** API tokens and one-time login tokens, stored as SHA-256 hashes only. */
export const credentials = pgTable(
  "credentials",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["api-token", "login-token"] }).notNull(),
    name: text("name").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    expiresAt: instant("expires_at"),
    usedAt: instant("used_at"),
    revokedAt: instant("revoked_at"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("credentials_user_idx").on(t.userId)],
);

/** Stored responses for `Idempotency-Key` replays. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    principalId: text("principal_id").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code"),
    responseHeaders: jsonb("response_headers"),
    responseBody: text("response_body"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.principalId, t.key] })],
);

/** Events committed with the state change that caused them; delivered at least once. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    topic: text("topic").notNull(),
    aggregateType: text("aggregate_type").notNull(),
    aggregateId: text("aggregate_id").notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    payload: jsonb("payload").notNull(),
    createdAt: instant("created_at").notNull(),
    availableAt: instant("available_at").notNull(),
    deliveredAt: instant("delivered_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_pending_idx").on(t.availableAt, t.id).where(sql`delivered_at IS NULL`)],
);

/** Gap-free number series (invoice numbers). */
export const numberSeries = pgTable("number_series", {
  id: text("id").primaryKey(),
  lastIssued: text("last_issued"),
  updatedAt: instant("updated_at").notNull(),
});
