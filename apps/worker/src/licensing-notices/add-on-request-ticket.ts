import { organizationOf } from "@kontor/api";
import { findRentalSubscription, type KontorTransaction, type OutboxRow } from "@kontor/db";
import { rentalSubscriptionSchema } from "@kontor/licensing";
import { requesterSchema, SYSTEM_ACTOR } from "@kontor/ticketing";
import { z } from "zod";
import type { WorkerContext } from "../worker-context.js";
import { openNoticeTicketOnce, type OpenedNoticeTicket } from "./open-ticket-once.js";

/**
 * The payload of `licensing.add-on-request-ticket` as the API's `rentalOutboxEvents` writes it
 * (M6). `requester`, the person who asked, is read when an event carries it; today's events do
 * not, and the service desk stands in.
 */
const addOnRequestEventSchema = z.object({
  subscriptionId: z.string().min(1),
  at: z.string().min(1),
  customerId: z.string().min(1),
  productId: z.string().min(1),
  wantedAddOn: z.string().min(1),
  quantity: z.number().int().positive(),
  requester: requesterSchema.optional(),
});

/** A parsed add-on request event (M6). */
export type AddOnRequestEvent = z.infer<typeof addOnRequestEventSchema>;

/** The request of an outbox event; a payload of another shape is a wiring mistake and fails the event. */
export function addOnRequestEventOf(event: OutboxRow): AddOnRequestEvent {
  const parsed = addOnRequestEventSchema.safeParse(event.payload);
  if (!parsed.success) throw new Error(`Outbox event ${event.id} (${event.topic}) has no add-on request: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The schedule key of an add-on request's ticket: one ticket per event. The event's dedupe key
 * identifies it (`rental-subscription:<id>:v<version>:<position>:…`, unique per booking
 * attempt), so two wishes for the same add-on are two tickets and a redelivery is none.
 */
export function addOnRequestScheduleKey(event: Pick<OutboxRow, "dedupeKey">): string {
  return `add-on-request:${event.dedupeKey}`;
}

/**
 * M6: a wanted add-on the rented product does not offer becomes a request ticket of the
 * renting organization ("Add-on gewünscht: <add-on> für <product>"), assigned to nobody, for
 * the team that clarifies whether and how it can be supplied. The requester is whoever asked
 * when the event names them, else the service desk; no K2 confirmation goes out.
 */
export async function openAddOnRequestTicket(tx: KontorTransaction, context: WorkerContext, event: OutboxRow): Promise<OpenedNoticeTicket> {
  const request = addOnRequestEventOf(event);
  const row = await findRentalSubscription(tx, request.subscriptionId);
  if (row === undefined) throw new Error(`Rental subscription ${request.subscriptionId} of outbox event ${event.id} does not exist`);
  const subscription = rentalSubscriptionSchema.parse(row.record);
  const organization = await organizationOf(tx, row.organizationId);
  if (organization === undefined) throw new Error(`Organization ${row.organizationId} of rental ${row.id} does not exist`);
  const product = subscription.productName;
  const description = [
    `${organization.name} wünscht für die Miete ${subscription.subscriptionId} (${product}, ${subscription.quantity} Nutzer) das Add-on „${request.wantedAddOn}“ (Menge ${request.quantity}).`,
    "Das Produkt bietet dieses Add-on nicht an (M6). Bitte klären, ob und wie es geliefert werden kann, und den Kunden informieren.",
    "",
    `Produkt: ${product} (${request.productId})`,
    `Gewünschtes Add-on: ${request.wantedAddOn}`,
    `Menge: ${request.quantity}`,
  ].join("\n");
  return openNoticeTicketOnce(
    tx,
    {
      kind: "request",
      // The wish came in through the marketplace's "book add-on" (portal or API), not a schedule.
      channel: "portal",
      organizationId: row.organizationId,
      requester: request.requester ?? { email: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
      subject: `Add-on gewünscht: ${request.wantedAddOn} für ${product}`,
      description,
      scheduleKey: addOnRequestScheduleKey(event),
      by: SYSTEM_ACTOR,
    },
    context.clock.now(),
    organization,
  );
}
