import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
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

/** The domain part of an address, lower case (`""` without an `@`). */
function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase();
}

/**
 * The organization records (`@kontor/ticketing`'s `Organization`) intake needs to place one
 * sender (O1, O2): every organization whose mail domains include the sender's domain (all of
 * them, so that a domain two customers share stays ambiguous), the organizations of the sender's
 * enabled portal accounts, and `alsoIds` (e.g. the organization staff released the mail to). One
 * query, however many customers there are.
 */
export async function organizationRecordsForSender(executor: Executor, sender: string, alsoIds: readonly string[] = []): Promise<unknown[]> {
  const address = sender.toLowerCase();
  const rows = await executor
    .select({ record: organizations.record })
    .from(organizations)
    .where(
      or(
        sql`exists (select 1 from jsonb_array_elements_text(${organizations.record}->'mailDomains') as d(domain) where lower(d.domain) = ${domainOf(address)})`,
        sql`${organizations.id} in (select ${users.organizationId} from ${users} where ${users.kind} = 'portal' and ${users.disabledAt} is null and lower(${users.email}) = ${address})`,
        alsoIds.length === 0 ? undefined : inArray(organizations.id, [...alsoIds]),
      ),
    );
  return rows.map((row) => row.record);
}

/** The sender's enabled portal account, if any (O2; addresses are unique), for the intake directory. */
export async function portalUserContactsOf(executor: Executor, sender: string): Promise<{ readonly id: string; readonly email: string; readonly organizationId: string }[]> {
  const rows = await executor
    .select({ id: users.id, email: users.email, organizationId: users.organizationId })
    .from(users)
    .where(and(eq(users.kind, "portal"), isNull(users.disabledAt), sql`lower(${users.email}) = ${sender.toLowerCase()}`));
  return rows.flatMap((row) => (row.organizationId === null ? [] : [{ id: row.id, email: row.email, organizationId: row.organizationId }]));
}
