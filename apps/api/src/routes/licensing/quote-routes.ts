import { randomUUID } from "node:crypto";
import { findLicenseQuote, insertLicenseQuote, listLicenseQuotes, type LicenseQuoteRow } from "@kontor/db";
import {
  cloudAnnualExistingSiteRequestSchema,
  cloudAnnualNewSiteRequestSchema,
  createQuote,
  dataCenterRequestSchema,
  renewalRequestSchema,
  upgradeRequestSchema,
} from "@kontor/licensing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { organizationScope } from "../../auth/access.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { installationLicensingPolicies } from "../installation-policies/domains/licensing-policy-domain.js";
import { requireLicensingRead, requireLicensingStaff } from "./licensing-access.js";
import { loadCatalog, organizationFor, toJson } from "./licensing-context.js";
import { organizationFilterSchema, quoteResponseSchema } from "./licensing-schemas.js";

/** The package's quote request (L7–L9) without `quoteId`: the API numbers quotes itself. */
const quoteRequestBodySchema = z.discriminatedUnion("kind", [
  cloudAnnualExistingSiteRequestSchema.omit({ quoteId: true }),
  cloudAnnualNewSiteRequestSchema.omit({ quoteId: true }),
  dataCenterRequestSchema.omit({ quoteId: true }),
  renewalRequestSchema.omit({ quoteId: true }),
  upgradeRequestSchema.omit({ quoteId: true }),
]);

/** Response body of a stored quote. */
export function quoteToResponse(row: LicenseQuoteRow): z.infer<typeof quoteResponseSchema> {
  return {
    id: row.id,
    organizationId: row.organizationId,
    quote: row.record as z.infer<typeof quoteResponseSchema>["quote"],
    request: row.request as Record<string, unknown>,
  };
}

/** Quotes (L7, L8, L9, L11, L14): priced by `createQuote` against the catalog, stored for ordering. */
export const quoteRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/quotes",
    {
      schema: {
        tags: ["licensing"],
        summary: "Create a priced quote for an organization (L7–L9; valid 30 days, L8)",
        body: z.object({ organizationId: z.string().min(1).max(100), request: quoteRequestBodySchema }),
        response: { 201: quoteResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      // Quotes are the reseller's offer to the customer: staff make them (the rules give customers no self-service quote).
      requireLicensingStaff(request, "Quotes");
      const organization = await organizationFor(deps.database.db, request.body.organizationId);
      const catalog = await loadCatalog(deps.database.db);
      // P1: the installation's policies (L6, L12, L14, L16), or the shipped defaults.
      const policies = await installationLicensingPolicies(deps.database.db);
      const now = deps.clock.now();
      const id = randomUUID();
      const quote = unwrap(createQuote({ ...request.body.request, quoteId: id }, { asOf: now.toISOString(), zone: organization.zone, catalog, policies }));
      const row = await insertLicenseQuote(
        deps.database.db,
        { id, organizationId: organization.id, kind: quote.kind, validUntil: quote.validUntil, request: toJson(request.body.request), record: toJson(quote) },
        now,
      );
      return reply.status(201).header("location", `/v1/quotes/${id}`).send(quoteToResponse(row));
    },
  );

  app.get(
    "/v1/quotes",
    {
      schema: {
        tags: ["licensing"],
        summary: "List quotes (a portal manager sees their organization's)",
        querystring: pageQuerySchema.extend(organizationFilterSchema.shape),
        response: { 200: pageSchema(quoteResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const organizationId = organizationScope(request, request.query.organizationId);
      // Staff grants do not depend on the organization; a portal user is scoped to their own.
      requireLicensingRead(request, organizationId ?? "", "Quotes");
      const page = await listLicenseQuotes(deps.database.db, { limit: request.query.limit, after: decodeCursor(request.query.cursor), organizationId });
      return toPageBody(page, quoteToResponse);
    },
  );

  app.get(
    "/v1/quotes/:id",
    {
      schema: {
        tags: ["licensing"],
        summary: "One quote",
        params: idParamsSchema,
        response: { 200: quoteResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await findLicenseQuote(deps.database.db, request.params.id);
      if (row === undefined) throw notFound(`Quote ${request.params.id}`);
      requireLicensingRead(request, row.organizationId, `Quote ${row.id}`);
      return quoteToResponse(row);
    },
  );
};
