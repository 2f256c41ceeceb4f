import type { FulfilmentPolicy } from "./fulfilment-policy.js";

/**
 * The reseller's own order handling of seed 000 (last updated 2022-07-14), the shipped default
 * fulfilment policy (P1): service customers are contacted within 2 business days (L2), the
 * invoice follows the purchase within 1 day (L5), business days follow German federal holidays.
 */
export const DEFAULT_FULFILMENT_POLICY: FulfilmentPolicy = Object.freeze({
  id: "fulfilment-2022-07-14",
  effectiveFrom: "2022-07-14",
  serviceContactBusinessDays: 2,
  invoiceWithinDays: 1,
  calendar: "DE",
});
