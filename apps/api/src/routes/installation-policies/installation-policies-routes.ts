import { findInstallationPolicies, saveInstallationPolicies, type InstallationPoliciesRow } from "@kontor/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { requireStaff } from "../../auth/access.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { versionConflict } from "../assets/version-conflict.js";
import { requireStorablePolicies, storedPolicies } from "./installation-policies.js";
import { policiesPutBodySchema, policiesResponseSchema } from "./installation-policies-schemas.js";
import type { InstallationPolicyDomain } from "./policy-domain.js";

/** The answer of both routes. */
interface PoliciesResponse<Policies> {
  readonly policies: Policies;
  readonly source: "stored" | "default";
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

/** A stored row as the API answers it; a row that no longer parses is a 500 naming the field. */
function toResponse<Policies>(domain: InstallationPolicyDomain<Policies>, row: InstallationPoliciesRow): PoliciesResponse<Policies> {
  return { policies: storedPolicies(domain, row), source: "stored", version: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/** The checked set as JSON (its input form again): readers check it with the domain's schema unchanged. */
function toJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * `GET` and `PUT <path>` for one domain's installation policies (P1). Every route and job of the
 * domain reads them per request or run, so a change applies to the next command without a
 * restart; while none are stored the shipped defaults apply (answered with `version: 0`).
 *
 * The domain's staff roles read them; only admins write them; other staff get 403, portal users
 * 404 (K10: the installation's administration looks absent to customers).
 */
export function installationPoliciesRoutes<Policies>(domain: InstallationPolicyDomain<Policies>): FastifyPluginAsyncZod<ApiDeps> {
  const responseSchema = policiesResponseSchema(domain);
  return async (app, deps) => {
    app.get(
      domain.path,
      {
        schema: {
          tags: [domain.tag],
          summary: `The installation's ${domain.what.toLowerCase()} (P1): the stored set, or the shipped defaults with version 0`,
          response: { 200: responseSchema, ...standardErrorResponses },
        },
      },
      async (request) => {
        requireStaff(request, domain.readers, domain.what);
        const row = await findInstallationPolicies(deps.database.db, domain.domain);
        if (row === undefined) return { policies: domain.defaults, source: "default", version: 0, updatedBy: null, updatedAt: null } satisfies PoliciesResponse<Policies>;
        return toResponse(domain, row);
      },
    );

    app.put(
      domain.path,
      {
        schema: {
          tags: [domain.tag],
          summary: `Store the installation's ${domain.what.toLowerCase()} (P1); \`expectedVersion\` guards against lost updates`,
          description:
            "The body's `policies` is checked with the package's policy-set schema (a bad date is 400 naming e.g. `body.policies.…​.effectiveFrom`) and replaces the shipped defaults as a whole. " +
            "`expectedVersion` 0 or absent writes the first set (201); then send the stored `version` (200). Another version is 409 `VERSION_CONFLICT`. " +
            "A set in which a history every rule needs has no version in force today is 422 `P1_NO_POLICY_IN_FORCE` naming it; " +
            "one in which such a history starts later than in the current set (the stored one, else the defaults) is 422 `P1_HISTORY_SHORTENED` naming it: keep the earliest version and add later ones beside it. " +
            "Accepts `Idempotency-Key`: a retried request gets the stored answer instead of a 409.",
          body: policiesPutBodySchema(domain),
          response: { 200: responseSchema, 201: responseSchema, ...standardErrorResponses },
        },
      },
      async (request, reply) => {
        const who = requireStaff(request, ["admin"], domain.what);
        const { expectedVersion = 0, policies } = request.body;
        // The row `expectedVersion` names is the set this one replaces: a stale version is 409
        // before any 422, and the guards compare with exactly the set the write will replace
        // (the version-guarded save below fails if it moved on in between).
        const stored = await findInstallationPolicies(deps.database.db, domain.domain);
        if ((stored?.version ?? 0) !== expectedVersion) throw versionConflict(domain.what, stored?.version ?? 0, expectedVersion);
        requireStorablePolicies(domain, stored, policies, deps.clock.now());
        const saved = await saveInstallationPolicies(deps.database.db, domain.domain, { policies: toJson(policies), updatedBy: who.userId }, expectedVersion, deps.clock.now());
        if (saved === undefined) throw versionConflict(domain.what, stored?.version ?? 0, expectedVersion);
        if (expectedVersion === 0) void reply.status(201).header("location", domain.path);
        return toResponse(domain, saved);
      },
    );
  };
}
