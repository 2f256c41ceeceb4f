import type { Executor } from "@kontor/db";
import { DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES, purchaseOrderWindowPoliciesSchema, type PurchaseOrderWindowPolicy } from "@kontor/seats";
import { z } from "zod";
import { installationPolicies } from "../installation-policies.js";
import type { InstallationPolicyDomain } from "../policy-domain.js";

/** The seat policies an installation stores (P1): the purchase-order windows, oldest first or not. */
export interface SeatPolicySet {
  /** S2, S5, S8: when a purchase order's reminder goes out and when its window closes. */
  readonly purchaseOrderWindows: readonly PurchaseOrderWindowPolicy[];
}

/** zod schema of a {@link SeatPolicySet}: `@kontor/seats`' `purchaseOrderWindowPoliciesSchema` under its key. */
export const seatPolicySetSchema: z.ZodType<SeatPolicySet, { purchaseOrderWindows: z.input<typeof purchaseOrderWindowPoliciesSchema> }> = z.strictObject({
  purchaseOrderWindows: purchaseOrderWindowPoliciesSchema,
});

/** The seat policies (P1): purchase-order windows (S2, S5, S8). */
export const SEAT_POLICY_DOMAIN: InstallationPolicyDomain<SeatPolicySet> = {
  domain: "seats",
  path: "/v1/seat-policies",
  tag: "seats",
  what: "Seat policies",
  invalidCode: "SEAT_POLICIES_INVALID",
  schemaId: "SeatPolicies",
  rules: "S2, S5, S8",
  describes: "the purchase-order window policies",
  schema: seatPolicySetSchema,
  defaults: Object.freeze({ purchaseOrderWindows: DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES }),
  readers: ["admin", "account-manager", "back-office"],
  requiredHistories: (policies) => [{ path: ["purchaseOrderWindows"], versions: policies.purchaseOrderWindows }],
};

/**
 * The seat policies of the installation (P1): the set an admin stored with
 * `PUT /v1/seat-policies`, else the shipped purchase-order windows. Read it once per request or
 * job run and pass `purchaseOrderWindows` to every seat rule as `policies`.
 *
 * @throws ProblemError (500, `SEAT_POLICIES_INVALID`) when the stored row no longer parses.
 */
export function installationSeatPolicies(executor: Executor): Promise<SeatPolicySet> {
  return installationPolicies(executor, SEAT_POLICY_DOMAIN);
}
