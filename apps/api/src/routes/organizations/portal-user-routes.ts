import { findUser, insertUser, listPortalUsers, updateUser, type UserRow } from "@kontor/db";
import { portalUserSchema } from "@kontor/ticketing";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import type { Principal } from "../../auth/principal.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { deactivateUser, deactivatedAtSchema, userStateChangeBodySchema } from "../auth/user-deactivation.js";
import { visibleOrganization } from "./organization-routes.js";

const portalUserInputSchema = portalUserSchema.omit({ id: true, organizationId: true });
const userParamsSchema = idParamsSchema.extend({ userId: z.string().min(1).max(100) });

/** A portal user as the API answers it: O2's fields, and whether (since when) they are deactivated. */
const portalUserResponseSchema = portalUserSchema.extend({ deactivatedAt: deactivatedAtSchema });

function toPortalUser(row: UserRow): z.output<typeof portalUserResponseSchema> {
  const profile = row.profile as { firstName: string; lastName: string; phone: string };
  const user = portalUserSchema.parse({ id: row.id, organizationId: row.organizationId, email: row.email, role: row.role, ...profile });
  return { ...user, deactivatedAt: row.disabledAt?.toISOString() ?? null };
}

/**
 * Who may deactivate (offboard) a portal user of `organizationId` (K10, O2): whoever may manage
 * portal users (`portal-user:manage`: account managers, admins) and, for their own organization
 * only, the customer's portal managers, who are the first to know that an employee left.
 * Creating and changing portal users stays with `portal-user:manage`. Call it after
 * `visibleOrganization` (another organization's users got 404 there): a portal reporter and
 * staff without `portal-user:manage` get 403.
 */
function requirePortalUserOffboarder(request: FastifyRequest, organizationId: string): Principal {
  const who = principal(request);
  if (who.actor.kind === "portal" && who.actor.role === "portal-manager" && who.actor.organizationId === organizationId) return who;
  return requireAccess(request, "portal-user:manage", { organizationId }, "Organization");
}

/**
 * Portal users of a customer (O2): name, phone, e-mail and permission level (K10). They are
 * never deleted (their tickets and audit entries name them): a leaver is deactivated, which
 * revokes all their tokens at once.
 */
export const portalUserRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/organizations/:id/portal-users",
    {
      schema: {
        tags: ["organizations"],
        summary: "Create a portal user (O2)",
        params: idParamsSchema,
        body: portalUserInputSchema,
        response: { 201: portalUserResponseSchema, ...standardErrorResponses },
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
        response: { 200: pageSchema(portalUserResponseSchema), ...standardErrorResponses },
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
        response: { 200: portalUserResponseSchema, ...standardErrorResponses },
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

  app.post(
    "/v1/organizations/:id/portal-users/:userId/deactivation",
    {
      schema: {
        tags: ["organizations"],
        summary: "Deactivate (offboard) a portal user (O2, K10): all their tokens are revoked at once; account managers, admins and the organization's portal managers",
        description:
          "Idempotent: a deactivated user answers as stored, with the first `deactivatedAt`. Deactivating yourself is 409 `USER_SELF_DEACTIVATION`; " +
          "a portal reporter gets 403, another organization 404. Recorded as the history event `user.deactivated` (who, when). " +
          "The user's tickets and audit entries stay. An admin reactivates with `POST /v1/users/{id}/reactivation` and issues new tokens.",
        params: userParamsSchema,
        body: userStateChangeBodySchema,
        response: { 200: portalUserResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const organization = await visibleOrganization(deps, request, request.params.id);
      const who = requirePortalUserOffboarder(request, organization.id);
      const existing = await findUser(deps.database.db, request.params.userId, organization.id);
      if (existing?.kind !== "portal") throw notFound(`Portal user ${request.params.userId}`);
      return toPortalUser(await deactivateUser(deps, who, existing));
    },
  );
};
