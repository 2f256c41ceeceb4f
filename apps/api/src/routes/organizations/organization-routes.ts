import { randomUUID } from "node:crypto";
import { findOrganization, insertOrganization, listOrganizations, updateOrganization, type OrganizationRow } from "@kontor/db";
import { vatIdInputSchema } from "@kontor/terms";
import { branchSchema, organizationSchema, type Organization } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess, seesOrganization } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { checkedVatId } from "./organization-vat-id.js";

// T4: the VAT ID may be typed with separators; it is checked and stored normalized.
const organizationInputSchema = organizationSchema.omit({ id: true }).extend({ vatId: vatIdInputSchema.optional() });
const organizationResponseSchema = z.object({ organization: organizationSchema, version: z.number().int() });
const branchInputSchema = branchSchema.omit({ id: true });

/** An organization record from its input: the VAT ID, if any, checked (T4) and normalized. */
function recordOf(id: string, input: z.output<typeof organizationInputSchema>): Organization {
  const { vatId, ...rest } = input;
  return { id, ...rest, ...(vatId === undefined ? {} : { vatId: checkedVatId(vatId, rest.address.country) }) };
}

function toResponse(row: OrganizationRow) {
  return { organization: row.record as Organization, version: row.version };
}

/**
 * Loads an organization the caller may see; 404 otherwise (K10: foreign ids look absent).
 */
export async function visibleOrganization(deps: ApiDeps, request: Parameters<typeof principal>[0], id: string): Promise<OrganizationRow> {
  const row = await findOrganization(deps.database.db, id);
  if (row === undefined || !seesOrganization(principal(request), row.id)) throw notFound(`Organization ${id}`);
  return row;
}

/** Customer records and onboarding data (O1): addresses, branches, billing, recipients, DATEV. */
export const organizationRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/organizations",
    {
      schema: {
        tags: ["organizations"],
        summary: "Onboard a customer organization (O1); a VAT ID is checked (T4) and must be of the address's country (T3)",
        body: organizationInputSchema,
        response: { 201: organizationResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const id = randomUUID();
      requireAccess(request, "organization:manage", { organizationId: id }, "Organization");
      const record = recordOf(id, request.body);
      const row = await insertOrganization(deps.database.db, record, deps.clock.now());
      return reply.status(201).header("location", `/v1/organizations/${id}`).send(toResponse(row));
    },
  );

  app.get(
    "/v1/organizations",
    {
      schema: {
        tags: ["organizations"],
        summary: "List organizations (a portal user sees only their own)",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(organizationResponseSchema), ...standardErrorResponses },
      },
    },
    async (request) => {
      const who = principal(request);
      const page = await listOrganizations(deps.database.db, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
        onlyId: who.organizationId,
      });
      return toPageBody(page, toResponse);
    },
  );

  app.get(
    "/v1/organizations/:id",
    {
      schema: {
        tags: ["organizations"],
        summary: "One organization",
        params: idParamsSchema,
        response: { 200: organizationResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => toResponse(await visibleOrganization(deps, request, request.params.id)),
  );

  app.put(
    "/v1/organizations/:id",
    {
      schema: {
        tags: ["organizations"],
        summary: "Replace an organization record; `expectedVersion` guards against lost updates",
        params: idParamsSchema,
        body: organizationInputSchema.extend({ expectedVersion: z.number().int().min(1) }),
        response: { 200: organizationResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleOrganization(deps, request, request.params.id);
      requireAccess(request, "organization:manage", { organizationId: row.id }, "Organization");
      const { expectedVersion, ...input } = request.body;
      const updated = await updateOrganization(deps.database.db, row.id, recordOf(row.id, input), expectedVersion, deps.clock.now());
      if (updated === undefined) throw conflict(`Organization ${row.id} is at version ${row.version}, not ${expectedVersion}`, "VERSION_CONFLICT");
      return toResponse(updated);
    },
  );

  app.post(
    "/v1/organizations/:id/branches",
    {
      schema: {
        tags: ["organizations"],
        summary: "Add a branch that receives goods or services (O1)",
        params: idParamsSchema,
        body: branchInputSchema,
        response: { 201: organizationResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const row = await visibleOrganization(deps, request, request.params.id);
      requireAccess(request, "organization:manage", { organizationId: row.id }, "Organization");
      const record = row.record as Organization;
      const next: Organization = { ...record, branches: [...record.branches, { id: randomUUID(), ...request.body }] };
      const updated = await updateOrganization(deps.database.db, row.id, next, row.version, deps.clock.now());
      if (updated === undefined) throw conflict(`Organization ${row.id} changed meanwhile; retry`, "VERSION_CONFLICT");
      return reply.status(201).send(toResponse(updated));
    },
  );
};
