import type { FastifyInstance } from "fastify";
import type { ApiDeps } from "../app/api-deps.js";
import { authRoutes } from "./auth/auth-routes.js";
import { healthRoutes } from "./health.js";
import { organizationRoutes } from "./organizations/organization-routes.js";
import { portalUserRoutes } from "./organizations/portal-user-routes.js";

/** Every route plugin of the API. Each domain registers itself here with one line. */
export async function registerRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(organizationRoutes, deps);
  await app.register(portalUserRoutes, deps);
}
