import { findUser, insertUser, listPortalUsers, updateUser, type UserRow } from "@kontor/db";
import { portalUserSchema } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { visibleOrganization } from "./organization-routes.js";

const portalUserInputSchema = portalUserSchema.omit({ id: true, organizationId: true });
const userParamsSchema = idParamsSchema.extend({ userId: z.string().min(1).max(100) });

function toPortalUser(row: UserRow) {
  const profile = row.profile as { firstName: string; lastName: string; phone: string };
  return portalUserSchema.parse({ id: row.id, organizationId: row.organizationId, email: row.email, role: row.role, ...profile });
}

/** Portal users of a customer (O2): name, phone, e-mail and permission level (K10). */
export const portalUserRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/organizations/:id/portal-users",
    {
      schema: {
        tags: ["organizations"],
        summary: "Create a portal user (O2)",
        params: idParamsSchema,
        body: portalUserInputSchema,
        response: { 201: portalUserSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      requireAccess(request, "portal-user:manage", { organizationId: organization.id }, "Organization");
      const { email, role, ...profile } = request.body;
      try {
        const row = await insertUser(deps.database.db, { kind: "portal", organizationId: organization.id, role, email, profile }, deps.clock.now());
        return await reply.status(201).send(toPortalUser(row));
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`A user with e-mail ${email} exists`, "USER_EMAIL_TAKEN");
        throw error;
      }
    },
  );

  app.get(
    "/v1/organizations/:id/portal-users",
    {
      schema: {
        tags: ["organizations"],
        summary: "List the portal users of an organization",
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(portalUserSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      const page = await listPortalUsers(deps.database.db, organization.id, { limit: request.query.limit, after: decodeCursor(request.query.cursor) });
      return toPageBody(page, toPortalUser);
    },
  );

  app.put(
    "/v1/organizations/:id/portal-users/:userId",
    {
      schema: {
        tags: ["organizations"],
        summary: "Change a portal user's details or permission level",
        params: userParamsSchema,
        body: portalUserInputSchema,
        response: { 200: portalUserSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      requireAccess(request, "portal-user:manage", { organizationId: organization.id }, "Organization");
      const existing = await findUser(deps.database.db, request.params.userId, organization.id);
      if (existing === undefined) throw notFound(`Portal user ${request.params.userId}`);
      const { email, role, ...profile } = request.body;
      const row = await updateUser(deps.database.db, existing.id, { email, role, profile }, deps.clock.now());
      if (row === undefined) throw notFound(`Portal user ${request.params.userId}`);
      return toPortalUser(row);
    },
  );
};
