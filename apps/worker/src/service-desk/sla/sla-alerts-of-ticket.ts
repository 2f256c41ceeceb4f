import type { OutboxEvent } from "@kontor/db";
import { computeSlaClocks, type Organization, type SlaTerms, type Ticket, type TicketingPolicy } from "@kontor/ticketing";
import { SLA_ALERT_TOPIC } from "../service-desk-topics.js";
import { slaAlertDedupeKey, type SlaAlert } from "./sla-alert.js";

/**
 * The K7 alerts of one ticket as of `now`, as outbox events: every warning and breach
 * `computeSlaClocks` reports by then (business hours and holidays of the customer's calendar,
 * paused while waiting for the customer). Earlier crossings are reported again on every run and
 * dropped by their dedupe keys, so a run that was missed is caught up by the next one.
 *
 * @param policies the ticketing policies (P1: K7 `sla.warningRatio` of the one in force when the ticket was opened)
 * @returns the events, or the rule violations when the history cannot be evaluated
 */
export function slaAlertsOfTicket(
  ticket: Ticket,
  organization: Organization,
  terms: SlaTerms,
  now: Date,
  policies: readonly TicketingPolicy[],
): { readonly events: OutboxEvent[] } | { readonly errors: readonly string[] } {
  const report = computeSlaClocks(ticket.history, terms, now.toISOString(), { policies });
  if (!report.ok) return { errors: report.errors.map((error) => `${error.code}: ${error.message}`) };
  const breachedClocks = new Set(report.value.events.filter((event) => event.type === "sla-breached").map((event) => event.clock));
  const events = report.value.events.map((event): OutboxEvent => {
    const clock = event.clock === "first-response" ? report.value.firstResponse : report.value.resolution;
    const warning = event.type === "sla-warning";
    const alert: SlaAlert = {
      kind: warning ? "warning" : "breach",
      clock: event.clock,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      subject: ticket.subject,
      organizationId: organization.id,
      organizationName: organization.name,
      priority: report.value.priority,
      at: event.at,
      targetMinutes: event.targetMinutes,
      ...(warning && clock.dueAt !== undefined ? { dueAt: clock.dueAt } : {}),
      zone: organization.zone,
      superseded: warning && breachedClocks.has(event.clock),
    };
    return { topic: SLA_ALERT_TOPIC, aggregateType: "ticket", aggregateId: ticket.id, dedupeKey: slaAlertDedupeKey(alert), payload: alert };
  });
  return { events };
}
