import { randomUUID } from "node:crypto";
import {
  advanceTicketNumberSequence,
  appendToOutbox,
  findOrganization,
  findOrganizationsById,
  findTicket,
  insertTickets,
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
  type TicketingPolicy,
  type TicketNumberSequence,
} from "@kontor/ticketing";
import { unwrap } from "../../http/domain-result.js";
import { conflict, notFound } from "../../http/problem.js";
import { installationTicketingPolicies } from "../installation-policies/domains/ticketing-policy-domain.js";
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
 * Hands out the next `count` ticket numbers (K1, with their Damm check digits), in order. The
 * sequence row is advanced in one statement and stays locked until `tx` ends: concurrent
 * creations queue up from here to their commit, and a rolled-back creation gives its numbers
 * back. Call it as late as possible. `allocateTicketNumber` stays the rule: it names the year
 * beforehand and checks every number (a refusal is a 422 and rolls the advance back).
 */
export async function issueTicketNumbers(tx: KontorTransaction, now: Date, count: number): Promise<string[]> {
  const asOf = now.toISOString();
  // The year a number issued now carries (undefined for a format without one); pure, no lock.
  const { year } = unwrap(allocateTicketNumber(TICKET_NUMBER_FORMAT, { lastSequence: 0 }, asOf, INSTALLATION_ZONE)).sequence;
  const advanced = await advanceTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, year, now, count);
  if (advanced === undefined) {
    // The stored year is later than now's (K1_TICKET_NUMBER_OUT_OF_ORDER): let the rule say so.
    unwrap(allocateTicketNumber(TICKET_NUMBER_FORMAT, await lockTicketNumberSequence(tx, TICKET_NUMBER_SEQUENCE_ID, now), asOf, INSTALLATION_ZONE));
    throw new Error(`ticket number sequence ${TICKET_NUMBER_SEQUENCE_ID} refused to advance to ${String(year)}`);
  }
  // What the rule hands out after the numbers before the stored ones (e.g. K1_TICKET_NUMBER_EXHAUSTED).
  let sequence: TicketNumberSequence = { ...(advanced.year === undefined ? {} : { year: advanced.year }), lastSequence: advanced.lastSequence - count };
  const numbers: string[] = [];
  for (let index = 0; index < count; index++) {
    const next = unwrap(allocateTicketNumber(TICKET_NUMBER_FORMAT, sequence, asOf, INSTALLATION_ZONE));
    numbers.push(next.number);
    sequence = next.sequence;
  }
  if (sequence.lastSequence !== advanced.lastSequence || sequence.year !== advanced.year) {
    throw new Error(`ticket number sequence ${TICKET_NUMBER_SEQUENCE_ID} disagrees with allocateTicketNumber`);
  }
  return numbers;
}

/** A ticket to open with {@link openTickets}. */
export interface TicketToOpen {
  readonly input: Omit<TicketInput, "id" | "number">;
  /** Send the K2 confirmation to the requester. */
  readonly confirm: boolean;
  /** The ticket's organization when already loaded (it must be the input's); otherwise it is read. */
  readonly organization?: Organization | undefined;
}

/**
 * Opens tickets (K1) in `tx`: numbers, `createTicket`, the rows, and their outbox events
 * (history, K2 confirmation when `confirm`, K5 notifications), with one statement per step for
 * all of them. Everything that does not need the numbers happens before they are taken, so the
 * sequence lock is held only for the ticket insert, the outbox insert and the commit. A refusal
 * of any ticket rolls back all of `tx`. The rows come back in the order given.
 */
export async function openTickets(tx: KontorTransaction, toOpen: readonly TicketToOpen[], now: Date): Promise<TicketRow[]> {
  if (toOpen.length === 0) return [];
  const missing = toOpen.filter((item) => item.organization === undefined && item.input.organizationId !== undefined);
  const loaded = await findOrganizationsById(tx, missing.map((item) => item.input.organizationId ?? ""));
  const organizations = toOpen.map((item) => {
    const organizationId = item.input.organizationId ?? null;
    if (item.organization === undefined) return organizationId === null ? undefined : (loaded.get(organizationId)?.record as Organization | undefined);
    if (item.organization.id !== organizationId) throw new Error(`openTickets: organization ${item.organization.id} is not the ticket's (${String(organizationId)})`);
    return item.organization;
  });
  const numbers = await issueTicketNumbers(tx, now, toOpen.length);
  const asOf = now.toISOString();
  const changes = toOpen.map((item, index) => unwrap(createTicket({ ...item.input, id: randomUUID(), number: numbers[index] ?? "" }, asOf)));
  const rows = await insertTickets(
    tx,
    changes.map(({ ticket }) => ({ id: ticket.id, number: ticket.number, ...ticketColumns(ticket) })),
    now,
  );
  await appendToOutbox(
    tx,
    changes.flatMap((change, index) => ticketOutboxEvents(change, organizations[index], { confirm: toOpen[index]?.confirm ?? false })),
    now,
  );
  return rows;
}

/** Opens one ticket with {@link openTickets}. */
export async function openTicket(
  tx: KontorTransaction,
  input: Omit<TicketInput, "id" | "number">,
  now: Date,
  options: { readonly confirm: boolean; readonly organization?: Organization | undefined },
): Promise<TicketRow> {
  const [row] = await openTickets(tx, [{ input, ...options }], now);
  if (row === undefined) throw new Error("openTickets returned no row");
  return row;
}

/** A ticket locked for a change until `tx` ends; 404 when there is none. */
export async function lockTicket(tx: KontorTransaction, id: string): Promise<TicketRow> {
  const row = await findTicket(tx, id, { forUpdate: true });
  if (row === undefined) throw notFound(`Ticket ${id}`);
  return row;
}

/** Options of {@link changeTicket}. */
export interface ChangeTicketOptions {
  /**
   * The ticketing policies the commands are decided by (K1 reopen window), as the caller read them
   * once for its request or run; without them the installation's stored set is read here (P1).
   */
  readonly policies?: readonly TicketingPolicy[] | undefined;
}

/**
 * Applies commands in order through `applyTicketCommand` (K1, K6; a refusal is a 422 with the
 * rule code) and stores the ticket with the outbox events of all of them, in `tx`. The K1 reopen
 * window is the installation's (P1): `options.policies`, else `installationTicketingPolicies`
 * (500 `TICKETING_POLICIES_INVALID` when the stored set no longer parses, nothing is stored).
 */
export async function changeTicket(tx: KontorTransaction, row: TicketRow, commands: readonly TicketCommand[], now: Date, options: ChangeTicketOptions = {}): Promise<TicketRow> {
  const policies = options.policies ?? (await installationTicketingPolicies(tx)).serviceDesk;
  const organization = await organizationOf(tx, row.organizationId);
  const asOf = now.toISOString();
  let ticket = row.document as Ticket;
  const events: TicketEvent[] = [];
  for (const command of commands) {
    const change = unwrap(applyTicketCommand(ticket, command, asOf, { policies, zone: organization?.zone ?? INSTALLATION_ZONE }));
    ticket = change.ticket;
    events.push(...change.events);
  }
  const updated = await updateTicket(tx, row.id, ticketColumns(ticket), row.version, now);
  if (updated === undefined) throw conflict(`Ticket ${row.number} changed meanwhile; retry`, "VERSION_CONFLICT");
  await appendToOutbox(tx, ticketOutboxEvents({ ticket, events }, organization), now);
  return updated;
}
