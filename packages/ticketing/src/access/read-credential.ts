import { issue, type TicketingIssue } from "../errors/ticketing-error.js";
import { toEpochMs, toIsoInstant, type Instant } from "../time/instant.js";
import { can } from "./can.js";
import { activeCredentialApprovals, type Credential, type CredentialAccessRequest } from "./credential.js";
import type { Actor } from "./roles.js";

/** K12: the audit record of a credential read, granted or refused. */
export interface CredentialAuditEvent {
  readonly type: "credential-read";
  readonly credentialId: string;
  readonly organizationId: string;
  readonly actorKind: Actor["kind"];
  readonly actorId: string;
  readonly actorRole: Actor["role"];
  readonly granted: boolean;
  /** For customer staff: the approved request that allowed it. */
  readonly approvalId?: string;
  readonly at: string;
  /** Stable per actor, credential and instant, so a retried audit write is stored once. */
  readonly dedupeKey: string;
}

/** The outcome of {@link readCredential}: always with an audit event. */
export type CredentialReadOutcome =
  | { readonly ok: true; readonly secretRef: string; readonly audit: CredentialAuditEvent }
  | { readonly ok: false; readonly errors: readonly TicketingIssue[]; readonly audit: CredentialAuditEvent };

/**
 * Decides a credential read (K12) and produces its audit event, granted or not: every read
 * attempt is audited. Staff need a role that works with credentials; customer staff need an
 * approved, unexpired request of their own.
 *
 * @param actor who reads
 * @param credential what is read
 * @param requests access requests of the credential's organization
 * @param asOf when
 */
export function readCredential(
  actor: Actor,
  credential: Credential,
  requests: readonly CredentialAccessRequest[],
  asOf: Instant,
): CredentialReadOutcome {
  const asOfMs = toEpochMs(asOf);
  const active = actor.kind === "portal" ? activeCredentialApprovals(requests, credential.id, asOfMs) : [];
  const approvedReaderIds = active.map((request) => request.portalUserId);
  const granted = can(actor, "credential:read", { organizationId: credential.organizationId, approvedReaderIds });
  const approval = granted && actor.kind === "portal" ? active.find((request) => request.portalUserId === actor.id) : undefined;
  const at = toIsoInstant(asOfMs);
  const audit: CredentialAuditEvent = {
    type: "credential-read",
    credentialId: credential.id,
    organizationId: credential.organizationId,
    actorKind: actor.kind,
    actorId: actor.id,
    actorRole: actor.role,
    granted,
    ...(approval === undefined ? {} : { approvalId: approval.id }),
    at,
    dedupeKey: `credential-read:${credential.id}:${actor.kind}:${actor.id}:${at}`,
  };
  if (granted) return { ok: true, secretRef: credential.secretRef, audit };
  const code = actor.kind === "portal" && actor.organizationId === credential.organizationId ? "K12_CREDENTIAL_NOT_APPROVED" : "K12_CREDENTIAL_ACCESS_DENIED";
  const message =
    code === "K12_CREDENTIAL_NOT_APPROVED"
      ? `Credentials "${credential.label}" are shown to customer staff only after an approved request`
      : `${actor.role} ${actor.id} may not read credentials "${credential.label}"`;
  return { ok: false, errors: [issue(code, message, ["actor"])], audit };
}
