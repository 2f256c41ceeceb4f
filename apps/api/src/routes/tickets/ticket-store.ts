import { randomUUID } from "node:crypto";
import {
  appendToOutbox,
  findOrganization,
  findTicket,
  insertTicket,
  lockTicketNumberSequence,
  storeTicketNumberSequence,
  updateTicket,
  type Executor,
  type KontorTransaction,
  type TicketRow,
} from "@kontor/db";
import {
  allocateTicketNumber,
  applyTicketCommand,
  createTicket,
  type Organization,
  type Ticket,
  type TicketCommand,
  type TicketEvent,
  type TicketInput,
} from "@kontor/ticketing";
import { unwrap } from "../../http/domain-result.js";
import { conflict, notFound } from "../../http/problem.js";
import { INSTALLATION_ZONE, TICKET_NUMBER_FORMAT, TICKET_NUMBER_SEQUENCE_ID } from "./service-desk-settings.js";
import { ticketColumns } from "./ticket-columns.js";
import { ticketOutboxEvents } from "./ticket-outbox.js";

/** The customer record of a ticket's organization, if it has one. */
export async function organizationOf(executor: Executor, organizationId: string | null): Promise<Organization | undefined> {
  if (organizationId === null) return undefined;
  const row = await findOrganization(executor, organizationId);
  return row?.record as Organization | undefined;
}

/**
 * Hands out the next ticket number (K1, with its Damm check digit) under the sequence's row
 * lock: concurrent creations queue up, and a rolled-back creation gives its number back.
 */
export async function issueTicketNumber(tx: KontorTransaction, now: Date): Promise<string> {
  const current = await lockTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, now);
  const next = unwrap(allocateTicketNumber(TICKET_NUMBER_FORMAT, current, now.toISOString(), INSTALLATION_ZONE));
  await storeTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, next.sequence, now);
  return next.number;
}

/**
 * Opens a ticket (K1) in `tx`: number, `createTicket`, the row, and its outbox events (history,
 * K2 confirmation when `confirm`, K5 notifications).
 */
export async function openTicket(
  tx: KontorTransaction,
  input: Omit<TicketInput, "id" | "number">,
  now: Date,
  options: { readonly confirm: boolean },
): Promise<TicketRow> {
  const id = randomUUID();
  const number = await issueTicketNumber(tx, now);
  const change = unwrap(createTicket({ ...input, id, number }, now.toISOString()));
  const row = await insertTicket(tx, { id, number, ...ticketColumns(change.ticket) }, now);
  await appendToOutbox(tx, ticketOutboxEvents(change, await organizationOf(tx, row.organizationId), options), now);
  return row;
}

/** A ticket locked for a change until `tx` ends; 404 when there is none. */
export async function lockTicket(tx: KontorTransaction, id: string): Promise<TicketRow> {
  const row = await findTicket(tx, id, { forUpdate: true });
  if (row === undefined) throw notFound(`Ticket ${id}`);
  return row;
}

/**
 * Applies commands in order through `applyTicketCommand` (K1, K6; a refusal is a 422 with the
 * rule code) and stores the ticket with the outbox events of all of them, in `tx`.
 */
export async function changeTicket(tx: KontorTransaction, row: TicketRow, commands: readonly TicketCommand[], now: Date): Promise<TicketRow> {
  const organization = await organizationOf(tx, row.organizationId);
  const asOf = now.toISOString();
  let ticket = row.document as Ticket;
  const events: TicketEvent[] = [];
  for (const command of commands) {
    const change = unwrap(applyTicketCommand(ticket, command, asOf, { zone: organization?.zone ?? INSTALLATION_ZONE }));
    ticket = change.ticket;
    events.push(...change.events);
  }
  const updated = await updateTicket(tx, row.id, ticketColumns(ticket), row.version, now);
  if (updated === undefined) throw conflict(`Ticket ${row.number} changed meanwhile; retry`, "VERSION_CONFLICT");
  await appendToOutbox(tx, ticketOutboxEvents({ ticket, events }, organization), now);
  return updated;
}
