import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { assetRoutes } from "./asset-routes.js";
import { maintenancePlanRoutes } from "./maintenance-plan-routes.js";

/** Customers' assets and their maintenance plans (K9, K11). */
export const assetsRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(assetRoutes, deps);
  await app.register(maintenancePlanRoutes, deps);
};
