import { can } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import { requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import type { Principal } from "../../auth/principal.js";
import { forbidden } from "../../http/problem.js";

// Staff grants of K10 do not depend on the organization; a list across all customers names none.
const ALL_ORGANIZATIONS = "*";

/**
 * K12: who may see credentials' metadata (label, username, asset; never the secret). Staff need
 * `credential:read`; other staff roles get 403 (staff know every customer exists). Customer
 * staff see their own organization's metadata so they know what to request. Call it after the
 * organization is known to be visible (another organization answers 404 before this).
 */
export function requireCredentialMetadataAccess(request: FastifyRequest, organizationId: string | undefined): Principal {
  const who = principal(request);
  if (who.actor.kind === "portal") return who;
  if (!can(who.actor, "credential:read", { organizationId: organizationId ?? ALL_ORGANIZATIONS })) throw forbidden("credential:read");
  return who;
}

/**
 * K12: deciding on customer staff's access requests and reviewing the audit trail need
 * `credential:approve` (service team, admin). Another organization's user gets 404; customer
 * staff and other staff roles 403.
 */
export function requireCredentialApprover(request: FastifyRequest, organizationId: string, what: string): Principal {
  return requireAccess(request, "credential:approve", { organizationId }, what);
}

/**
 * K12: which access requests of a credential the caller sees: every one with
 * `credential:approve`, a portal user their own (returns their id), other staff none (403).
 */
export function accessRequestListScope(request: FastifyRequest, organizationId: string): { readonly portalUserId: string | undefined } {
  const who = principal(request);
  if (who.actor.kind === "portal") return { portalUserId: who.actor.id };
  if (!can(who.actor, "credential:approve", { organizationId })) throw forbidden("credential:approve");
  return { portalUserId: undefined };
}

/**
 * K12: access requests are for customer staff of the credential's organization (the visibility
 * check before this answered 404 for others); staff read with their role's `credential:read`.
 * Returns the requesting portal user's id.
 */
export function requirePortalRequester(request: FastifyRequest): string {
  const who = principal(request);
  if (who.actor.kind !== "portal") throw forbidden("request access to credentials: staff read them with credential:read");
  return who.actor.id;
}
