import type { FastifyPluginAsync } from "fastify";
import type { ApiDeps } from "../../app/api-deps.js";
import { attachmentRoutes } from "./attachment-routes.js";
import { monitoringRoutes } from "./monitoring-routes.js";
import { statisticsRoutes } from "./statistics-routes.js";
import { ticketCommandRoutes } from "./ticket-command-routes.js";
import { ticketRoutes } from "./ticket-routes.js";

/** The service desk (K1–K13): tickets, their workflow and attachments, statistics and monitoring. */
export const serviceDeskRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  await app.register(ticketRoutes, deps);
  await app.register(ticketCommandRoutes, deps);
  await app.register(attachmentRoutes, deps);
  await app.register(statisticsRoutes, deps);
  await app.register(monitoringRoutes, deps);
};
