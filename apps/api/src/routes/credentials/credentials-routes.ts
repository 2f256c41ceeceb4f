import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { accessRequestRoutes } from "./access-request-routes.js";
import { credentialRoutes } from "./credential-routes.js";
import { secretReadRoutes } from "./secret-read-routes.js";

/** Customers' stored access credentials (K12): metadata, audited secret reads, access requests. */
export const credentialsRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(credentialRoutes, deps);
  await app.register(secretReadRoutes, deps);
  await app.register(accessRequestRoutes, deps);
};
