import type { FastifyRequest } from "fastify";
import { requireStaff } from "../../auth/access.js";
import type { Principal } from "../../auth/principal.js";

/**
 * Who reviews inbound mail (K2–K4, K10): the service team that runs the support address
 * (dispatchers) and admins. Technicians are not addressed by customers directly (K6) and other
 * staff have no business with the support mailbox.
 */
export const INBOUND_MAIL_REVIEWERS = ["admin", "dispatcher"] as const;

/**
 * Admits only {@link INBOUND_MAIL_REVIEWERS}: portal users get 404 (the mailbox does not exist
 * for customers, K10), other staff 403.
 */
export function requireInboundMailReviewer(request: FastifyRequest): Principal {
  return requireStaff(request, INBOUND_MAIL_REVIEWERS, "inbound mail");
}
