import type { TicketSummaryRow } from "@kontor/db";
import type { AccessAction, AccessResource, ActorRef } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import { requireAccess } from "../../auth/access.js";
import type { Principal } from "../../auth/principal.js";

/** The access resource of a stored ticket (K10): its organization and requesting portal user. */
export function ticketResource(row: Pick<TicketSummaryRow, "organizationId" | "requesterPortalUserId">): AccessResource {
  return {
    // A ticket not yet qualified to an organization (K2) belongs to no customer: staff only.
    organizationId: row.organizationId ?? "",
    ...(row.requesterPortalUserId === null ? {} : { requesterPortalUserId: row.requesterPortalUserId }),
  };
}

/**
 * Checks `action` on a ticket (K10): whoever may not read it gets 404, as if it did not exist
 * (a reporter never learns of a colleague's ticket); whoever may read it but lacks the action
 * gets 403.
 */
export function requireTicketAccess(request: FastifyRequest, row: Pick<TicketSummaryRow, "id" | "organizationId" | "requesterPortalUserId">, action: AccessAction): Principal {
  const resource = ticketResource(row);
  const who = requireAccess(request, "ticket:read", resource, `Ticket ${row.id}`);
  return action === "ticket:read" ? who : requireAccess(request, action, resource, `Ticket ${row.id}`);
}

/** How the caller appears in ticket history: staff, or the customer (portal user). */
export function actorRefOf(who: Principal): ActorRef {
  return { kind: who.actor.kind === "staff" ? "staff" : "customer", id: who.userId };
}
