import { parseWith, type Result, ok } from "../errors/result.js";
import { DEFAULT_TICKETING_POLICIES } from "../policies/default-ticketing-policies.js";
import { policyInForce } from "../policies/policy-in-force.js";
import type { TicketingPolicy } from "../policies/ticketing-policy.js";
import { SYSTEM_ACTOR } from "../tickets/actor-ref.js";
import type { TicketInput } from "../tickets/create-ticket.js";
import type { TicketPriority } from "../tickets/ticket-classification.js";
import type { TicketCommand } from "../tickets/ticket-command.js";
import { isOpenStatus, type TicketStatus } from "../tickets/ticket-status.js";
import { toEpochMs, type Instant } from "../time/instant.js";
import { sensorEventSchema, type SensorEvent, type SensorSeverity } from "./sensor-event.js";

/** The open ticket that tracks a sensor, if any (the app looks it up by `sensorId`). */
export interface SensorTicketRef {
  readonly id: string;
  readonly status: TicketStatus;
  readonly priority: TicketPriority;
}

/** What to do with a sensor report (K8). */
export type SensorDecision =
  | { readonly action: "create-ticket"; readonly ticket: Omit<TicketInput, "id" | "number"> }
  | { readonly action: "update-ticket"; readonly ticketId: string; readonly commands: readonly TicketCommand[] }
  | { readonly action: "resolve-ticket"; readonly ticketId: string; readonly commands: readonly TicketCommand[] }
  | { readonly action: "record-only"; readonly reason: string };

const PRIORITY_BY_SEVERITY: Readonly<Record<SensorSeverity, TicketPriority>> = {
  info: "low",
  warning: "normal",
  critical: "high",
};

const PRIORITY_RANK: Readonly<Record<TicketPriority, number>> = { low: 0, normal: 1, high: 2, critical: 3 };

function note(event: SensorEvent, commentId: string): TicketCommand {
  return {
    type: "add-comment",
    by: SYSTEM_ACTOR,
    commentId,
    visibility: "internal",
    text: `${event.kind === "recovery" ? "Recovery" : "Repeated alert"} ${event.check} (${event.severity}) at ${event.observedAt}: ${event.message}`,
    attachments: [],
  };
}

/**
 * Qualifies a sensor report (K8). A deviation of a ticket-worthy severity (policy) opens one
 * incident per sensor; repeats update that open ticket with an internal note (and raise its
 * priority if the severity rose) instead of opening new ones; a recovery resolves it. Lower
 * severities and recoveries without an open ticket are only recorded.
 *
 * @param event the sensor report
 * @param openTicket the sensor's open ticket, if any
 * @param commentId id for the internal note the app will store
 * @param asOf evaluation instant (picks the policy, P1)
 * @param policies policies (default: the shipped ones)
 */
export function decideSensorEvent(
  event: SensorEvent,
  openTicket: SensorTicketRef | undefined,
  commentId: string,
  asOf: Instant,
  policies: readonly TicketingPolicy[] = DEFAULT_TICKETING_POLICIES,
): Result<SensorDecision> {
  const parsed = parseWith(sensorEventSchema, event);
  if (!parsed.ok) return parsed;
  const policy = policyInForce(policies, toEpochMs(asOf));
  if (!policy.ok) return policy;
  const sensor = parsed.value;
  const open = openTicket !== undefined && isOpenStatus(openTicket.status) ? openTicket : undefined;

  if (sensor.kind === "recovery") {
    if (open === undefined) return ok({ action: "record-only", reason: `Recovery of ${sensor.sensorId} without an open ticket` });
    return ok({ action: "resolve-ticket", ticketId: open.id, commands: [note(sensor, commentId), { type: "resolve", by: SYSTEM_ACTOR }] });
  }
  const priority = PRIORITY_BY_SEVERITY[sensor.severity];
  if (open !== undefined) {
    const commands: TicketCommand[] = [note(sensor, commentId)];
    if (PRIORITY_RANK[priority] > PRIORITY_RANK[open.priority]) commands.push({ type: "set-priority", by: SYSTEM_ACTOR, priority });
    return ok({ action: "update-ticket", ticketId: open.id, commands });
  }
  if (!policy.value.monitoring.ticketSeverities.includes(sensor.severity)) {
    return ok({ action: "record-only", reason: `Severity ${sensor.severity} does not open a ticket` });
  }
  return ok({
    action: "create-ticket",
    ticket: {
      kind: "incident",
      channel: "monitoring",
      organizationId: sensor.organizationId,
      requester: { email: "monitoring@kontor.invalid", name: "Monitoring" },
      subject: `Monitoring: ${sensor.check}`,
      description: sensor.message,
      priority,
      sensorId: sensor.sensorId,
      by: SYSTEM_ACTOR,
    },
  });
}
