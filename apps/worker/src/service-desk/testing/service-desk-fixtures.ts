import { changeTicket, openTicket } from "@kontor/api";
import { MUELLER } from "@kontor/api/testing";
import { findTicket, insertOrganization, insertUser, schema, type DatabaseHandle, type TicketRow } from "@kontor/db";
import { eq } from "drizzle-orm";
import type { Organization, TicketCommand, TicketInput } from "@kontor/ticketing";

/** Müller GmbH in Cologne: DE-NW holidays, Europe/Berlin business hours (K7), with its account manager (K11). */
export const CUSTOMER: Organization = {
  ...MUELLER,
  accountManager: { staffId: "staff-keller", name: "Jana Keller", email: "jana.keller@meinsystemhaus.de" },
};

/** Staff of the service desk (K1): two dispatchers (one disabled), a technician, the account manager. */
export const DISPATCHER = { id: "staff-bruns", email: "Lea.Bruns@meinsystemhaus.de" } as const;
export const DISABLED_DISPATCHER = { id: "staff-alt", email: "alt@meinsystemhaus.de" } as const;
export const TECHNICIAN = { id: "staff-meier", email: "tim.meier@meinsystemhaus.de" } as const;
export const ACCOUNT_MANAGER = { id: "staff-keller", email: "jana.keller@meinsystemhaus.de" } as const;

/** Stores the customer and the staff (once per test database). */
export async function seedServiceDesk(database: DatabaseHandle, now: Date): Promise<void> {
  await database.db.transaction(async (tx) => {
    await insertOrganization(tx, CUSTOMER, now);
    await insertUser(tx, { kind: "staff", id: DISPATCHER.id, role: "dispatcher", email: DISPATCHER.email, profile: { name: "Lea Bruns" } }, now);
    await insertUser(tx, { kind: "staff", id: DISABLED_DISPATCHER.id, role: "dispatcher", email: DISABLED_DISPATCHER.email, profile: { name: "Alt" } }, now);
    await insertUser(tx, { kind: "staff", id: TECHNICIAN.id, role: "technician", email: TECHNICIAN.email, profile: { name: "Tim Meier" } }, now);
    await insertUser(tx, { kind: "staff", id: ACCOUNT_MANAGER.id, role: "account-manager", email: ACCOUNT_MANAGER.email, profile: { name: "Jana Keller" } }, now);
    await tx.update(schema.users).set({ disabledAt: now }).where(eq(schema.users.id, DISABLED_DISPATCHER.id));
  });
}

/** Opens a portal incident of Müller GmbH at `at` the way the API does (number, history, outbox). */
export async function openTestTicket(database: DatabaseHandle, at: string, input: Partial<Omit<TicketInput, "id" | "number">> = {}): Promise<TicketRow> {
  return database.db.transaction((tx) =>
    openTicket(
      tx,
      {
        kind: "incident",
        channel: "portal",
        organizationId: CUSTOMER.id,
        requester: { email: "anna.becker@mueller-gmbh.de", name: "Anna Becker" },
        subject: "Drucker im Empfang druckt nicht",
        description: "Seit heute früh keine Ausdrucke.",
        by: { kind: "customer", id: "anna.becker@mueller-gmbh.de" },
        ...input,
      },
      new Date(at),
      { confirm: false },
    ),
  );
}

/** Applies staff commands to a ticket at `at` the way the API does. */
export async function changeTestTicket(database: DatabaseHandle, ticketId: string, at: string, commands: readonly TicketCommand[]): Promise<TicketRow> {
  return database.db.transaction(async (tx) => {
    const row = await findTicket(tx, ticketId, { forUpdate: true });
    if (row === undefined) throw new Error(`ticket ${ticketId} not found`);
    return changeTicket(tx, row, commands, new Date(at));
  });
}

/** The K6 assignment of the technician by the dispatcher. */
export const ASSIGN_TECHNICIAN: TicketCommand = { type: "assign", by: { kind: "staff", id: DISPATCHER.id }, assignee: { id: TECHNICIAN.id, role: "technician" } };
