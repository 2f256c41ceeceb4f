import { randomUUID } from "node:crypto";
import { findOrganization, insertOrganization, listOrganizations, updateOrganization, type OrganizationRow } from "@kontor/db";
import { vatIdInputSchema } from "@kontor/terms";
import { branchSchema, organizationSchema, type Organization } from "@kontor/ticketing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireAccess, seesOrganization } from "../../auth/access.js";
import { principal } from "../../auth/authenticate.js";
import { unwrap } from "../../http/domain-result.js";
import { decodeCursor, pageQuerySchema, pageSchema, toPageBody } from "../../http/pagination.js";
import { conflict, notFound } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { idParamsSchema } from "../../http/route-schemas.js";
import { openOnboardingTickets } from "./onboarding-tickets.js";
import { branchWithCheckedVatId, requireAllValid, vatIdOfAddress } from "./organization-vat-id.js";

// T4: VAT IDs, the organization's and its branches' (O1), may be typed with separators; they are checked and stored normalized.
const branchInputSchema = branchSchema.omit({ id: true }).extend({ vatId: vatIdInputSchema.optional() });
const organizationInputSchema = organizationSchema
  .omit({ id: true })
  .extend({ vatId: vatIdInputSchema.optional(), branches: z.array(branchSchema.extend({ vatId: vatIdInputSchema.optional() })) });
const organizationResponseSchema = z.object({ organization: organizationSchema, version: z.number().int() });

/**
 * An organization record from its input: its VAT ID, if any, checked (T4) against its address
 * and each branch's against the branch's address (T3), all normalized; every offending VAT ID
 * is named in one 422 (`body.vatId`, `body.branches.0.vatId`).
 */
function recordOf(id: string, input: z.output<typeof organizationInputSchema>): Organization {
  const { vatId, branches, ...rest } = input;
  const vatIdCheck = vatId === undefined ? undefined : vatIdOfAddress(vatId, rest.address.country, ["vatId"], "organization");
  const branchChecks = branches.map((branch, index) => branchWithCheckedVatId(branch, ["branches", index, "vatId"]));
  requireAllValid([vatIdCheck, ...branchChecks]);
  return { id, ...rest, branches: branchChecks.map(unwrap), ...(vatIdCheck === undefined ? {} : { vatId: unwrap(vatIdCheck) }) };
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

/**
 * Customer records and onboarding data (O1): addresses, branches, billing, recipients, DATEV.
 * The onboarding answers that ask for work (initial network inventory, documentation to create
 * or take over) open their tickets in the transaction that writes the record (`onboarding-tickets.ts`).
 */
export const organizationRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/organizations",
    {
      schema: {
        tags: ["organizations"],
        summary:
          "Onboard a customer organization (O1); a VAT ID is checked (T4) and must be of the address's country (T3). A wanted initial network inventory and documentation to create or take over each open a request ticket for the service desk (GET /v1/tickets)",
        body: organizationInputSchema,
        response: { 201: organizationResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const id = randomUUID();
      requireAccess(request, "organization:manage", { organizationId: id }, "Organization");
      const record = recordOf(id, request.body);
      const now = deps.clock.now();
      const row = await deps.database.db.transaction(async (tx) => {
        const inserted = await insertOrganization(tx, record, now);
        await openOnboardingTickets(tx, record, now);
        return inserted;
      });
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
        summary:
          "Replace an organization record; `expectedVersion` guards against lost updates. A wish it turns on (initial network inventory, documentation to create or take over) opens its onboarding ticket once (O1); turning one off closes nothing",
        params: idParamsSchema,
        body: organizationInputSchema.extend({ expectedVersion: z.number().int().min(1) }),
        response: { 200: organizationResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const row = await visibleOrganization(deps, request, request.params.id);
      requireAccess(request, "organization:manage", { organizationId: row.id }, "Organization");
      const { expectedVersion, ...input } = request.body;
      const record = recordOf(row.id, input);
      const now = deps.clock.now();
      // The record replaced is the one read when its version is the expected one (versions only grow);
      // otherwise it is unknown, and every wish of the new record counts as turned on.
      const previous = row.version === expectedVersion ? (row.record as Organization) : undefined;
      const updated = await deps.database.db.transaction(async (tx) => {
        const stored = await updateOrganization(tx, row.id, record, expectedVersion, now);
        if (stored === undefined) throw conflict(`Organization ${row.id} is at version ${row.version}, not ${expectedVersion}`, "VERSION_CONFLICT");
        await openOnboardingTickets(tx, record, now, previous);
        return stored;
      });
      return toResponse(updated);
    },
  );

  app.post(
    "/v1/organizations/:id/branches",
    {
      schema: {
        tags: ["organizations"],
        summary: "Add a branch that receives goods or services (O1); its own VAT ID, if any, is checked (T4) and must be of the branch address's country (T3)",
        params: idParamsSchema,
        body: branchInputSchema,
        response: { 201: organizationResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const row = await visibleOrganization(deps, request, request.params.id);
      requireAccess(request, "organization:manage", { organizationId: row.id }, "Organization");
      const record = row.record as Organization;
      const branch = unwrap(branchWithCheckedVatId(request.body, ["vatId"]));
      const next: Organization = { ...record, branches: [...record.branches, { id: randomUUID(), ...branch }] };
      const updated = await updateOrganization(deps.database.db, row.id, next, row.version, deps.clock.now());
      if (updated === undefined) throw conflict(`Organization ${row.id} changed meanwhile; retry`, "VERSION_CONFLICT");
      return reply.status(201).send(toResponse(updated));
    },
  );
};
