import { findUserByEmail, insertUser, type Executor } from "@kontor/db";

/**
 * The staff of the demo: a dispatcher assigns tickets, a technician works them (K1, K6), the back
 * office records SEPA mandates and metered usage (C8, C9).
 */
export interface DemoStaff {
  readonly dispatcherId: string;
  readonly technicianId: string;
  /** The technician's name as time entries show it (C6). */
  readonly technicianName: string;
  readonly backOfficeId: string;
}

const DISPATCHER = { role: "dispatcher", email: "dispatch@kontor.demo", profile: { name: "Petra Lange" } } as const;
const TECHNICIAN = { role: "technician", email: "s.wassmann@kontor.demo", profile: { name: "Stefan Wassmann" } } as const;
const BACK_OFFICE = { role: "back-office", email: "buchhaltung@kontor.demo", profile: { name: "Jana Krüger" } } as const;

async function staffUser(executor: Executor, user: typeof DISPATCHER | typeof TECHNICIAN | typeof BACK_OFFICE, now: Date): Promise<string> {
  const row = (await findUserByEmail(executor, user.email)) ?? (await insertUser(executor, { kind: "staff", ...user }, now));
  return row.id;
}

/** The demo dispatcher, technician and back office, created on first use. */
export async function seedDemoStaff(executor: Executor, now: Date): Promise<DemoStaff> {
  return {
    dispatcherId: await staffUser(executor, DISPATCHER, now),
    technicianId: await staffUser(executor, TECHNICIAN, now),
    technicianName: TECHNICIAN.profile.name,
    backOfficeId: await staffUser(executor, BACK_OFFICE, now),
  };
}
