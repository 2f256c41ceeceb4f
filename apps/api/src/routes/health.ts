import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../app/api-deps.js";

const statusSchema = z.object({ status: z.enum(["ok", "unavailable"]), database: z.enum(["pglite", "postgres"]).optional() });

/** `/health`: the process answers. `/ready`: the database answers too (load balancers). */
export const healthRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/health",
    { config: { public: true }, schema: { tags: ["operations"], summary: "Liveness", security: [], response: { 200: statusSchema } } },
    () => ({ status: "ok" as const }),
  );
  app.get(
    "/ready",
    {
      config: { public: true },
      schema: { tags: ["operations"], summary: "Readiness: the database answers", security: [], response: { 200: statusSchema, 503: statusSchema } },
    },
    async (_request, reply) => {
      try {
        await deps.database.query("SELECT 1");
        return { status: "ok" as const, database: deps.database.kind };
      } catch {
        return reply.status(503).send({ status: "unavailable" as const, database: deps.database.kind });
      }
    },
  );
};
