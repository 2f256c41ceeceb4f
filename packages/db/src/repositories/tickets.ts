import { and, asc, desc, eq, getTableColumns, gte, lt, sql } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { afterPosition, toPage, type KeysetPosition, type Page } from "../pagination/keyset.js";
import { tickets } from "../schema/tickets.js";
import { columnsWithout } from "./columns-without.js";

/** A stored ticket row; `document` is `@kontor/ticketing`'s `Ticket`. */
export type TicketRow = typeof tickets.$inferSelect;

/** A ticket row without its document, as lists return it. */
export type TicketSummaryRow = Omit<TicketRow, "document">;

/** The columns copied from a ticket document, plus the document itself. */
export interface TicketColumns {
  readonly organizationId: string | null;
  readonly kind: string;
  readonly channel: string;
  readonly status: string;
  readonly priority: string;
  readonly subject: string;
  readonly requesterEmail: string;
  readonly requesterPortalUserId: string | null;
  readonly assigneeId: string | null;
  readonly sensorId: string | null;
  readonly document: unknown;
}

/** Filters of {@link listTickets}; all optional and combined with AND. */
export interface TicketListFilter {
  readonly organizationId?: string | undefined;
  /** K10: a portal reporter's list is restricted to the tickets they requested. */
  readonly requesterPortalUserId?: string | undefined;
  readonly status?: string | undefined;
  readonly assigneeId?: string | undefined;
}

const summaryColumns = columnsWithout(getTableColumns(tickets), "document");

/** A ticket to insert: its number, the columns copied from its document, and the document. */
export type NewTicket = TicketColumns & { readonly id: string; readonly number: string };

