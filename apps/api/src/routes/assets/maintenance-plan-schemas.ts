import { maintenancePlanSchema } from "@kontor/ticketing";
import { z } from "zod";
import { pageQuerySchema } from "../../http/pagination.js";
import { instantSchema } from "../../http/route-schemas.js";

/**
 * Body of `POST /v1/maintenance-plans` (K9): `@kontor/ticketing`'s `MaintenancePlan`, with the id
 * optional and `active` defaulting to true.
 */
export const maintenancePlanCreateBodySchema = maintenancePlanSchema.extend({
  id: maintenancePlanSchema.shape.id.max(100).optional().describe("Optional; a UUID is assigned otherwise"),
  active: maintenancePlanSchema.shape.active.default(true).describe("K9: only active plans open tickets; false pauses the plan"),
});

/**
 * Body of `PUT /v1/maintenance-plans/:id` (K9): the whole plan except its id (pause/resume with
 * `active`, a new interval with `recurrence`), and the version it replaces (optimistic locking).
 */
export const maintenancePlanReplaceBodySchema = maintenancePlanSchema.omit({ id: true }).extend({
  expectedVersion: z.int().min(1).describe("The `version` this replacement is based on; another one is 409"),
});

/** Query of `GET /v1/maintenance-plans`: a keyset page, optionally of one organization, running or paused. */
export const maintenancePlanListQuerySchema = pageQuerySchema.extend({
  organizationId: z.string().min(1).max(100).optional().describe("Staff: only this organization's plans (a portal user always sees only their own)"),
  active: z.enum(["true", "false"]).optional().describe("Only running (`true`) or paused (`false`) plans"),
});

/** A stored maintenance plan as the API answers it (K9). */
export const maintenancePlanResponseSchema = z
  .object({
    plan: maintenancePlanSchema,
    version: z.int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: "StoredMaintenancePlan" });
