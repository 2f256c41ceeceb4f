import { findInvoice, type InvoiceSummaryRow } from "@kontor/db";
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { notFound } from "../../http/problem.js";

/** Staff roles that compose and finalize invoices and credit notes. */
export const INVOICE_WRITERS = ["admin", "back-office", "account-manager"] as const;

/**
 * Loads an invoice the caller may read (`invoice:read`, K10): staff with the grant see every
 * invoice; a portal manager sees the finalized invoices of their own organization. Anything
 * else looks absent (404): drafts are internal, and foreign ids are never confirmed.
 */
export async function visibleInvoice(deps: ApiDeps, request: FastifyRequest, id: string): Promise<InvoiceSummaryRow> {
  const row = await findInvoice(deps.database.db, id);
  if (row === undefined) throw notFound(`Invoice ${id}`);
  const who = requireAccess(request, "invoice:read", { organizationId: row.organizationId }, `Invoice ${id}`);
  if (who.actor.kind === "portal" && row.status !== "finalized") throw notFound(`Invoice ${id}`);
  return row;
}
