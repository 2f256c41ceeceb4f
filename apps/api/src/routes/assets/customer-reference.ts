import { findOrganization } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";
import type { ApiDeps } from "../../app/api-deps.js";
import { fieldError, ProblemError } from "../../http/problem.js";

/**
 * The organization a body's `organizationId` names (K9, K11: assets and plans belong to one
 * customer). Unknown: 404 whose field error names `body.organizationId`. Call it only after the
 * access check, so a portal user never learns whether another organization exists (K10).
 */
export async function referencedCustomer(deps: ApiDeps, organizationId: string): Promise<Organization> {
  const row = await findOrganization(deps.database.db, organizationId);
  if (row === undefined) {
    throw new ProblemError(404, "not-found", "Not Found", {
      detail: `Organization ${organizationId} does not exist`,
      errors: [fieldError("body", ["organizationId"], "not_found", "names no organization")],
    });
  }
  return row.record as Organization;
}

/**
 * K9, K11: an asset or plan stays with the customer it was recorded for (the stored row's
 * organization is fixed); a replacement naming another organization is 400 on `body.organizationId`.
 */
export function requireSameCustomer(stored: string, requested: string, what: string): void {
  if (stored === requested) return;
  throw new ProblemError(400, "validation", "Bad Request", {
    detail: `body.organizationId: ${what} belongs to ${stored}; record it anew for another organization`,
    errors: [fieldError("body", ["organizationId"], "immutable", `${what} belongs to ${stored}; record it anew for another organization`)],
  });
}
