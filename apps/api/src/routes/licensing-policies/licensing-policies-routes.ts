import { findLicensingPolicies, saveLicensingPolicies, type LicensingPoliciesRow } from "@kontor/db";
import { DEFAULT_POLICIES } from "@kontor/licensing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { versionConflict } from "../assets/version-conflict.js";
import { LICENSING_STAFF_ROLES } from "../licensing/licensing-access.js";
import { toJson } from "../licensing/licensing-context.js";
import { storedLicensingPolicies } from "./installation-licensing-policies.js";
import { licensingPoliciesPutBodySchema, licensingPoliciesResponseSchema } from "./licensing-policies-schemas.js";

const WHAT = "Licensing policies";

type LicensingPoliciesResponse = z.output<typeof licensingPoliciesResponseSchema>;

/** A stored row as the API answers it; a row that no longer parses is a 500 naming the field. */
function toResponse(row: LicensingPoliciesRow): LicensingPoliciesResponse {
  const policies = storedLicensingPolicies(row);
  return { policies, source: "stored", version: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/**
 * The installation's licensing policies (P1): vendor rules (L6, L12, L14, L16 …), the
 * fulfilment policy and the rental marketplace policies (M2). Every licensing route and job
 * reads them per request or run, so a change applies to the next quote or order without a
 * restart; while none are stored the shipped defaults apply (answered with `version: 0`).
 *
 * Licensing staff read them; only admins write them; other staff get 403, portal users 404 (K10).
 */
export const licensingPoliciesRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    "/v1/licensing-policies",
    {
      schema: {
        tags: ["licensing"],
        summary: "The installation's licensing policies (P1): the stored set, or the shipped defaults with version 0",
        response: { 200: licensingPoliciesResponseSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      requireStaff(request, LICENSING_STAFF_ROLES, WHAT);
      const row = await findLicensingPolicies(deps.database.db);
      if (row === undefined) return { policies: DEFAULT_POLICIES, source: "default", version: 0, updatedBy: null, updatedAt: null } satisfies LicensingPoliciesResponse;
      return toResponse(row);
    },
  );

  app.put(
    "/v1/licensing-policies",
    {
      schema: {
        tags: ["licensing"],
        summary: "Store the installation's licensing policies (P1); `expectedVersion` guards against lost updates",
        description:
          "The body's `policies` is checked with `@kontor/licensing`'s `policySetSchema` (a bad date is 400 naming e.g. `body.policies.vendors.0.effectiveFrom`) and replaces the shipped defaults as a whole. " +
          "`expectedVersion` 0 or absent writes the first set (201); then send the stored `version` (200). Another version is 409 `VERSION_CONFLICT`. " +
          "Accepts `Idempotency-Key`: a retried request gets the stored answer instead of a 409.",
        body: licensingPoliciesPutBodySchema,
        response: { 200: licensingPoliciesResponseSchema, 201: licensingPoliciesResponseSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const who = requireStaff(request, ["admin"], WHAT);
      const { expectedVersion = 0, policies } = request.body;
      // Stored checked, as JSON (the input form again): readers check it with `policySetSchema` unchanged.
      const stored = await findLicensingPolicies(deps.database.db);
      const saved = await saveLicensingPolicies(deps.database.db, { policies: toJson(policies), updatedBy: who.userId }, expectedVersion, deps.clock.now());
      if (saved === undefined) throw versionConflict(WHAT, stored?.version ?? 0, expectedVersion);
      if (expectedVersion === 0) void reply.status(201).header("location", "/v1/licensing-policies");
      return toResponse(saved);
    },
  );
};
