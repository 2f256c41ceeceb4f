import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { organizations, users } from "../schema/core.js";
import { tickets } from "../schema/tickets.js";

/** What mail intake needs of a ticket (K3 threading, reopen window). */
export interface IntakeTicket {
  readonly id: string;
  readonly number: string;
  readonly organizationId: string | null;
  readonly requesterEmail: string;
  readonly status: string;
  readonly document: unknown;
}

const intakeTicketColumns = {
  id: tickets.id,
  number: tickets.number,
  organizationId: tickets.organizationId,
  requesterEmail: tickets.requesterEmail,
  status: tickets.status,
  document: tickets.document,
};

/** Tickets by number or id, in one query each (intake looks up every candidate of a mail at once). */
export async function intakeTicketsByNumbersOrIds(
  executor: Executor,
  lookup: { readonly numbers: readonly string[]; readonly ids: readonly string[] },
): Promise<IntakeTicket[]> {
  const found: IntakeTicket[] = [];
  if (lookup.numbers.length > 0) found.push(...(await executor.select(intakeTicketColumns).from(tickets).where(inArray(tickets.number, [...lookup.numbers]))));
  if (lookup.ids.length > 0) found.push(...(await executor.select(intakeTicketColumns).from(tickets).where(inArray(tickets.id, [...lookup.ids]))));
  return found;
}

/** Every organization record (`@kontor/ticketing`'s `Organization`), for the intake directory. */
export async function allOrganizationRecords(executor: Executor): Promise<unknown[]> {
  const rows = await executor.select({ record: organizations.record }).from(organizations);
  return rows.map((row) => row.record);
}

/** Every enabled portal user's address and organization (O2), for the intake directory. */
export async function allPortalUserContacts(executor: Executor): Promise<{ readonly id: string; readonly email: string; readonly organizationId: string }[]> {
  const rows = await executor
    .select({ id: users.id, email: users.email, organizationId: users.organizationId, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.kind, "portal"));
  return rows.flatMap((row) => (row.organizationId === null || row.disabledAt !== null ? [] : [{ id: row.id, email: row.email, organizationId: row.organizationId }]));
}
