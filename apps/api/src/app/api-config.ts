import { clockFromEnvironment, type Clock } from "@kontor/db";

/** Settings of the API process, read from the environment. */
export interface ApiConfig {
  readonly host: string;
  readonly port: number;
  /** `DATABASE_URL`: server mode; unset: embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly rateLimitPerMinute: number | false;
  readonly clock: Clock;
}

function integer(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not ${text}`);
  return value;
}

/**
 * Reads `HOST`, `PORT` (default 3000), `DATABASE_URL`, `KONTOR_DATA_DIR` (default
 * `.kontor/data`), `LOG_LEVEL`, `KONTOR_RATE_LIMIT` (per minute; 0 turns it off),
 * `KONTOR_NOW` / `KONTOR_CLOCK_OFFSET`. Throws with the variable's name on a bad value.
 */
export function readApiConfig(env: Readonly<Record<string, string | undefined>>): ApiConfig {
  const rate = integer(env, "KONTOR_RATE_LIMIT", 600);
  return {
    host: env.HOST ?? "127.0.0.1",
    port: integer(env, "PORT", 3000),
    databaseUrl: env.DATABASE_URL === "" ? undefined : env.DATABASE_URL,
    dataDir: env.KONTOR_DATA_DIR ?? ".kontor/data",
    logLevel: env.LOG_LEVEL ?? "info",
    rateLimitPerMinute: rate === 0 ? false : rate,
    clock: clockFromEnvironment(env),
  };
}
