import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";

/** T7/C8 SEPA direct-debit mandates of a customer. (Being written.) */
export const sepaMandateRoutes: FastifyPluginAsyncZod<ApiDeps> = async () => {};
