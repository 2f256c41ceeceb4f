import { policySetSchema } from "@kontor/licensing";
import { z } from "zod";
import { instantSchema } from "../../http/route-schemas.js";

/**
 * Body of `PUT /v1/licensing-policies`: a complete policy set in the JSON form of
 * `@kontor/licensing`'s `policySetSchema` (strict; every version with `effectiveFrom`) and the
 * version it replaces. `0` or absent: the first write, while the shipped defaults apply.
 */
export const licensingPoliciesPutBodySchema = z
  .object({
    policies: policySetSchema.describe(
      "Every fulfilment, vendor and rental policy version the rules pick from (P1); replaces the shipped defaults as a whole, so include the versions you keep",
    ),
    expectedVersion: z
      .int()
      .min(0)
      .optional()
      .describe("The stored `version` this replaces; `0` or absent for the first write. Another one is 409 `VERSION_CONFLICT`"),
  })
  .strict();

/** The installation's licensing policies as the API answers them (P1): stored, or the shipped defaults. */
export const licensingPoliciesResponseSchema = z
  .object({
    policies: policySetSchema.describe("The policy versions every quote, order, license and rental rule picks from (P1)"),
    source: z.enum(["stored", "default"]).describe("`stored`: written with PUT; `default`: none stored, the shipped defaults apply"),
    version: z.int().describe("Counts the writes (0: the shipped defaults); send it as `expectedVersion` to replace these policies"),
    updatedBy: z.string().nullable(),
    updatedAt: instantSchema.nullable(),
  })
  .meta({ id: "LicensingPolicies", description: "P1: the vendor, fulfilment and rental policies of the installation (L6, L12, L14, L16, M2)" });
