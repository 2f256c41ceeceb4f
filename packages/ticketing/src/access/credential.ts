import { z } from "zod";
import { isoInstantSchema, tryParseInstant } from "../time/instant.js";

/**
 * zod schema of stored access credentials (K12): metadata and a reference into the secret store;
 * this package never sees the secret itself.
 */
export const credentialSchema = z
  .object({
    id: z.string().min(1),
    organizationId: z.string().min(1),
    assetId: z.string().min(1).optional(),
    label: z.string().min(1),
    username: z.string().optional(),
    secretRef: z.string().min(1),
  })
  .strict();

/** Stored access credentials (K12). */
export type Credential = z.infer<typeof credentialSchema>;

/** zod schema of a customer employee's request to see credentials (K12: "on request and approval"). */
export const credentialAccessRequestSchema = z
  .object({
    id: z.string().min(1),
    credentialId: z.string().min(1),
    portalUserId: z.string().min(1),
    requestedAt: isoInstantSchema,
    status: z.enum(["pending", "approved", "rejected", "revoked"]),
    decidedBy: z.string().min(1).optional(),
    decidedAt: isoInstantSchema.optional(),
    /** Approvals may be limited in time; absent = until revoked. */
    validUntil: isoInstantSchema.optional(),
  })
  .strict();

/** A request to see credentials (K12). */
export type CredentialAccessRequest = z.infer<typeof credentialAccessRequestSchema>;

/**
 * Requests for `credentialId` that are approved and valid at `asOfMs`: decided at or before it and
 * not expired.
 */
export function activeCredentialApprovals(
  requests: readonly CredentialAccessRequest[],
  credentialId: string,
  asOfMs: number,
): CredentialAccessRequest[] {
  const active: CredentialAccessRequest[] = [];
  for (const request of requests) {
    if (request.credentialId !== credentialId || request.status !== "approved") continue;
    const decided = request.decidedAt === undefined ? undefined : tryParseInstant(request.decidedAt);
    if (decided === undefined || decided > asOfMs) continue;
    const until = request.validUntil === undefined ? undefined : tryParseInstant(request.validUntil);
    if (until !== undefined && until < asOfMs) continue;
    active.push(request);
  }
  return active;
}

/** Portal users with an active approval: the `approvedReaderIds` of the credential's access resource. */
export function approvedCredentialReaders(requests: readonly CredentialAccessRequest[], credentialId: string, asOfMs: number): string[] {
  return activeCredentialApprovals(requests, credentialId, asOfMs).map((request) => request.portalUserId);
}