/** Inserts a new ticket at version 1; `createdAt` is the ticket's receipt instant. */
export async function insertTicket(executor: Executor, ticket: NewTicket, createdAt: Date): Promise<TicketRow> {
  const [row] = await insertTickets(executor, [ticket], createdAt);
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/**
 * {@link insertTicket} for several tickets in one statement; the rows in the order given. The
 * tickets travel as one JSON parameter (`jsonb_to_recordset`), so the statement costs the same
 * to build for one ticket as for a hundred.
 */
export async function insertTickets(executor: Executor, newTickets: readonly NewTicket[], createdAt: Date): Promise<TicketRow[]> {
  if (newTickets.length === 0) return [];
  const records = newTickets.map((ticket) => ({
    id: ticket.id,
    number: ticket.number,
    organization_id: ticket.organizationId,
    kind: ticket.kind,
    channel: ticket.channel,
    status: ticket.status,
    priority: ticket.priority,
    subject: ticket.subject,
    requester_email: ticket.requesterEmail,
    requester_portal_user_id: ticket.requesterPortalUserId,
    assignee_id: ticket.assigneeId,
    sensor_id: ticket.sensorId,
    document: ticket.document,
  }));
  const at = createdAt.toISOString();
  await executor.execute(sql`
    insert into ${tickets} (id, number, organization_id, kind, channel, status, priority, subject, requester_email,
                            requester_portal_user_id, assignee_id, sensor_id, document, version, created_at, updated_at)
    select id, number, organization_id, kind, channel, status, priority, subject, requester_email,
           requester_portal_user_id, assignee_id, sensor_id, document, 1, ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as t(
             id text, number text, organization_id text, kind text, channel text, status text, priority text, subject text,
             requester_email text, requester_portal_user_id text, assignee_id text, sensor_id text, document jsonb)`);
  // The stored rows are exactly these (`document` is the object given, not a copy read back):
  // nothing in the table computes a value on insert but `version`.
  return newTickets.map((ticket) => ({
    id: ticket.id,
    number: ticket.number,
    organizationId: ticket.organizationId,
    kind: ticket.kind,
    channel: ticket.channel,
    status: ticket.status,
    priority: ticket.priority,
    subject: ticket.subject,
    requesterEmail: ticket.requesterEmail,
    requesterPortalUserId: ticket.requesterPortalUserId,
    assigneeId: ticket.assigneeId,
    sensorId: ticket.sensorId,
    document: ticket.document,
    version: 1,
    createdAt,
    updatedAt: createdAt,
  }));
}

/**
 * A ticket by id. `forUpdate` locks the row until the caller's transaction ends, so two
 * commands on one ticket apply one after the other.
 */
export async function findTicket(executor: Executor, id: string, options: { readonly forUpdate?: boolean } = {}): Promise<TicketRow | undefined> {
  const query = executor.select().from(tickets).where(eq(tickets.id, id));
  const [row] = options.forUpdate === true ? await query.for("update") : await query;
  return row;
}

/**
 * The ticket opened with `scheduleKey` (K9 schedules, goods receipts, the worker's licensing
 * notices), if any. The key lives in the ticket document; the unique index
 * `tickets_schedule_key_idx` answers the lookup and forbids a second ticket with the key, so a
 * caller that found nothing and opens one either wins or fails on the index and is retried.
 */
export async function findTicketByScheduleKey(executor: Executor, scheduleKey: string): Promise<{ readonly id: string; readonly number: string } | undefined> {
  const [row] = await executor
    .select({ id: tickets.id, number: tickets.number })
    .from(tickets)
    .where(sql`${tickets.document} ->> 'scheduleKey' = ${scheduleKey}`);
  return row;
}

/**
 * Replaces a ticket's document and columns if it is still at `expectedVersion` (optimistic
 * locking). Returns the new row, or `undefined` when the id is unknown or the version moved on.
 */
export async function updateTicket(executor: Executor, id: string, ticket: TicketColumns, expectedVersion: number, now: Date): Promise<TicketRow | undefined> {
  const [row] = await executor
    .update(tickets)
    .set({ ...ticket, version: sql`${tickets.version} + 1`, updatedAt: now })
    .where(and(eq(tickets.id, id), eq(tickets.version, expectedVersion)))
    .returning();
  return row;
}

/** Tickets in creation order, without their documents (one query, keyset pagination). */
export async function listTickets(
  executor: Executor,
  options: TicketListFilter & { readonly limit: number; readonly after?: KeysetPosition | undefined },
): Promise<Page<TicketSummaryRow>> {
  const rows = await executor
    .select(summaryColumns)
    .from(tickets)
    .where(
      and(
        afterPosition(tickets.createdAt, tickets.id, options.after),
        options.organizationId === undefined ? undefined : eq(tickets.organizationId, options.organizationId),
        options.requesterPortalUserId === undefined ? undefined : eq(tickets.requesterPortalUserId, options.requesterPortalUserId),
        options.status === undefined ? undefined : eq(tickets.status, options.status),
        options.assigneeId === undefined ? undefined : eq(tickets.assigneeId, options.assigneeId),
      ),
    )
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .limit(options.limit + 1);
  return toPage(rows, options.limit);
}

/** Tickets of one organization created in `[from, to)`, with their documents (statistics, K13). */
export async function ticketsCreatedBetween(executor: Executor, organizationId: string, from: Date, to: Date): Promise<TicketRow[]> {
  return executor
    .select()
    .from(tickets)
    .where(and(eq(tickets.organizationId, organizationId), gte(tickets.createdAt, from), lt(tickets.createdAt, to)))
    .orderBy(asc(tickets.createdAt), asc(tickets.id));
}

/**
 * The newest ticket of a monitoring sensor within one organization (K8), open or not: whether
 * it still counts as open is the domain's decision. `forUpdate` locks it for the caller's
 * transaction.
 */
export async function findLatestSensorTicket(
  executor: Executor,
  organizationId: string,
  sensorId: string,
  options: { readonly forUpdate?: boolean } = {},
): Promise<TicketRow | undefined> {
  const query = executor
    .select()
    .from(tickets)
    .where(and(eq(tickets.organizationId, organizationId), eq(tickets.sensorId, sensorId)))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(1);
  const [row] = options.forUpdate === true ? await query.for("update") : await query;
  return row;
}
