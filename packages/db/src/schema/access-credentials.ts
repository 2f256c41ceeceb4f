import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organizations, users } from "./core.js";
import { assets } from "./service-desk-schedules.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Stored access credentials of a customer (K12). `secretSealed` is `sealSecret` output
 * (AES-256-GCM under the process data key); the plain secret is never stored.
 */
export const accessCredentials = pgTable(
  "access_credentials",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    assetId: text("asset_id").references(() => assets.id),
    label: text("label").notNull(),
    username: text("username"),
    secretSealed: text("secret_sealed").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    updatedBy: text("updated_by").notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("access_credentials_organization_idx").on(t.organizationId, t.createdAt, t.id), index("access_credentials_created_idx").on(t.createdAt, t.id)],
);

/** A customer employee's request to see a credential (K12: "on request and approval"). */
export const credentialAccessRequests = pgTable(
  "credential_access_requests",
  {
    id: text("id").primaryKey(),
    credentialId: text("credential_id")
      .notNull()
      .references(() => accessCredentials.id),
    portalUserId: text("portal_user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    requestedAt: instant("requested_at").notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected", "revoked"] }).notNull(),
    decidedBy: text("decided_by"),
    decidedAt: instant("decided_at"),
    validUntil: instant("valid_until"),
    revokedBy: text("revoked_by"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [
    index("credential_access_requests_credential_idx").on(t.credentialId, t.requestedAt, t.id),
    index("credential_access_requests_approved_idx").on(t.credentialId, t.portalUserId).where(sql`status = 'approved'`),
    uniqueIndex("credential_access_requests_pending_idx").on(t.credentialId, t.portalUserId).where(sql`status = 'pending'`),
  ],
);

/** The audit trail of credential reads (K12): one row per attempt, granted or refused. */
export const credentialReads = pgTable(
  "credential_reads",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    credentialId: text("credential_id")
      .notNull()
      .references(() => accessCredentials.id),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    actorKind: text("actor_kind", { enum: ["staff", "portal"] }).notNull(),
    actorId: text("actor_id").notNull(),
    actorRole: text("actor_role").notNull(),
    granted: boolean("granted").notNull(),
    refusalCode: text("refusal_code"),
    approvalId: text("approval_id").references(() => credentialAccessRequests.id),
    at: instant("at").notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
  },
  (t) => [index("credential_reads_credential_idx").on(t.credentialId, t.at, t.id)],
);
