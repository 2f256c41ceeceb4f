import { ticketsCreatedBetween } from "@kontor/db";
import { monthlyStatistics, ticketKindSchema, ticketStatusSchema, type MonthlyStatistics, type Organization, type SlaTerms, type Ticket } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime } from "luxon";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { unwrap } from "../../http/domain-result.js";
import { badRequest, fieldError, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
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
      return unwrap(
        statisticsUnderContracts(
          rows.map((row) => row.document as Ticket),
          organization,
          month,
          (openedAt) => termsOf(organization, openedAt),
          now.toISOString(),
        ),
      );
    },
  );
};

type StatisticsResult = ReturnType<typeof monthlyStatistics>;

/**
 * K7, K13: `monthlyStatistics` with each ticket measured against the terms in force on the day it
 * was opened. When one set of terms covers the month (the usual case) it is one call. When a
 * contract began or ended within the month the tickets are evaluated one by one and combined:
 * medians cannot be combined from per-group summaries, so the single-ticket results (each
 * carrying that ticket's exact minutes) are summarized again with `monthlyStatistics`' rules
 * (mean rounded to the minute, median of the middle two, rating mean to two decimals).
 */
function statisticsUnderContracts(
  tickets: readonly Ticket[],
  organization: Organization,
  month: string,
  termsOn: (openedAt: string) => SlaTerms,
  asOf: string,
): StatisticsResult {
  const counted = tickets.filter((ticket) => ticket.organizationId === organization.id);
  const termsPerTicket = counted.map((ticket) => termsOn(ticket.createdAt));
  const [first] = termsPerTicket;
  if (first === undefined || termsPerTicket.every((terms) => terms === first)) {
    // Without tickets the terms do not matter; monthlyStatistics still needs some.
    return monthlyStatistics(counted, organization.id, month, first ?? termsOn(asOf), asOf, organization.zone);
  }
  const singles: MonthlyStatistics[] = [];
  for (const [index, ticket] of counted.entries()) {
    const single = monthlyStatistics([ticket], organization.id, month, termsPerTicket[index] as SlaTerms, asOf, organization.zone);
    if (!single.ok) return single;
    singles.push(single.value);
  }
  const empty = monthlyStatistics([], organization.id, month, first, asOf, organization.zone);
  if (!empty.ok) return empty;
  return { ok: true, value: combine(empty.value, singles) };
}

function combine(empty: MonthlyStatistics, singles: readonly MonthlyStatistics[]): MonthlyStatistics {
  const sumRecord = <K extends string>(pick: (statistics: MonthlyStatistics) => Readonly<Record<K, number>>): Record<K, number> => {
    const total = { ...pick(empty) } as Record<K, number>;
    for (const single of singles) for (const [key, value] of Object.entries(pick(single)) as [K, number][]) total[key] += value;
    return total;
  };
  // A single ticket's median is its exact minutes (its mean is rounded).
  const durations = (pick: (statistics: MonthlyStatistics) => MonthlyStatistics["firstResponse"]) => {
    const minutes = singles.flatMap((single) => (pick(single).medianMinutes === undefined ? [] : [pick(single).medianMinutes as number])).sort((a, b) => a - b);
    if (minutes.length === 0) return { count: 0 };
    const middle = Math.floor(minutes.length / 2);
    const median = minutes.length % 2 === 1 ? (minutes[middle] ?? 0) : ((minutes[middle - 1] ?? 0) + (minutes[middle] ?? 0)) / 2;
    return { count: minutes.length, averageMinutes: Math.round(minutes.reduce((sum, value) => sum + value, 0) / minutes.length), medianMinutes: median };
  };
  const compliance = (pick: (statistics: MonthlyStatistics) => MonthlyStatistics["slaFirstResponse"]) => {
    const met = singles.reduce((sum, single) => sum + pick(single).met, 0);
    const breached = singles.reduce((sum, single) => sum + pick(single).breached, 0);
    return met + breached === 0 ? { met, breached } : { met, breached, ratio: met / (met + breached) };
  };
  const ratings = singles.flatMap((single) => (single.feedback.averageRating === undefined ? [] : [single.feedback.averageRating]));
  return {
    organizationId: empty.organizationId,
    month: empty.month,
    createdByKind: sumRecord((statistics) => statistics.createdByKind),
    byStatus: sumRecord((statistics) => statistics.byStatus),
    firstResponse: durations((statistics) => statistics.firstResponse),
    resolution: durations((statistics) => statistics.resolution),
    slaFirstResponse: compliance((statistics) => statistics.slaFirstResponse),
    slaResolution: compliance((statistics) => statistics.slaResolution),
    feedback:
      ratings.length === 0
        ? { count: 0 }
        : { count: ratings.length, averageRating: Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 100) / 100 },
  };
}
