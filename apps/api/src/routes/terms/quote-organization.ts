import type { Organization } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { principal } from "../../auth/authenticate.js";
import { visibleOrganization } from "../organizations/organization-routes.js";

/**
 * The customer a quote is for, when the body names one. Quotes are pure computations any
 * authenticated user may ask for; naming an organization the caller may not see answers 404
 * (K10), so a portal user can quote only for their own.
 */
export async function quoteOrganization(deps: ApiDeps, request: FastifyRequest, organizationId: string | undefined): Promise<Organization | undefined> {
  principal(request); // authenticated, whoever it is
  if (organizationId === undefined) return undefined;
  const row = await visibleOrganization(deps, request, organizationId);
  return row.record as Organization;
}
