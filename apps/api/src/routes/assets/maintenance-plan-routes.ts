import { randomUUID } from "node:crypto";
import { insertMaintenancePlan, listMaintenancePlans, updateMaintenancePlan } from "@kontor/db";
import type { MaintenancePlan } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope, requireAccess } from "../../auth/access.js";
import { decodeCursor, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { referencedCustomer, requireSameCustomer } from "./customer-reference.js";
import { requireConsistentPlan } from "./maintenance-plan-consistency.js";
import {
  maintenancePlanCreateBodySchema,
  maintenancePlanListQuerySchema,
  maintenancePlanReplaceBodySchema,
  maintenancePlanResponseSchema,
} from "./maintenance-plan-schemas.js";
import { toMaintenancePlanResponse, visibleMaintenancePlan } from "./maintenance-plan-store.js";
import { versionConflict } from "./version-conflict.js";

// Staff grants of K10 do not depend on the organization; a list across all customers names none.
const ALL_ORGANIZATIONS = "*";

/**
 * Maintenance plans and needs-analysis items (K9, C1): recurring checks from which the worker
 * opens a ticket per due day. Writes need `maintenance-plan:manage` (account managers, admin).
 * A plan is part of the customer's contract status, so reading needs `contract:read` (service
 * desk staff and the customer's portal managers, K10).
 *
 * No DELETE: a plan retires by pausing (`active: false`) or by its last day (`endsOn`); the
 * tickets it opened stay recorded per plan id and due day.
 */
export const maintenancePlanRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/maintenance-plans",
    {
      schema: {
        tags: ["assets"],
        summary: "Create a maintenance plan or needs-analysis item that opens tickets cyclically (K9)",
        body: maintenancePlanCreateBodySchema,
        response: { 201: maintenancePlanResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireAccess(request, "maintenance-plan:manage", { organizationId: request.body.organizationId }, `Organization ${request.body.organizationId}`);
      await referencedCustomer(deps, request.body.organizationId);
      const plan: MaintenancePlan = { ...request.body, id: request.body.id ?? randomUUID() };
      requireConsistentPlan(plan);
      try {
        const row = await insertMaintenancePlan(deps.database.db, plan, deps.clock.now());
        return await reply.status(201).header("location", `/v1/maintenance-plans/${encodeURIComponent(row.id)}`).send(toMaintenancePlanResponse(row));
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`Maintenance plan ${plan.id} exists`, "MAINTENANCE_PLAN_ID_TAKEN");
        throw error;
      }
    },
  );

  app.get(
    "/v1/maintenance-plans",
    {
      schema: {
        tags: ["assets"],
        summary: "List maintenance plans (K9; a portal manager sees only their organization's)",
        querystring: maintenancePlanListQuerySchema,
        response: { 200: pageSchema(maintenancePlanResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const scope = organizationScope(request, request.query.organizationId);
      requireAccess(request, "contract:read", { organizationId: scope ?? ALL_ORGANIZATIONS }, "Maintenance plans");
      const page = await listMaintenancePlans(deps.database.db, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
        organizationId: scope,
        active: request.query.active === undefined ? undefined : request.query.active === "true",
      });
      return toPageBody(page, toMaintenancePlanResponse);
    },
  );

  app.get(
    "/v1/maintenance-plans/:id",
    {
      schema: {
        tags: ["assets"],
        summary: "One maintenance plan (K9)",
        params: idParamsSchema,
        response: { 200: maintenancePlanResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleMaintenancePlan(deps, request, request.params.id);
      requireAccess(request, "contract:read", { organizationId: row.organizationId }, `Maintenance plan ${row.id}`);
      return toMaintenancePlanResponse(row);
    },
  );

  app.put(
    "/v1/maintenance-plans/:id",
    {
      schema: {
        tags: ["assets"],
        summary: "Replace a maintenance plan: pause/resume, new interval or checklist (K9); `expectedVersion` guards against lost updates",
        params: idParamsSchema,
        body: maintenancePlanReplaceBodySchema,
        response: { 200: maintenancePlanResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleMaintenancePlan(deps, request, request.params.id);
      requireAccess(request, "maintenance-plan:manage", { organizationId: row.organizationId }, `Maintenance plan ${row.id}`);
      const { expectedVersion, ...input } = request.body;
      requireSameCustomer(row.organizationId, input.organizationId, `Maintenance plan ${row.id}`);
      const plan: MaintenancePlan = { ...input, id: row.id };
      requireConsistentPlan(plan);
      // K9: occurrences already opened stay claimed per (plan, due day), so a changed schedule never opens one twice.
      const updated = await updateMaintenancePlan(deps.database.db, plan, expectedVersion, deps.clock.now());
      if (updated === undefined) throw versionConflict(`Maintenance plan ${row.id}`, row.version, expectedVersion);
      return toMaintenancePlanResponse(updated);
    },
  );
};
