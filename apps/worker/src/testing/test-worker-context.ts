import { fixedClock, type Clock, type DatabaseHandle } from "@kontor/db";
import { pino, type Logger } from "pino";
import { smtpMailSender } from "../mail-out/smtp-mail-sender.js";
import type { WorkerContext } from "../worker-context.js";
import { DEFAULT_WORKER_SETTINGS, type WorkerSettings } from "../worker-settings.js";
import type { CaptureSmtpServer } from "./capture-smtp-server.js";

/** What a {@link testWorkerContext} may set apart from its defaults. */
export interface TestWorkerContextOptions {
  /** The instant of the fixed clock (default 2026-06-03T07:15:00Z); ignored when `clock` is given. */
  readonly now?: Date;
  /** The clock to use instead of a fixed one (a clock the test moves). */
  readonly clock?: Clock;
  /** The logger instead of a silent one (a test that reads the log lines). */
  readonly logger?: Logger;
  /** Settings that replace those of {@link DEFAULT_WORKER_SETTINGS}, each as a whole (e.g. `ticketingPolicies`). */
  readonly settings?: Partial<WorkerSettings>;
}

/**
 * A worker context for tests: the given database, a fixed clock (or the one given), silent logs
 * (or the logger given), outbound mail to the capture server and the default worker settings
 * with the given ones in their place.
 */
export function testWorkerContext(database: DatabaseHandle, smtp: CaptureSmtpServer, options: TestWorkerContextOptions = {}): WorkerContext {
  return {
    database,
    clock: options.clock ?? fixedClock(options.now ?? new Date("2026-06-03T07:15:00Z")),
    logger: options.logger ?? pino({ level: "silent" }),
    mail: smtpMailSender({ host: smtp.host, port: smtp.port }),
    settings: options.settings === undefined ? DEFAULT_WORKER_SETTINGS : { ...DEFAULT_WORKER_SETTINGS, ...options.settings },
  };
}
