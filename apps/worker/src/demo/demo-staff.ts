import { findUserByEmail, insertUser, type Executor } from "@kontor/db";

/**
 * The staff of the demo: a dispatcher assigns tickets, a technician works them (K1, K6), the back
 * office records SEPA mandates and metered usage (C8, C9), and the account manager receives what
 * goes to account managers (K11 expiry warnings for customers that name none, C4 flags).
 */
export interface DemoStaff {
  readonly dispatcherId: string;
  readonly technicianId: string;
  /** The technician's name as time entries show it (C6). */
  readonly technicianName: string;
  readonly backOfficeId: string;
  readonly accountManagerId: string;
}

const DISPATCHER = { role: "dispatcher", email: "dispatch@kontor.demo", profile: { name: "Petra Lange" } } as const;
const TECHNICIAN = { role: "technician", email: "s.wassmann@kontor.demo", profile: { name: "Stefan Wassmann" } } as const;
const BACK_OFFICE = { role: "back-office", email: "buchhaltung@kontor.demo", profile: { name: "Jana Krüger" } } as const;
/** The demo's account manager (Kundenbetreuerin). */
export const DEMO_ACCOUNT_MANAGER = { role: "account-manager", email: "kundenbetreuung@kontor.demo", profile: { name: "Sabrina Bruns" } } as const;

type DemoStaffUser = typeof DISPATCHER | typeof TECHNICIAN | typeof BACK_OFFICE | typeof DEMO_ACCOUNT_MANAGER;

async function staffUser(executor: Executor, user: DemoStaffUser, now: Date): Promise<string> {
  const row = (await findUserByEmail(executor, user.email)) ?? (await insertUser(executor, { kind: "staff", ...user }, now));
  return row.id;
}

/** The demo dispatcher, technician, back office and account manager, created on first use. */
export async function seedDemoStaff(executor: Executor, now: Date): Promise<DemoStaff> {
  return {
    dispatcherId: await staffUser(executor, DISPATCHER, now),
    technicianId: await staffUser(executor, TECHNICIAN, now),
    technicianName: TECHNICIAN.profile.name,
    backOfficeId: await staffUser(executor, BACK_OFFICE, now),
    accountManagerId: await staffUser(executor, DEMO_ACCOUNT_MANAGER, now),
  };
}
