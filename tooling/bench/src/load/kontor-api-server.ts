import { buildApi, DEMO_MUELLER } from "@kontor/api";
import { randomBytes } from "node:crypto";
import { configureDataKey, insertOrganization, insertUser, issueCredential, systemClock, type DatabaseHandle } from "@kontor/db";

/** The organization every benchmark ticket is opened for: the demo's Müller GmbH. */
export const BENCH_ORGANIZATION = DEMO_MUELLER;

/** A listening Kontor API and the credential the load uses. */
export interface RunningApi {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** API token of a dispatcher (staff may open tickets for any organization and list all). */
  readonly token: string;
  readonly organizationId: string;
  close(): Promise<void>;
}

/**
 * Seeds one customer and one dispatcher with an API token (as `apps/api`'s test API does),
 * then starts the real API on a loopback port: authentication, idempotency, validation and
 * the rate limiter all stay on, the limit raised far above what one run can send.
 */
export async function startKontorApi(database: DatabaseHandle): Promise<RunningApi> {
  // A throw-away install's data key, as the API's own start sets one: stored idempotent
  // responses are sealed with it.
  configureDataKey(randomBytes(32).toString("base64url"));
  const now = systemClock.now();
  await insertOrganization(database.db, BENCH_ORGANIZATION, now);
  const user = await insertUser(
    database.db,
    { kind: "staff", id: "staff-bench-dispatcher", role: "dispatcher", email: "dispatcher@kontor.test", profile: { name: "Bench" } },
    now,
  );
  const { secret } = await issueCredential(database.db, { userId: user.id, kind: "api-token", name: "bench" }, now);
  const app = await buildApi({ database, clock: systemClock, logLevel: false, rateLimitPerMinute: 100_000_000 });
  const origin = await app.listen({ host: "127.0.0.1", port: 0 });
  return { origin, token: secret, organizationId: BENCH_ORGANIZATION.id, close: () => app.close() };
}
