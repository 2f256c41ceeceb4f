import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";

/** C9 metered usage of managed-services contracts. (Being written.) */
export const usageRoutes: FastifyPluginAsyncZod<ApiDeps> = async () => {};
