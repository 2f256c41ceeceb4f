import { findBillingSettings, type DatabaseHandle } from "@kontor/db";
import type { Logger } from "pino";
import { startImapPolling } from "../mail-in/imap-poller.js";
import { imapSettingsFromEnvironment } from "../mail-in/imap-mailbox-settings.js";
import { KONTOR_JOBS, KONTOR_OUTBOX_HANDLERS } from "../registry.js";
import { startWorkerRuntime, type RunningWorker } from "../worker-runtime.js";
import { billingSettingsSourceAtStart, workerSettingsFromEnvironment } from "../worker-settings.js";
import { outboundMail } from "./outbound-mail.js";
import type { WorkerConfig } from "./worker-config.js";

/** A worker with its outbound mail and IMAP polling, as a process runs it. */
export interface WorkerProcess {
  readonly worker: RunningWorker;
  readonly mailDescription: string;
  readonly imapDescription: string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the worker of a process on an open, migrated database: outbound mail (relay or mail
 * drop), the runtime (jobs, outbox, intake, SMTP listener) and IMAP polling when
 * `KONTOR_IMAP_HOST` is set. Refuses to start in server mode without billing settings (neither
 * stored nor `KONTOR_BILLING_SETTINGS_FILE`).
 */
export async function startWorkerProcess(database: DatabaseHandle, config: WorkerConfig, env: Readonly<Record<string, string | undefined>>, logger: Logger): Promise<WorkerProcess> {
  const settings = workerSettingsFromEnvironment(env);
  // C8: a stored row (PUT /v1/billing-settings) or the file; server mode refuses neither.
  const source = billingSettingsSourceAtStart(env, (await findBillingSettings(database.db)) !== undefined);
  if (source === "stored") logger.info("billing settings: stored in the database (PUT /v1/billing-settings), read per billing event");
  if (source === "demo") {
    logger.warn(
      { seller: settings.billing?.seller.name },
      "no stored billing settings and no KONTOR_BILLING_SETTINGS_FILE: invoices and service reports carry the demo seller until an admin stores the installation's (PUT /v1/billing-settings)",
    );
  }
  const mail = await outboundMail(config, logger);
  const worker = await startWorkerRuntime(
    { database, clock: config.clock, logger, mail: mail.sender, settings },
    {
      catalog: KONTOR_JOBS,
      outboxHandlers: KONTOR_OUTBOX_HANDLERS,
      ...(config.smtpListener === undefined ? {} : { smtpListener: config.smtpListener }),
      ...(config.workerId === undefined ? {} : { workerId: config.workerId }),
      itemConcurrency: config.itemConcurrency,
    },
  );
  const imap = imapSettingsFromEnvironment(env);
  const polling =
    imap === undefined
      ? undefined
      : startImapPolling(imap, async (raw, envelope, sourceKey) => {
          await worker.receiveMail(raw, envelope, sourceKey);
        }, { logger });
  return {
    worker,
    mailDescription: mail.description,
    imapDescription: imap === undefined ? undefined : `${imap.user}@${imap.host}:${imap.port}/${imap.mailbox}`,
    async stop() {
      await polling?.stop();
      await worker.stop();
      await mail.close();
    },
  };
}
