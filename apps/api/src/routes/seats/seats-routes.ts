import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { seatEventRoutes } from "./seat-event-routes.js";
import { seatStatusRoutes } from "./seat-status-routes.js";

/** Every seat route (S1–S10): the event history and the status read from it. */
export const seatsRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(seatEventRoutes, deps);
  await app.register(seatStatusRoutes, deps);
};
