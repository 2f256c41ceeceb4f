import { loadSeatHistory } from "@kontor/db";
import { evaluateSeats, instantStringSchema, mustBePaidCsv, noAccessCsv, type SeatEvaluation } from "@kontor/seats";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { asResponse } from "../../http/deep-mutable.js";
import { unwrap } from "../../http/domain-result.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationSeatPolicies } from "../installation-policies/domains/seat-policy-domain.js";
import { visibleOrganization } from "../organizations/organization-routes.js";
import { SEAT_READ_ACTION } from "./seat-access.js";
import { seatEvaluationSchema } from "./seat-evaluation-schema.js";
import { organizationZone, toSeatHistory } from "./seat-history.js";

const asOfQuerySchema = z.object({
  asOf: instantStringSchema.optional().describe("ISO 8601 instant with offset; default now (P2)"),
});

const csvResponse = (description: string) => ({ content: { "text/csv": { schema: z.string().describe(description) } } });

/**
 * Evaluates the organization's seats at `asOf` (S3–S9) for an interactive read: counts, lists,
 * notices and flags, no mails (those are written by the commands and the worker). The windows
 * are the installation's stored policies (P1: S2, S5, S8), so the status shows the days the
 * commands and the worker act on.
 */
async function evaluateAt(deps: ApiDeps, request: FastifyRequest, id: string, asOf: string | undefined): Promise<SeatEvaluation> {
  const organization = await visibleOrganization(deps, request, id);
  requireAccess(request, SEAT_READ_ACTION, { organizationId: organization.id }, "Organization");
  const history = toSeatHistory(await loadSeatHistory(deps.database.db, organization.id));
  const { purchaseOrderWindows: policies } = await installationSeatPolicies(deps.database.db);
  const at = asOf ?? deps.clock.now().toISOString();
  return unwrap(evaluateSeats(history, { asOf: at, zone: organizationZone(organization.record), policies, includeMails: false }));
}

/** Seat status and the downloadable lists (S3, S4, S8). */
export const seatStatusRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/organizations/:id/seat-status",
    {
      schema: {
        tags: ["seats"],
        summary: "Used/available, must be paid, must be renewed, no access, notices and flags per product at asOf (S3–S9)",
        params: idParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: seatEvaluationSchema, ...standardErrorResponses },
      },
    },
    async (request) => asResponse(await evaluateAt(deps, request, request.params.id, request.query.asOf)),
  );

  app.get(
    "/v1/organizations/:id/seat-status/must-be-paid.csv",
    {
      schema: {
        tags: ["seats"],
        summary: "S4: the downloadable \"must be paid\" list (RFC 4180 CSV)",
        params: idParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: csvResponse("product_id,user_id,email,display_name,assigned_at,loses_access_at"), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const evaluation = await evaluateAt(deps, request, request.params.id, request.query.asOf);
      return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="must-be-paid.csv"').send(mustBePaidCsv(evaluation.products));
    },
  );

  app.get(
    "/v1/organizations/:id/seat-status/no-access.csv",
    {
      schema: {
        tags: ["seats"],
        summary: "S8: the downloadable \"no access\" list (RFC 4180 CSV)",
        params: idParamsSchema,
        querystring: asOfQuerySchema,
        response: { 200: csvResponse("product_id,user_id,email,display_name,assigned_at,lost_access_at,reason,cause_id"), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const evaluation = await evaluateAt(deps, request, request.params.id, request.query.asOf);
      return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="no-access.csv"').send(noAccessCsv(evaluation.products));
    },
  );
};
