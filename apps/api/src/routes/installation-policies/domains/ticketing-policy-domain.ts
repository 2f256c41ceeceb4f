import type { Executor } from "@kontor/db";
import { DEFAULT_TICKETING_POLICIES, ticketingPoliciesSchema, type TicketingPolicy } from "@kontor/ticketing";
import { z } from "zod";
import { installationPolicies } from "../installation-policies.js";
import type { InstallationPolicyDomain } from "../policy-domain.js";

/** The ticketing policies an installation stores (P1): the service desk's numbers, versioned. */
export interface TicketingPolicySet {
  /** K1 reopening, K4 mail intake, K7 SLA warnings, K8 monitoring, K11 asset expiry. */
  readonly serviceDesk: readonly TicketingPolicy[];
}

/** zod schema of a {@link TicketingPolicySet}: `@kontor/ticketing`'s `ticketingPoliciesSchema` under its key. */
export const ticketingPolicySetSchema: z.ZodType<TicketingPolicySet, { serviceDesk: z.input<typeof ticketingPoliciesSchema> }> = z.strictObject({
  serviceDesk: ticketingPoliciesSchema,
});

/** The ticketing policies (P1): mail intake, reopening, SLA warnings, monitoring and asset expiry (K1–K11). */
export const TICKETING_POLICY_DOMAIN: InstallationPolicyDomain<TicketingPolicySet> = {
  domain: "ticketing",
  path: "/v1/ticketing-policies",
  tag: "tickets",
  what: "Ticketing policies",
  invalidCode: "TICKETING_POLICIES_INVALID",
  schemaId: "TicketingPolicies",
  rules: "K1, K2, K4, K7, K8, K11",
  describes: "the service desk's intake, reopening, SLA, monitoring and asset-expiry policies",
  schema: ticketingPolicySetSchema,
  defaults: Object.freeze({ serviceDesk: DEFAULT_TICKETING_POLICIES }),
  readers: ["admin", "dispatcher", "back-office"],
  requiredHistories: (policies) => [{ path: ["serviceDesk"], versions: policies.serviceDesk }],
};

/**
 * The ticketing policies of the installation (P1): the set an admin stored with
 * `PUT /v1/ticketing-policies`, else `fallback` (the shipped `DEFAULT_TICKETING_POLICIES`, or the
 * worker's as its environment set them). Read it once per request or job run and pass
 * `serviceDesk` to every ticketing rule as its policies.
 *
 * @throws ProblemError (500, `TICKETING_POLICIES_INVALID`) when the stored row no longer parses.
 */
export function installationTicketingPolicies(executor: Executor, fallback: readonly TicketingPolicy[] = DEFAULT_TICKETING_POLICIES): Promise<TicketingPolicySet> {
  return installationPolicies(executor, TICKETING_POLICY_DOMAIN, { serviceDesk: fallback });
}
