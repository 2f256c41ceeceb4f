import { findUserByEmail, insertUser, type Executor } from "@kontor/db";

/** The staff the demo tickets are worked by: a dispatcher assigns, a technician works (K1, K6). */
export interface DemoStaff {
  readonly dispatcherId: string;
  readonly technicianId: string;
  /** The technician's name as time entries show it (C6). */
  readonly technicianName: string;
}

const DISPATCHER = { role: "dispatcher", email: "dispatch@kontor.demo", profile: { name: "Petra Lange" } } as const;
const TECHNICIAN = { role: "technician", email: "s.wassmann@kontor.demo", profile: { name: "Stefan Wassmann" } } as const;

async function staffUser(executor: Executor, user: typeof DISPATCHER | typeof TECHNICIAN, now: Date): Promise<string> {
  const row = (await findUserByEmail(executor, user.email)) ?? (await insertUser(executor, { kind: "staff", ...user }, now));
  return row.id;
}

/** The demo dispatcher and technician, created on first use. */
export async function seedDemoStaff(executor: Executor, now: Date): Promise<DemoStaff> {
  return {
    dispatcherId: await staffUser(executor, DISPATCHER, now),
    technicianId: await staffUser(executor, TECHNICIAN, now),
    technicianName: TECHNICIAN.profile.name,
  };
}
