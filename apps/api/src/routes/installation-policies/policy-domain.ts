import type { PolicyDomain } from "@kontor/db";
import type { z } from "zod";

/**
 * One package's installation policies (P1) as the API serves and reads them: where they live,
 * how they are checked and what applies while none are stored. One descriptor per domain in
 * `domains/`; {@link installationPolicies} and {@link installationPoliciesRoutes} do the rest.
 */
export interface InstallationPolicyDomain<Policies> {
  /** The row of `installation_policies` they are stored in. */
  readonly domain: PolicyDomain;
  /** The route that reads and replaces them, e.g. `/v1/licensing-policies`. */
  readonly path: string;
  /** The OpenAPI tag of the two routes. */
  readonly tag: string;
  /** What they are called in errors, e.g. `Licensing policies`. */
  readonly what: string;
  /** The problem code of a stored row that no longer parses, e.g. `LICENSING_POLICIES_INVALID`. */
  readonly invalidCode: string;
  /** The OpenAPI schema id of the answer, e.g. `LicensingPolicies`. */
  readonly schemaId: string;
  /** The rules they parameterize, for the OpenAPI description, e.g. `L6, L12, L14, L16, M2`. */
  readonly rules: string;
  /** What the stored set holds, for the OpenAPI description. */
  readonly describes: string;
  /** The domain package's policy-set schema: every version with its `effectiveFrom`. */
  readonly schema: z.ZodType<Policies>;
  /** The package's shipped defaults, which apply while none are stored. */
  readonly defaults: Policies;
  /** Staff roles that may read them (admins alone write them). */
  readonly readers: readonly string[];
  /**
   * The histories every rule of the domain needs a version of on the day it evaluates: a set is
   * stored only while each has a version in force (else every command would fail from then on)
   * and starts no later than in the set it replaces (else records dated before would fail, P1).
   * Histories that may start later (a new vendor's) are not listed.
   */
  readonly requiredHistories: (policies: Policies) => readonly RequiredHistory[];
  /**
   * Histories that may start later than today (a vendor not sold yet) but, once in the set in
   * force, keep their start like the required ones: records dated before a later start (a license
   * of that vendor) would find no version. One per vendor or marketplace; none when absent.
   */
  readonly keptHistories?: (policies: Policies) => readonly RequiredHistory[];
}

/** A list of versions under `policies` that keeps its start (P1); a required one must also have one in force today. */
export interface RequiredHistory {
  /** Where it stands under `policies`, e.g. `["sepa"]`. */
  readonly path: readonly string[];
  /**
   * What errors call it, and what matches it across two sets, when several histories share one
   * list (`vendors of atlassian`); else `path` joined with dots.
   */
  readonly name?: string;
  /** Its versions: `effectiveFrom` a calendar day (`2026-01-01`) or an instant with offset. */
  readonly versions: readonly { readonly effectiveFrom: string }[];
}
