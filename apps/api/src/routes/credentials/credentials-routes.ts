import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";

/** Customers' stored access credentials (K12). */
export const credentialsRoutes: FastifyPluginAsyncZod<ApiDeps> = async () => {};
