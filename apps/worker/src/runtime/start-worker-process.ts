import { type DatabaseHandle } from "@kontor/db";
import type { Logger } from "pino";
import { startImapPolling } from "../mail-in/imap-poller.js";
import { imapSettingsFromEnvironment } from "../mail-in/imap-mailbox-settings.js";
import { KONTOR_JOBS, KONTOR_OUTBOX_HANDLERS } from "../registry.js";
import { startWorkerRuntime, type RunningWorker } from "../worker-runtime.js";
import { workerSettingsFromEnvironment } from "../worker-settings.js";
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
 * `KONTOR_IMAP_HOST` is set.
 */
export async function startWorkerProcess(database: DatabaseHandle, config: WorkerConfig, env: Readonly<Record<string, string | undefined>>, logger: Logger): Promise<WorkerProcess> {
  const settings = workerSettingsFromEnvironment(env);
  if (env.KONTOR_BILLING_SETTINGS_FILE === undefined || env.KONTOR_BILLING_SETTINGS_FILE === "") {
    logger.warn({ seller: settings.billing.seller.name }, "no KONTOR_BILLING_SETTINGS_FILE: invoices and service reports carry the demo seller");
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
