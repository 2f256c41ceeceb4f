import { clockFromEnvironment, type Clock } from "@kontor/db";
import type { SmtpListenerSettings } from "../mail-in/smtp-listener.js";
import type { SmtpRelay } from "../mail-out/smtp-mail-sender.js";

/** Settings of a worker process, read from the environment. */
export interface WorkerConfig {
  /** `DATABASE_URL`: server mode; unset: embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly clock: Clock;
  readonly workerId: string | undefined;
  /** Inbound SMTP listener; `undefined` when turned off (`KONTOR_SMTP_LISTEN_PORT=off`). */
  readonly smtpListener: SmtpListenerSettings | undefined;
  /** Outbound relay; `undefined`: mail goes to the local mail drop folder `mailDropDir`. */
  readonly smtpRelay: SmtpRelay | undefined;
  readonly mailDropDir: string;
  readonly itemConcurrency: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, not ${text}`);
  return value;
}

function flag(env: Env, name: string): boolean {
  const text = env[name];
  if (text === undefined || text === "" || text === "0" || text === "false") return false;
  if (text === "1" || text === "true") return true;
  throw new Error(`${name} must be true or false, not ${text}`);
}

/**
 * Reads `DATABASE_URL`, `KONTOR_DATA_DIR` (default `.kontor/data`), `LOG_LEVEL`,
 * `KONTOR_NOW` / `KONTOR_CLOCK_OFFSET`, `KONTOR_WORKER_ID`, the inbound listener
 * `KONTOR_SMTP_LISTEN_HOST` (default 127.0.0.1) and `KONTOR_SMTP_LISTEN_PORT` (default 2525,
 * `off` for none), `KONTOR_MAX_MAIL_BYTES` (default 25 MiB), the outbound relay
 * `KONTOR_SMTP_HOST`, `KONTOR_SMTP_PORT` (587), `KONTOR_SMTP_SECURE`, `KONTOR_SMTP_USER`,
 * `KONTOR_SMTP_PASSWORD` (without a host, mail is written to `KONTOR_MAIL_DROP_DIR`, default
 * `.kontor/mail-out`), and `KONTOR_ITEM_CONCURRENCY` (default 3: items wait on the database more than on the CPU). Throws naming the variable.
 */
export function readWorkerConfig(env: Env): WorkerConfig {
  const listenPort = env.KONTOR_SMTP_LISTEN_PORT;
  const relayHost = env.KONTOR_SMTP_HOST;
  return {
    databaseUrl: env.DATABASE_URL === "" ? undefined : env.DATABASE_URL,
    dataDir: env.KONTOR_DATA_DIR ?? ".kontor/data",
    logLevel: env.LOG_LEVEL ?? "info",
    clock: clockFromEnvironment(env),
    workerId: env.KONTOR_WORKER_ID === "" ? undefined : env.KONTOR_WORKER_ID,
    smtpListener:
      listenPort === "off"
        ? undefined
        : {
            host: env.KONTOR_SMTP_LISTEN_HOST ?? "127.0.0.1",
            port: integer(env, "KONTOR_SMTP_LISTEN_PORT", 2525, 0, 65_535),
            maxMessageBytes: integer(env, "KONTOR_MAX_MAIL_BYTES", 25 * 1024 * 1024, 1024),
          },
    smtpRelay:
      relayHost === undefined || relayHost === ""
        ? undefined
        : {
            host: relayHost,
            port: integer(env, "KONTOR_SMTP_PORT", 587, 1, 65_535),
            secure: flag(env, "KONTOR_SMTP_SECURE"),
            ...(env.KONTOR_SMTP_USER === undefined ? {} : { user: env.KONTOR_SMTP_USER, password: env.KONTOR_SMTP_PASSWORD ?? "" }),
          },
    mailDropDir: env.KONTOR_MAIL_DROP_DIR ?? ".kontor/mail-out",
    itemConcurrency: integer(env, "KONTOR_ITEM_CONCURRENCY", 3, 1, 32),
  };
}
