import { ticketsCreatedBetween } from "@kontor/db";
import { monthlyStatistics, ticketKindSchema, ticketStatusSchema, type Ticket } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime } from "luxon";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { unwrap } from "../../http/domain-result.js";
import { badRequest, fieldError, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { installationTicketingPolicies } from "../installation-policies/domains/ticketing-policy-domain.js";
import { contractSlaTermsResolver, loadContractsOfOrganizations } from "./contract-sla-terms.js";
import { organizationOf } from "./ticket-store.js";

const statisticsQuerySchema = z.object({
  organizationId: z.string().min(1).max(100).optional().describe("Required for staff; portal managers get their own organization's"),
  month: z
    .string()
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, "Expected a month as YYYY-MM")
    .describe("Calendar month in the organization's zone, e.g. 2026-06"),
});

const durationSchema = z.object({
  count: z.number().int(),
  averageMinutes: z.number().optional(),
  medianMinutes: z.number().optional(),
});
const complianceSchema = z.object({ met: z.number().int(), breached: z.number().int(), ratio: z.number().optional() });

/** K13 service statistics of one organization and month, as `monthlyStatistics` computes them. */
const monthlyStatisticsSchema = z.object({
  organizationId: z.string(),
  month: z.string(),
  createdByKind: z.record(ticketKindSchema, z.number().int()),
  byStatus: z.record(ticketStatusSchema, z.number().int()),
  firstResponse: durationSchema.describe("Business minutes until the first response (K7)"),
  resolution: durationSchema.describe("Business minutes until resolution (K7)"),
  slaFirstResponse: complianceSchema,
  slaResolution: complianceSchema,
  feedback: z.object({ count: z.number().int(), averageRating: z.number().optional() }),
});

/** Service statistics (K13) for staff and portal managers (K10). */
export const statisticsRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/statistics/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "Ticket statistics of an organization and month: counts, response and resolution times, SLA compliance, feedback (K13)",
        querystring: statisticsQuerySchema,
        response: { 200: monthlyStatisticsSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { month } = request.query;
      const organizationId = request.query.organizationId ?? principal(request).organizationId;
      if (organizationId === undefined) throw badRequest(fieldError("query", ["organizationId"], "required", "staff name the organization"));
      requireAccess(request, "statistics:read", { organizationId }, `Statistics of organization ${organizationId}`);
      const now = deps.clock.now();
      const organization = await organizationOf(deps.database.db, organizationId);
      if (organization === undefined) throw notFound(`Organization ${organizationId}`);
      // Only narrows the query; which tickets count is `monthlyStatistics`' decision.
      const start = DateTime.fromISO(`${month}-01`, { zone: organization.zone });
      const rows = await ticketsCreatedBetween(deps.database.db, organizationId, start.toJSDate(), start.plus({ months: 1 }).toJSDate());
      const termsOf = contractSlaTermsResolver(await loadContractsOfOrganizations(deps.database.db, [organizationId]));
      // P1: the clocks use the installation's stored ticketing policies, as the worker's K7 alerts do.
      const { serviceDesk: policies } = await installationTicketingPolicies(deps.database.db);
      // K7: each ticket against the terms of the day it was opened (a contract may begin mid-month).
      return unwrap(
        monthlyStatistics(
          rows.map((row) => row.document as Ticket),
          organizationId,
          month,
          (ticket) => termsOf(organization, ticket.createdAt),
          now.toISOString(),
          organization.zone,
          { policies },
        ),
      );
    },
  );
};
