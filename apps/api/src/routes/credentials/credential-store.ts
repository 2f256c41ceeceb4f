import {
  findAccessCredential,
  findCredentialAccessRequest,
  type AccessCredentialRow,
  type CredentialAccessRequestRow,
  type CredentialReadRow,
  type NewCredentialRead,
} from "@kontor/db";
import type { Credential, CredentialAccessRequest, CredentialReadOutcome } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { seesOrganization } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { notFound } from "../../http/problem.js";

/** A stored credential as the API answers it: metadata only (K12). */
export function toCredentialResponse(row: AccessCredentialRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    assetId: row.assetId,
    label: row.label,
    username: row.username,
    version: row.version,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An access request as the API answers it (K12). */
export function toAccessRequestResponse(row: CredentialAccessRequestRow) {
  return {
    id: row.id,
    credentialId: row.credentialId,
    portalUserId: row.portalUserId,
    reason: row.reason,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** An audit row as the API answers it (K12). */
export function toCredentialReadResponse(row: CredentialReadRow) {
  return {
    id: String(row.id),
    credentialId: row.credentialId,
    organizationId: row.organizationId,
    actorKind: row.actorKind,
    actorId: row.actorId,
    actorRole: row.actorRole,
    granted: row.granted,
    refusalCode: row.refusalCode,
    approvalId: row.approvalId,
    at: row.at.toISOString(),
  };
}

/**
 * The stored credential as `@kontor/ticketing` decides on it. `secretRef` names where the
 * sealed secret lives; the domain package never sees the secret (K12).
 */
export function toDomainCredential(row: AccessCredentialRow): Credential {
  return {
    id: row.id,
    organizationId: row.organizationId,
    ...(row.assetId === null ? {} : { assetId: row.assetId }),
    label: row.label,
    ...(row.username === null ? {} : { username: row.username }),
    secretRef: `access_credentials/${row.id}`,
  };
}

/** A stored access request as `@kontor/ticketing` decides on it. */
export function toDomainAccessRequest(row: CredentialAccessRequestRow): CredentialAccessRequest {
  return {
    id: row.id,
    credentialId: row.credentialId,
    portalUserId: row.portalUserId,
    requestedAt: row.requestedAt.toISOString(),
    status: row.status,
    ...(row.decidedBy === null ? {} : { decidedBy: row.decidedBy }),
    ...(row.decidedAt === null ? {} : { decidedAt: row.decidedAt.toISOString() }),
    ...(row.validUntil === null ? {} : { validUntil: row.validUntil.toISOString() }),
  };
}

/**
 * The audit row of a read decision (K12). `readCredential`'s dedupe key is per actor and instant;
 * `attemptId` tells two attempts at the same instant apart, so each one is its own row.
 */
export function toAuditRow(outcome: CredentialReadOutcome, attemptId: string): NewCredentialRead {
  const { audit } = outcome;
  return {
    credentialId: audit.credentialId,
    organizationId: audit.organizationId,
    actorKind: audit.actorKind,
    actorId: audit.actorId,
    actorRole: audit.actorRole,
    granted: audit.granted,
    refusalCode: outcome.ok ? null : (outcome.errors[0]?.code ?? "K12_CREDENTIAL_ACCESS_DENIED"),
    approvalId: audit.approvalId ?? null,
    at: new Date(audit.at),
    dedupeKey: `${audit.dedupeKey}:${attemptId}`,
  };
}

/** Loads a credential's metadata the caller may know exists; 404 otherwise (K10: another customer's look absent). */
export async function visibleCredential(deps: ApiDeps, request: FastifyRequest, id: string): Promise<AccessCredentialRow> {
  const row = await findAccessCredential(deps.database.db, id);
  if (row === undefined || !seesOrganization(principal(request), row.organizationId)) throw notFound(`Credential ${id}`);
  return row;
}

/** Loads an access request and its credential, if the caller may know they exist; 404 otherwise (K10). */
export async function visibleAccessRequest(
  deps: ApiDeps,
  request: FastifyRequest,
  id: string,
): Promise<{ readonly accessRequest: CredentialAccessRequestRow; readonly credential: AccessCredentialRow }> {
  const accessRequest = await findCredentialAccessRequest(deps.database.db, id);
  const credential = accessRequest === undefined ? undefined : await findAccessCredential(deps.database.db, accessRequest.credentialId);
  if (accessRequest === undefined || credential === undefined || !seesOrganization(principal(request), credential.organizationId)) {
    throw notFound(`Credential access request ${id}`);
  }
  return { accessRequest, credential };
}
