import type { KontorTransaction, OutboxRow } from "@kontor/db";
import { SYSTEM_ACTOR } from "@kontor/ticketing";
import { DateTime } from "luxon";
import { z } from "zod";
import { localDay } from "../licensing/local-day.js";
import type { WorkerContext } from "../worker-context.js";
import { loadNoticeOrder, orderIdOf } from "./notice-order.js";
import { openNoticeTicketOnce, type OpenedNoticeTicket } from "./open-ticket-once.js";

/** The payload of `licensing.contact-customer-task` as `orderOutboxEvents` writes it (L2). */
const contactTaskEventSchema = z.object({
  orderId: z.string().min(1),
  at: z.string().min(1),
  team: z.string().min(1),
  /** The day the team must have contacted the customer by (business days after the confirmation). */
  dueBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  businessDays: z.number().int().min(0),
});

/** A parsed contact-customer-task event (L2). */
export type ContactTaskEvent = z.infer<typeof contactTaskEventSchema>;

/** The task of an outbox event; a payload of another shape is a wiring mistake and fails the event. */
export function contactTaskEventOf(event: OutboxRow): ContactTaskEvent {
  const parsed = contactTaskEventSchema.safeParse(event.payload);
  if (!parsed.success) throw new Error(`Outbox event ${event.id} (${event.topic}) has no contact task: ${parsed.error.message}`);
  return parsed.data;
}

/** The schedule key of an order's contact task: one task ticket per service order (L2). */
export function contactTaskScheduleKey(orderId: string): string {
  return `service-order-contact:${orderId}`;
}

const germanDate = (day: string): string => DateTime.fromISO(day).toFormat("dd.LL.yyyy");

/**
 * L2: a placed (confirmed) service order creates a task for the responsible team to contact the
 * customer and agree dates within the reaction target: a request ticket of the ordering
 * organization, assigned to nobody (dispatch hands it on, K6), its subject and description
 * naming the order, the team and the due day the event computed (business days in the
 * policy's holiday calendar). Once per order (schedule key `service-order-contact:<order>`).
 * The staff closes the order's task with the `record-customer-contact` command.
 */
export async function openContactCustomerTask(tx: KontorTransaction, context: WorkerContext, event: OutboxRow): Promise<OpenedNoticeTicket> {
  const task = contactTaskEventOf(event);
  const { order, organization, row } = await loadNoticeOrder(tx, orderIdOf(event));
  const services = order.kind === "service" ? order.services.map((service) => `- ${service.description}${service.quantity === null ? "" : ` (${service.quantity}${service.unit === null ? "" : ` ${service.unit}`})`}`) : [];
  const requirements = order.confirmationRequirements;
  const description = [
    `Der Dienstleistungsauftrag ${order.orderId} von ${organization.name} wurde am ${germanDate(localDay(new Date(task.at), order.customer.zone))} bestätigt.`,
    `Team ${task.team}: bitte nehmen Sie bis zum ${germanDate(task.dueBy)} Kontakt mit dem Kunden auf, um Termine und weitere Details abzustimmen (L2: ${task.businessDays} Werktage).`,
    "",
    `Fällig bis: ${task.dueBy}`,
    `Team: ${task.team}`,
    ...(requirements.addressee === null ? [] : [`Adressat laut Auftrag: ${requirements.addressee}`]),
    ...(requirements.customerPoNumber === null ? [] : [`Bestellnummer des Kunden: ${requirements.customerPoNumber}`]),
    ...(services.length === 0 ? [] : ["", "Beauftragte Leistungen:", ...services]),
    "",
    `Nach dem Kontakt am Auftrag erfassen: POST /v1/orders/${order.orderId}/commands {"type":"record-customer-contact"}`,
  ].join("\n");
  return openNoticeTicketOnce(
    tx,
    {
      kind: "request",
      channel: "schedule",
      organizationId: row.organizationId,
      // Nobody wrote in: the service desk stands in as requester (no K2 confirmation goes out).
      requester: { email: context.settings.mail.supportAddress, name: task.team },
      subject: `Kunde kontaktieren: Auftrag ${order.orderId} (${organization.name}) bis ${germanDate(task.dueBy)}`,
      description,
      scheduleKey: contactTaskScheduleKey(order.orderId),
      by: SYSTEM_ACTOR,
    },
    context.clock.now(),
    organization,
  );
}
