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
}
