import type { MaintenancePlan } from "@kontor/ticketing";
import { badRequest, fieldError } from "../../http/problem.js";

/**
 * K9: a plan whose last day (`endsOn`) lies before its first due day would never open a ticket;
 * that is a typo, answered 400 naming `body.endsOn`. ISO days compare as strings.
 */
export function requireConsistentPlan(plan: MaintenancePlan): void {
  if (plan.endsOn !== undefined && plan.endsOn < plan.firstDue) {
    throw badRequest(fieldError("body", ["endsOn"], "before_first_due", `lies before the first due day ${plan.firstDue}`));
  }
}
