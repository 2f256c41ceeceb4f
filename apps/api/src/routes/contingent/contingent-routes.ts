import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { adjustmentRoutes } from "./adjustment-routes.js";
import { consumptionRoutes } from "./consumption-routes.js";
import { contractEndRoutes } from "./contract-end-routes.js";
import { contractRoutes } from "./contract-routes.js";
import { monthCloseRoutes } from "./month-close-routes.js";
import { statementRoutes } from "./statement-routes.js";
import { timeEntryCancellationRoutes } from "./time-entry-cancellation-routes.js";
import { timeEntryRoutes } from "./time-entry-routes.js";

/** Every contract and contingent route (C1–C9). */
export const contingentRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(contractRoutes, deps);
  await app.register(contractEndRoutes, deps);
  await app.register(timeEntryRoutes, deps);
  await app.register(timeEntryCancellationRoutes, deps);
  await app.register(statementRoutes, deps);
  await app.register(consumptionRoutes, deps);
  await app.register(monthCloseRoutes, deps);
  await app.register(adjustmentRoutes, deps);
};
