import { findUser, insertUser, issueCredential, redeemLoginToken, revokeCredential } from "@kontor/db";
import { STAFF_ROLES } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { principal, principalOf } from "../../auth/authenticate.js";
import { ProblemError, conflict, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { deactivateUser, deactivatedAtSchema, reactivateUser, refuseDeactivated, toUserAccount, userAccountSchema, userStateChangeBodySchema } from "./user-deactivation.js";

const SESSION_HOURS = 12;
const LOGIN_TOKEN_MINUTES = 30;

const tokenSchema = z.object({
  id: z.string(),
  token: z.string().describe("The secret, shown only in this response; Kontor stores its SHA-256 hash"),
  expiresAt: z.string().nullable(),
});

const meSchema = z.object({
  userId: z.string(),
  email: z.string(),
  kind: z.enum(["staff", "portal"]),
  role: z.string(),
  organizationId: z.string().nullable(),
});

const staffUserInputSchema = z.object({
  email: z.email(),
  name: z.string().min(1).max(200),
  role: z.enum(STAFF_ROLES),
});

const staffUserSchema = staffUserInputSchema.extend({ id: z.string() });
const deactivatedStaffUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string(), deactivatedAt: deactivatedAtSchema });

/**
 * Sign-in and tokens (K10): an administrator creates staff users and issues one-time login
 * tokens (valid 30 minutes, once) or long-lived API tokens; a login token is exchanged for a
 * 12-hour session token. Only SHA-256 hashes of secrets are stored.
 *
 * Offboarding (K10, K12): an administrator deactivates a staff user, which revokes all their
 * tokens at once (portal users: `portal-user-routes.ts`), and may reactivate any user, who then
 * needs new tokens; a deactivated user gets none.
 */
export const authRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/auth/sessions",
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Exchange a one-time login token for a session API token",
        security: [],
        body: z.object({ loginToken: z.string().min(10).max(200) }),
        response: { 201: tokenSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const user = await redeemLoginToken(deps.database.db, request.body.loginToken, now);
      if (user === undefined) {
        throw new ProblemError(401, "unauthorized", "Unauthorized", { detail: "The login token is unknown, used or expired" });
      }
      const issued = await issueCredential(
        deps.database.db,
        { userId: user.id, kind: "api-token", name: "session", expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) },
        now,
      );
      return reply.status(201).send({ id: issued.id, token: issued.secret, expiresAt: issued.expiresAt?.toISOString() ?? null });
    },
  );

  app.get(
    "/v1/me",
    { schema: { tags: ["auth"], summary: "Who the token belongs to", response: { 200: meSchema, ...standardErrorResponses } } },
    (request) => {
      const who = principal(request);
      return { userId: who.userId, email: who.email, kind: who.actor.kind, role: who.actor.role, organizationId: who.organizationId ?? null };
    },
  );

  app.delete(
    "/v1/auth/tokens/current",
    { schema: { tags: ["auth"], summary: "Revoke the token of this request (sign out)", response: { 204: z.null(), ...standardErrorResponses } } },
    async (request, reply) => {
      const who = principal(request);
      await revokeCredential(deps.database.db, who.userId, who.credentialId, deps.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/v1/staff-users",
    {
      schema: {
        tags: ["auth"],
        summary: "Create a staff user (admin)",
        body: staffUserInputSchema,
        response: { 201: staffUserSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      requireStaff(request, ["admin"], "staff users");
      try {
        const row = await insertUser(
          deps.database.db,
          { kind: "staff", role: request.body.role, email: request.body.email, profile: { name: request.body.name } },
          deps.clock.now(),
        );
        return await reply.status(201).send({ id: row.id, ...request.body });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`A user with e-mail ${request.body.email} exists`, "USER_EMAIL_TAKEN");
        throw error;
      }
    },
  );

  app.post(
    "/v1/staff-users/:id/deactivation",
    {
      schema: {
        tags: ["auth"],
        summary: "Deactivate (offboard) a staff user (admin): all their tokens are revoked at once (K12: no more credential reads)",
        description:
          "Idempotent: a deactivated user answers as stored, with the first `deactivatedAt`. Deactivating yourself is 409 `USER_SELF_DEACTIVATION`. " +
          "Recorded as the history event `user.deactivated` (who, when). Tickets and audit entries of the user stay.",
        params: idParamsSchema,
        body: userStateChangeBodySchema,
        response: { 200: deactivatedStaffUserSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = requireStaff(request, ["admin"], "staff users");
      const user = await findUser(deps.database.db, request.params.id);
      if (user?.kind !== "staff") throw notFound(`Staff user ${request.params.id}`);
      const row = await deactivateUser(deps, who, user);
      const name = (row.profile as { name?: unknown } | null)?.name;
      return { id: row.id, email: row.email, name: typeof name === "string" ? name : "", role: row.role, deactivatedAt: row.disabledAt?.toISOString() ?? null };
    },
  );

  app.post(
    "/v1/users/:id/reactivation",
    {
      schema: {
        tags: ["auth"],
        summary: "Reactivate a deactivated staff or portal user (admin); their old tokens stay revoked: issue new ones",
        description: "Idempotent: an active user answers as stored. Recorded as the history event `user.reactivated` (who, when).",
        params: idParamsSchema,
        body: userStateChangeBodySchema,
        response: { 200: userAccountSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = requireStaff(request, ["admin"], "users");
      const user = await findUser(deps.database.db, request.params.id);
      if (user === undefined) throw notFound(`User ${request.params.id}`);
      return toUserAccount(await reactivateUser(deps, who, user));
    },
  );

  for (const kind of ["login-token", "api-token"] as const) {
    app.post(
      `/v1/users/:id/${kind}s`,
      {
        schema: {
          tags: ["auth"],
          summary: kind === "login-token" ? "Issue a one-time login token for a user (admin)" : "Issue a long-lived API token for a user (admin)",
          description: "A deactivated user gets none: 409 `USER_DEACTIVATED` (reactivate them first).",
          params: idParamsSchema,
          body: z.object({ name: z.string().min(1).max(100).default(kind) }),
          response: { 201: tokenSchema, ...standardErrorResponses },
        },
      },
      async (request, reply) => {
        requireStaff(request, ["admin"], "user credentials");
        const user = await findUser(deps.database.db, request.params.id);
        if (user === undefined || principalOf(user, "") === undefined) throw notFound(`User ${request.params.id}`);
        refuseDeactivated(user);
        const now = deps.clock.now();
        const issued = await issueCredential(
          deps.database.db,
          {
            userId: user.id,
            kind,
            name: request.body.name,
            expiresAt: kind === "login-token" ? new Date(now.getTime() + LOGIN_TOKEN_MINUTES * 60_000) : null,
          },
          now,
        );
        return reply.status(201).send({ id: issued.id, token: issued.secret, expiresAt: issued.expiresAt?.toISOString() ?? null });
      },
    );
  }
};
