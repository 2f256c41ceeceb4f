import { fixedClock, insertOrganization, insertUser, issueCredential, type Clock, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import type { StaffRole } from "@kontor/ticketing";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApi } from "../app/build-api.js";
import { BAECKEREI, MUELLER } from "./fixtures.js";

/** Tokens of the seeded users, by who they are. */
export interface TestTokens {
  readonly admin: string;
  readonly dispatcher: string;
  readonly technician: string;
  readonly accountManager: string;
  readonly backOffice: string;
  readonly materialsManagement: string;
  /** Anna, portal manager of Müller GmbH. */
  readonly muellerManager: string;
  /** Ben, portal reporter of Müller GmbH. */
  readonly muellerReporter: string;
  /** Portal manager of Bäckerei Schmidt: the foreign tenant. */
  readonly baeckereiManager: string;
}

/** A running API on a fresh test database, with two customers and a user per role. */
export interface TestApi {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly clock: Clock & { set(instant: Date): void };
  readonly tokens: TestTokens;
  readonly users: Record<keyof TestTokens, string>;
  readonly organizations: { readonly mueller: string; readonly baeckerei: string };
  /** `app.inject` with `Authorization: Bearer <token>` when a token is given. */
  request(options: InjectOptions & { readonly token?: string | undefined }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A clock tests can move. */
function settableClock(start: Date): Clock & { set(instant: Date): void } {
  let current = fixedClock(start);
  return { now: () => current.now(), set: (instant) => (current = fixedClock(instant)) };
}

const STAFF: readonly [keyof TestTokens, StaffRole][] = [
  ["admin", "admin"],
  ["dispatcher", "dispatcher"],
  ["technician", "technician"],
  ["accountManager", "account-manager"],
  ["backOffice", "back-office"],
  ["materialsManagement", "materials-management"],
];

/**
 * Builds the API on a fresh database of the current test project (PGlite or PostgreSQL),
 * seeded with Müller GmbH and Bäckerei Schmidt, a staff user per role and portal users.
 */
export async function createTestApi(options: { readonly now?: Date; readonly rateLimitPerMinute?: number | false; readonly maxConnections?: number; readonly logStream?: NodeJS.WritableStream } = {}): Promise<TestApi> {
  const database = await createTestDatabase(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections });
  const clock = settableClock(options.now ?? new Date("2026-11-16T09:00:00Z"));
  const now = clock.now();
  const db = database.db;
  await insertOrganization(db, MUELLER, now);
  await insertOrganization(db, BAECKEREI, new Date(now.getTime() + 1));
  const tokens: Partial<Record<keyof TestTokens, string>> = {};
  const users: Partial<Record<keyof TestTokens, string>> = {};
  for (const [name, role] of STAFF) {
    const user = await insertUser(db, { kind: "staff", id: `staff-${role}`, role, email: `${role}@kontor.test`, profile: { name: role } }, now);
    users[name] = user.id;
    tokens[name] = (await issueCredential(db, { userId: user.id, kind: "api-token", name: "test" }, now)).secret;
  }
  const portal: readonly [keyof TestTokens, string, string, string, string][] = [
    ["muellerManager", "pu-anna", MUELLER.id, "portal-manager", "anna.becker@mueller-gmbh.de"],
    ["muellerReporter", "pu-ben", MUELLER.id, "portal-reporter", "ben.wolf@mueller-gmbh.de"],
    ["baeckereiManager", "pu-clara", BAECKEREI.id, "portal-manager", "clara@baeckerei-schmidt.de"],
  ];
  for (const [name, id, organizationId, role, email] of portal) {
    const [firstName = "", lastName = ""] = email.split("@")[0]?.split(".") ?? [];
    await insertUser(db, { kind: "portal", id, organizationId, role, email, profile: { firstName: firstName || "Clara", lastName: lastName || "Schmidt", phone: "+49 221 123456" } }, now);
    users[name] = id;
    tokens[name] = (await issueCredential(db, { userId: id, kind: "api-token", name: "test" }, now)).secret;
  }
  const app = await buildApi({
    database,
    clock,
    logLevel: options.logStream === undefined ? false : "info",
    ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
    rateLimitPerMinute: options.rateLimitPerMinute ?? false,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    tokens: tokens as TestTokens,
    users: users as Record<keyof TestTokens, string>,
    organizations: { mueller: MUELLER.id, baeckerei: BAECKEREI.id },
    request: ({ token, ...inject }) =>
      app.inject({ ...inject, headers: { ...(inject.headers ?? {}), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) } }),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
