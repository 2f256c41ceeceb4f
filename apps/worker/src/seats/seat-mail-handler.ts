import { findOrganization, findUser, type KontorTransaction, type OutboxRow } from "@kontor/db";
import type { SeatMail } from "@kontor/seats";
import type { Organization } from "@kontor/ticketing";
import { sendEventMail } from "../mail-out/send-event-mail.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import type { WorkerContext } from "../worker-context.js";
import { organizationAdminAddresses } from "./organization-admin-addresses.js";
import { SEAT_MAIL_TOPICS } from "./seat-mail-topics.js";
import { seatMailText } from "./seat-mail-text.js";

/** The payload `seatMailEvents` (apps/api) writes. */
interface SeatMailPayload {
  readonly organizationId: string;
  readonly mail: SeatMail;
}

/**
 * Where a seat mail goes: admin mails (S5 reminder, S8 suspension) to the organization's
 * administrators; user mails (S1, S8 withdrawal, S9) to the address stored with the assignment,
 * else to the portal user with that id in the organization. Empty when the user has no known
 * address.
 */
async function recipients(tx: KontorTransaction, organization: Organization, mail: SeatMail): Promise<string[]> {
  if (mail.to.role === "admin") return organizationAdminAddresses(tx, organization);
  if (mail.to.email !== undefined) return [mail.to.email];
  const user = await findUser(tx, mail.to.userId, organization.id);
  return user === undefined || user.disabledAt !== null ? [] : [user.email];
}

/**
 * Sends the seat mails (S1, S5, S8, S9) the API's seat commands and the daily seat-window job
 * put in the outbox. The mail's dedupe key is the event's (`seats:<organization>:<mail id>`,
 * deterministic per S10), so a redelivered event sends nothing twice.
 */
export const seatMailOutboxHandler: OutboxHandler = {
  topics: SEAT_MAIL_TOPICS,
  async handle(tx: KontorTransaction, event: OutboxRow, context: WorkerContext): Promise<void> {
    const { organizationId, mail } = event.payload as SeatMailPayload;
    const row = await findOrganization(tx, organizationId);
    if (row === undefined) throw new Error(`seat mail ${event.dedupeKey}: organization ${organizationId} not found`);
    const to = await recipients(tx, row.record as Organization, mail);
    if (to.length === 0) {
      // Nobody to send to (a seat user without address): retrying would not change that.
      context.logger.warn({ dedupeKey: event.dedupeKey, userId: mail.to.role === "user" ? mail.to.userId : undefined }, "seat mail has no recipient address; not sent");
      return;
    }
    const { subject, text } = seatMailText(mail);
    await sendEventMail(tx, context, event, { to, subject, text });
  },
};
