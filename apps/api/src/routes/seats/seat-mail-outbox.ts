import type { OutboxEvent } from "@kontor/db";
import type { SeatMail } from "@kontor/seats";

/**
 * The seat mails as outbox events. The package's mail ids are deterministic (S10), so the dedupe
 * key `seats:<organization>:<mail id>` makes every mail land in the outbox once, however often
 * it is produced again.
 */
export function seatMailEvents(organizationId: string, mails: readonly SeatMail[]): OutboxEvent[] {
  const seen = new Set<string>();
  const events: OutboxEvent[] = [];
  for (const mail of mails) {
    if (seen.has(mail.id)) continue;
    seen.add(mail.id);
    events.push({
      topic: `seats.${mail.kind}`,
      aggregateType: "organization-seats",
      aggregateId: organizationId,
      dedupeKey: `seats:${organizationId}:${mail.id}`,
      payload: { organizationId, mail },
    });
  }
  return events;
}
