import type { Clock, DatabaseHandle } from "@kontor/db";
import type { Logger } from "pino";
import type { MailSender } from "./mail-out/mail-sender.js";
import type { WorkerSettings } from "./worker-settings.js";

/** What every job and outbox handler gets: the database, "now", logging, outbound mail, settings. */
export interface WorkerContext {
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly mail: MailSender;
  readonly settings: WorkerSettings;
}
