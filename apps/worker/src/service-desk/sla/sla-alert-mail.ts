import { subjectTag } from "@kontor/ticketing";
import { localTimeText } from "../service-desk-local-time.js";
import type { SlaAlert } from "./sla-alert.js";

const CLOCK_LABELS: Readonly<Record<SlaAlert["clock"], string>> = {
  "first-response": "Erstreaktion",
  resolution: "Lösung",
};

/** `240 Geschäftsminuten (4 Std.)`: targets are agreed in business hours (K7). */
function targetText(minutes: number): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) ? `${minutes} Geschäftsminuten (${hours} Std.)` : `${minutes} Geschäftsminuten`;
}

/**
 * Subject and text of the internal K7 mail to the service team and the assignee: which ticket,
 * which clock, the target, and when the warning point or the deadline was reached, in the
 * customer's zone (their business hours count).
 */
export function slaAlertMailText(alert: SlaAlert): { readonly subject: string; readonly text: string } {
  const clock = CLOCK_LABELS[alert.clock];
  const headline = alert.kind === "warning" ? `SLA-Warnung ${clock}` : `SLA verletzt: ${clock}`;
  const lines = [
    `Ticket ${alert.ticketNumber} (${alert.organizationName}): ${alert.subject}`,
    `Priorität: ${alert.priority}`,
    `Zielzeit ${clock}: ${targetText(alert.targetMinutes)}`,
  ];
  if (alert.kind === "warning") {
    lines.push(`Warnschwelle erreicht: ${localTimeText(alert.at, alert.zone)} (${alert.zone})`);
    if (alert.dueAt !== undefined) lines.push(`Fällig bis: ${localTimeText(alert.dueAt, alert.zone)} (${alert.zone})`);
  } else {
    lines.push(`Fällig war: ${localTimeText(alert.at, alert.zone)} (${alert.zone}); die Zielzeit ist überschritten.`);
  }
  return { subject: `${subjectTag(alert.ticketNumber)} ${headline} – ${alert.subject}`, text: lines.join("\n") };
}
