import type { FastifyRequest } from "fastify";
import { requireAccess, requireStaff } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import type { Principal } from "../../auth/principal.js";
import { forbidden, notFound } from "../../http/problem.js";

/** Staff roles that sell and administer licenses. */
export const LICENSING_STAFF_ROLES = ["admin", "account-manager", "back-office"] as const;

/**
 * Reading licensing data of an organization: `contract:read` (staff, and the organization's
 * portal managers). Anyone else gets 404, as if it did not exist (K10).
 */
export function requireLicensingRead(request: FastifyRequest, organizationId: string, what: string): Principal {
  return requireAccess(request, "contract:read", { organizationId }, what);
}

/** Selling and changing licenses, quotes and orders: licensing staff only; portal users get 404. */
export function requireLicensingStaff(request: FastifyRequest, what: string): Principal {
  return requireStaff(request, LICENSING_STAFF_ROLES, what);
}

/**
 * M1, M3: customers order rentals themselves and change quantity, book add-ons or cancel from
 * "my orders". So besides licensing staff, the organization's portal manager may act on its own
 * rentals; a reporter of it gets 403, a foreign organization 404.
 */
export function requireRentalWriter(request: FastifyRequest, organizationId: string, what: string): Principal {
  const who = principal(request);
  if (who.actor.kind === "staff") return requireLicensingStaff(request, what);
  if (who.organizationId !== organizationId) throw notFound(what);
  if (who.actor.role !== "portal-manager") throw forbidden(`order rentals for ${what}`);
  return who;
}
