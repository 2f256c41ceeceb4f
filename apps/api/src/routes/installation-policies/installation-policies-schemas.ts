import { z } from "zod";
import { instantSchema } from "../../http/route-schemas.js";
import type { InstallationPolicyDomain } from "./policy-domain.js";

/**
 * Body of `PUT <path>`: a complete policy set in the JSON form of the domain's schema (strict;
 * every version with `effectiveFrom`) and the version it replaces. `0` or absent: the first
 * write, while the shipped defaults apply.
 */
export function policiesPutBodySchema<Policies>(domain: InstallationPolicyDomain<Policies>) {
  return z
    .object({
      policies: domain.schema.describe(`Every policy version the rules pick from (P1: ${domain.rules}); replaces the shipped defaults as a whole, so include the versions you keep`),
      expectedVersion: z
        .int()
        .min(0)
        .optional()
        .describe("The stored `version` this replaces; `0` or absent for the first write. Another one is 409 `VERSION_CONFLICT`"),
    })
    .strict();
}

/** A domain's installation policies as the API answers them (P1): stored, or the shipped defaults. */
export function policiesResponseSchema<Policies>(domain: InstallationPolicyDomain<Policies>) {
  return z
    .object({
      policies: domain.schema.describe(`The policy versions the rules pick from (P1: ${domain.rules})`),
      source: z.enum(["stored", "default"]).describe("`stored`: written with PUT; `default`: none stored, the shipped defaults apply"),
      version: z.int().describe("Counts the writes (0: the shipped defaults); send it as `expectedVersion` to replace these policies"),
      updatedBy: z.string().nullable(),
      updatedAt: instantSchema.nullable(),
    })
    .meta({ id: domain.schemaId, description: `P1: ${domain.describes} of the installation (${domain.rules})` });
}
