import { credentialAccessRequestSchema, credentialSchema } from "@kontor/ticketing";
import { z } from "zod";
import { pageQuerySchema } from "../../http/pagination.js";
import { instantSchema } from "../../http/route-schemas.js";

const organizationIdSchema = credentialSchema.shape.organizationId.max(100);
const assetIdSchema = z.string().min(1).max(100).describe("The asset (K11) the credential opens; it must belong to the same organization");
const labelSchema = credentialSchema.shape.label.max(200).describe("What the credential opens, e.g. `Sophos XGS 2100 admin`");
const usernameSchema = z.string().min(1).max(200).describe("The login name, if the credential has one");
// K12: write-only. No response, log line, outbox event or idempotency record ever holds it.
const secretSchema = z.string().min(1).max(4096).describe("The password, PIN or key; write-only: stored sealed (AES-256-GCM) and never part of a response");

/** Body of `POST /v1/credentials` (K12): metadata and the secret, which is stored sealed. */
export const credentialCreateBodySchema = z
  .object({ organizationId: organizationIdSchema, assetId: assetIdSchema.optional(), label: labelSchema, username: usernameSchema.optional(), secret: secretSchema })
  .strict();

/**
 * Body of `PUT /v1/credentials/:id` (K12): the whole metadata (an absent `assetId` or
 * `username` clears it), optionally a new secret (rotation; absent keeps the stored one), and
 * the version it replaces (optimistic locking). The organization cannot change.
 */
export const credentialReplaceBodySchema = z
  .object({
    assetId: assetIdSchema.optional(),
    label: labelSchema,
    username: usernameSchema.optional(),
    secret: secretSchema.optional().describe("A new secret (rotation); the stored one is kept when absent"),
    expectedVersion: z.int().min(1).describe("The `version` this replacement is based on; another one is 409"),
  })
  .strict();

/** Query of `GET /v1/credentials`: a keyset page, optionally of one organization. */
export const credentialListQuerySchema = pageQuerySchema.extend({
  organizationId: organizationIdSchema.optional().describe("Staff: only this organization's credentials (a portal user always sees only their own)"),
});

/** A stored credential as the API answers it: metadata only, never the secret (K12). */
export const credentialResponseSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    assetId: z.string().nullable(),
    label: z.string(),
    username: z.string().nullable(),
    version: z.int(),
    createdBy: z.string(),
    updatedBy: z.string(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: "StoredCredential", description: "K12: a stored access credential's metadata; the secret is read only through `POST /v1/credentials/{id}/secret-reads`" });

/** Body of `POST /v1/credentials/:id/secret-reads`: nothing to send (`{}` or no body). */
export const secretReadBodySchema = z.object({}).strict().optional();

/** A granted secret read (K12). */
export const secretReadResponseSchema = z.object({ secret: z.string() }).meta({ id: "CredentialSecret" });

/** Body of `POST /v1/credentials/:id/access-requests` (K12: customer staff ask to see a credential). */
export const accessRequestCreateBodySchema = z.object({ reason: z.string().trim().min(1).max(1000).describe("Why the credential is needed") }).strict();

/** Body of `POST /v1/credential-access-requests/:id/approve`. */
export const approveBodySchema = z
  .object({ validUntil: instantSchema.optional().describe("The approval ends at this instant; absent: until revoked") })
  .strict()
  .optional();

/** Body of `/reject` and `/revoke`: nothing to send (`{}` or no body). */
export const decisionBodySchema = z.object({}).strict().optional();

/** An access request as the API answers it (K12). */
export const accessRequestResponseSchema = z
  .object({
    id: z.string(),
    credentialId: z.string(),
    portalUserId: z.string(),
    reason: z.string(),
    status: credentialAccessRequestSchema.shape.status,
    requestedAt: instantSchema,
    decidedBy: z.string().nullable(),
    decidedAt: instantSchema.nullable(),
    validUntil: instantSchema.nullable().describe("An approval ends here; null: until revoked"),
    revokedBy: z.string().nullable(),
    revokedAt: instantSchema.nullable(),
  })
  .meta({ id: "CredentialAccessRequest" });

/** One audited read attempt (K12). */
export const credentialReadResponseSchema = z
  .object({
    id: z.string(),
    credentialId: z.string(),
    organizationId: z.string(),
    actorKind: z.enum(["staff", "portal"]),
    actorId: z.string(),
    actorRole: z.string(),
    granted: z.boolean(),
    refusalCode: z.string().nullable().describe("Why a refused read was refused, e.g. `K12_CREDENTIAL_NOT_APPROVED`"),
    approvalId: z.string().nullable().describe("For customer staff: the approved access request that allowed the read"),
    at: instantSchema,
  })
  .meta({ id: "CredentialRead" });
