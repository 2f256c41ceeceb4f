import { fixedClock, type Clock, type DatabaseHandle } from "@kontor/db";
import { pino } from "pino";
import { smtpMailSender } from "../mail-out/smtp-mail-sender.js";
import type { WorkerContext } from "../worker-context.js";
import { DEFAULT_WORKER_SETTINGS } from "../worker-settings.js";
import type { CaptureSmtpServer } from "./capture-smtp-server.js";

/**
 * A worker context for tests: the given database, a fixed clock (or the one given), silent logs,
 * and outbound mail to the capture server.
 */
export function testWorkerContext(database: DatabaseHandle, smtp: CaptureSmtpServer, options: { readonly now?: Date; readonly clock?: Clock } = {}): WorkerContext {
  return {
    database,
    clock: options.clock ?? fixedClock(options.now ?? new Date("2026-06-03T07:15:00Z")),
    logger: pino({ level: "silent" }),
    mail: smtpMailSender({ host: smtp.host, port: smtp.port }),
    settings: DEFAULT_WORKER_SETTINGS,
  };
}
