import { parseWith } from "../errors/from-zod.js";
import { licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, ok } from "../errors/result.js";
import { DEFAULT_POLICIES } from "../policies/policy-set.js";
import type { RuleContext } from "../policies/rule-context.js";
import { readEvaluationTime } from "../time/evaluation-time.js";
import { toInstantString } from "../time/local-date.js";
import { cancelOrder } from "./cancel-order.js";
import type { CommandEnvironment } from "./command-environment.js";
import {
  completeReview,
  confirmLicenseOrder,
  deliverLicenses,
  invoiceLicenses,
  purchaseLicenses,
  recordConfirmationSent,
  recordContactVerified,
  recordVendorPayment,
  registerTechnicalContact,
} from "./license-order-commands.js";
import type { LicenseOrder, Order, ServiceOrder } from "./order.js";
import { type OrderCommand, orderCommandSchema } from "./order-command.js";
import { allowedCommands, nextStatuses } from "./order-lifecycle.js";
import type { OrderTransition } from "./order-transition.js";
import { confirmServiceOrder, recordCustomerContact } from "./service-order-commands.js";
import type { z } from "zod";

/**
 * Context of {@link applyOrderCommand}: `asOf` and policies; days are counted in the order's
 * customer zone. `actor` names who applies the command (the API passes the user id); the order's
 * history of technical contact changes records it (L4).
 */
export type OrderCommandContext = Omit<RuleContext, "zone"> & { readonly actor?: string };

type Parsed = z.output<typeof orderCommandSchema>;

function applyToLicenseOrder(order: LicenseOrder, command: Parsed, env: CommandEnvironment): LicensingResult<OrderTransition> {
  switch (command.type) {
    case "confirm":
      return confirmLicenseOrder(order, env);
    case "record-confirmation-sent":
      return recordConfirmationSent(order, env);
    case "complete-review":
      return completeReview(order, command, env);
    case "register-technical-contact":
      return registerTechnicalContact(order, command, env);
    case "purchase":
      return purchaseLicenses(order, command, env);
    case "record-vendor-payment":
      return recordVendorPayment(order, command, env);
    case "record-contact-verified":
      return recordContactVerified(order, command, env);
    case "deliver":
      return deliverLicenses(order, command, env);
    case "invoice":
      return invoiceLicenses(order, command, env);
    case "cancel":
      return ok(cancelOrder(order, command.reason, env));
    case "record-customer-contact":
      return notInLifecycle(order, command.type);
  }
}

function applyToServiceOrder(order: ServiceOrder, command: Parsed, env: CommandEnvironment): LicensingResult<OrderTransition> {
  switch (command.type) {
    case "confirm":
      return confirmServiceOrder(order, env);
    case "record-customer-contact":
      return recordCustomerContact(order, command.note, env);
    case "cancel":
      return ok(cancelOrder(order, command.reason, env));
    default:
      return notInLifecycle(order, command.type);
  }
}

function notInLifecycle(order: Order, command: Parsed["type"]): LicensingResult<never> {
  const allowed = allowedCommands(order);
  return fail(
    licensingError(
      "ORDER_TRANSITION_NOT_ALLOWED",
      `A ${order.kind} order in status ${order.status} does not accept "${command}"` +
        (allowed.length === 0 ? "; it is final" : `; allowed: ${allowed.join(", ")}`),
      ["type"],
      { status: order.status, command, orderKind: order.kind },
    ),
  );
}

/**
 * Applies one command to an order: `(order, command, asOf) → { order, events }` (the pure state
 * machine of L1–L5, L10, L18). A command the lifecycle does not allow in the order's status is
 * rejected with `ORDER_TRANSITION_NOT_ALLOWED` (see `LICENSE_ORDER_TRANSITIONS` and
 * `SERVICE_ORDER_TRANSITIONS`); rule violations come back as their own codes. Policies are the
 * versions in force at `asOf` (P1); days are counted in the customer's zone.
 */
export function applyOrderCommand(order: Order, command: OrderCommand, context: OrderCommandContext): LicensingResult<OrderTransition> {
  const parsed = parseWith(orderCommandSchema, command);
  if (!parsed.ok) return parsed;
  const time = readEvaluationTime(context.asOf, order.customer.zone);
  if (!time.ok) return time;
  if (nextStatuses(order, parsed.value.type).length === 0) return notInLifecycle(order, parsed.value.type);
  const env: CommandEnvironment = {
    time: time.value,
    at: toInstantString(time.value.instant),
    policies: context.policies ?? DEFAULT_POLICIES,
    actor: context.actor ?? null,
  };
  return order.kind === "license" ? applyToLicenseOrder(order, parsed.value, env) : applyToServiceOrder(order, parsed.value, env);
}

/**
 * Applies commands one after another, stopping at the first failure; the events of all steps
 * are concatenated. Convenient for replaying a stored command log.
 */
export function applyOrderCommands(
  order: Order,
  steps: readonly { readonly command: OrderCommand; readonly context: OrderCommandContext }[],
): LicensingResult<OrderTransition> {
  let current: OrderTransition = { order, events: [] };
  for (const step of steps) {
    const next = applyOrderCommand(current.order, step.command, step.context);
    if (!next.ok) return next;
    current = { order: next.value.order, events: [...current.events, ...next.value.events] };
  }
  return ok(current);
}
