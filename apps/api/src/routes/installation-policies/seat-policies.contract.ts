import { DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES } from "@kontor/seats";
import { SEAT_POLICY_DOMAIN } from "./domains/seat-policy-domain.js";
import { installationPoliciesContract } from "./installation-policies.contract.js";

const windows = JSON.parse(JSON.stringify(DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES)) as { effectiveFrom: string }[];

/** Contract cases of `/v1/seat-policies` (P1, S2, S5, S8). */
export const seatPoliciesContract = installationPoliciesContract(
  SEAT_POLICY_DOMAIN,
  { purchaseOrderWindows: windows },
  { purchaseOrderWindows: windows.map((policy) => ({ ...policy, effectiveFrom: "2024-13-01" })) },
  "body.policies.purchaseOrderWindows.0.effectiveFrom",
);
