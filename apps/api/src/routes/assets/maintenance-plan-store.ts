import { findMaintenancePlan, type MaintenancePlanRow } from "@kontor/db";
import type { MaintenancePlan } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { seesOrganization } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { notFound } from "../../http/problem.js";

/** A stored maintenance plan row as the API answers it (K9). */
export function toMaintenancePlanResponse(row: MaintenancePlanRow) {
  return {
    plan: row.record as MaintenancePlan,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Loads a plan the caller may see; 404 otherwise (K10: another customer's plans look absent). */
export async function visibleMaintenancePlan(deps: ApiDeps, request: FastifyRequest, id: string): Promise<MaintenancePlanRow> {
  const row = await findMaintenancePlan(deps.database.db, id);
  if (row === undefined || !seesOrganization(principal(request), row.organizationId)) throw notFound(`Maintenance plan ${id}`);
  return row;
}
