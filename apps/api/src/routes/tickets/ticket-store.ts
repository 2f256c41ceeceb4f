import { randomUUID } from "node:crypto";
import {
  advanceTicketNumberSequence,
  appendToOutbox,
  findOrganization,
  findTicket,
  insertTicket,
  lockTicketNumberSequence,
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
 * Hands out the next ticket number (K1, with its Damm check digit). The sequence row is advanced
 * in one statement and stays locked until `tx` ends: concurrent creations queue up from here to
 * their commit, and a rolled-back creation gives its number back. Call it as late as possible.
 * `allocateTicketNumber` stays the rule: it names the year beforehand and checks the result (a
 * refusal is a 422 and rolls the advance back).
 */
export async function issueTicketNumber(tx: KontorTransaction, now: Date): Promise<string> {
  const asOf = now.toISOString();
  // The year a number issued now carries (undefined for a format without one); pure, no lock.
  const { year } = unwrap(allocateTicketNumber(TICKET_NUMBER_FORMAT, { lastSequence: 0 }, asOf, INSTALLATION_ZONE)).sequence;
  const advanced = await advanceTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, year, now);
  if (advanced === undefined) {
    // The stored year is later than now's (K1_TICKET_NUMBER_OUT_OF_ORDER): let the rule say so.
    unwrap(allocateTicketNumber(TICKET_NUMBER_FORMAT, await lockTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, now), asOf, INSTALLATION_ZONE));
    throw new Error(`ticket number sequence ${TICKET_NUMBER_SEQUENCE_ID} refused to advance to ${String(year)}`);
  }
  // What the rule hands out after the number before the stored one (e.g. K1_TICKET_NUMBER_EXHAUSTED).
  const previous = { ...(advanced.year === undefined ? {} : { year: advanced.year }), lastSequence: advanced.lastSequence - 1 };
  const next = unwrap(allocateTicketNumber(TICKET_NUMBER_FORMAT, previous, asOf, INSTALLATION_ZONE));
  if (next.sequence.lastSequence !== advanced.lastSequence || next.sequence.year !== advanced.year) {
    throw new Error(`ticket number sequence ${TICKET_NUMBER_SEQUENCE_ID} disagrees with allocateTicketNumber`);
  }
  return next.number;
}

/**
 * Opens a ticket (K1) in `tx`: number, `createTicket`, the row, and its outbox events (history,
 * K2 confirmation when `confirm`, K5 notifications). Pass the ticket's `organization` when it is
 * already loaded (it must be the input's); otherwise it is read here. Everything that does not
 * need the number happens before it is taken, so the sequence lock is held only for the ticket
 * insert, the outbox insert and the commit.
 */
export async function openTicket(
  tx: KontorTransaction,
  input: Omit<TicketInput, "id" | "number">,
  now: Date,
  options: { readonly confirm: boolean; readonly organization?: Organization | undefined },
): Promise<TicketRow> {
  const organizationId = input.organizationId ?? null;
  let organization = options.organization;
  if (organization === undefined) organization = await organizationOf(tx, organizationId);
  else if (organization.id !== organizationId) throw new Error(`openTicket: organization ${organization.id} is not the ticket's (${String(organizationId)})`);
  const id = randomUUID();
  const number = await issueTicketNumber(tx, now);
  const change = unwrap(createTicket({ ...input, id, number }, now.toISOString()));
  const row = await insertTicket(tx, { id, number, ...ticketColumns(change.ticket) }, now);
  await appendToOutbox(tx, ticketOutboxEvents(change, organization, options), now);
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
