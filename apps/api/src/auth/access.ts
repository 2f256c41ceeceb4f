import { can, type AccessAction, type AccessResource } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import { forbidden, notFound } from "../http/problem.js";
import { principal } from "./authenticate.js";
import type { Principal } from "./principal.js";

/** Whether the caller may know that something of `organizationId` exists. */
export function seesOrganization(who: Principal, organizationId: string): boolean {
  return who.actor.kind === "staff" || who.organizationId === organizationId;
}

/**
 * Enforces `can()` from `@kontor/ticketing` (K10). What the caller may not read answers 404, as
 * if it did not exist: a customer never learns another organization's ids. An action the
 * caller's role lacks on something it can see answers 403.
 */
export function requireAccess(request: FastifyRequest, action: AccessAction, resource: AccessResource, what: string): Principal {
  const who = principal(request);
  if (can(who.actor, action, resource)) return who;
  if (!seesOrganization(who, resource.organizationId) || action.endsWith(":read")) throw notFound(what);
  throw forbidden(action);
}

/** For staff-only administration (catalog, staff users): portal users get 404, other staff 403. */
export function requireStaff(request: FastifyRequest, roles: readonly string[], what: string): Principal {
  const who = principal(request);
  if (who.actor.kind !== "staff") throw notFound(what);
  if (!roles.includes(who.actor.role)) throw forbidden(`manage ${what}`);
  return who;
}

/**
 * The organization a list is restricted to: a portal user's own, always; staff may pass one
 * or see all.
 */
export function organizationScope(request: FastifyRequest, requested: string | undefined): string | undefined {
  const who = principal(request);
  if (who.actor.kind === "portal") return who.actor.organizationId;
  return requested;
}
