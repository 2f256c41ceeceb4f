import { type LicensingResult, ok } from "../errors/result.js";
import { fulfilmentPolicyOn } from "../policies/policy-set.js";
import { businessDaysAfter } from "../time/business-days.js";
import type { CommandEnvironment } from "./command-environment.js";
import { confirmationDocument } from "./confirmation-document.js";
import type { ServiceOrder } from "./order.js";
import type { OrderTransition } from "./order-transition.js";

type Result = LicensingResult<OrderTransition<ServiceOrder>>;

/**
 * L1 + L2: confirms a service order: the confirmation is to be sent and the responsible team
 * gets a task to contact the customer within the policy's reaction target (2 business days).
 */
export function confirmServiceOrder(order: ServiceOrder, env: CommandEnvironment): Result {
  const policy = fulfilmentPolicyOn(env.policies, env.time.today);
  if (!policy.ok) return policy;
  const businessDays = policy.value.serviceContactBusinessDays;
  const due = businessDaysAfter(env.time.today, businessDays, policy.value.calendar);
  if (!due.ok) return due;
  const dueBy = due.value;
  const confirmed: ServiceOrder = { ...order, status: "confirmed", confirmedAt: env.at, contactTask: { team: order.responsibleTeam, dueBy } };
  return ok({
    order: confirmed,
    events: [
      { type: "confirmation-to-send", orderId: order.orderId, at: env.at, document: confirmationDocument(confirmed, env.time.today) },
      { type: "contact-customer-task", orderId: order.orderId, at: env.at, team: order.responsibleTeam, dueBy, businessDays },
    ],
  });
}

/** L2: the responsible team contacted the customer; the task is done. */
export function recordCustomerContact(order: ServiceOrder, note: string | undefined, env: CommandEnvironment): Result {
  return ok({
    order: { ...order, status: "customer-contacted", customerContactedAt: env.at, customerContactNote: note ?? null },
    events: [{ type: "contact-task-completed", orderId: order.orderId, at: env.at, team: order.responsibleTeam }],
  });
}
