import { hostname } from "node:os";
import type { Logger } from "pino";
import type { JobCatalog, JobRunner } from "./jobs/job-runner.js";
import { startJobRunner } from "./jobs/job-runner.js";
import { startMailIntake } from "./mail-in/mail-intake.js";
import { startSmtpListener, type SmtpListener, type SmtpListenerSettings } from "./mail-in/smtp-listener.js";
import type { OutboxHandler } from "./outbox/outbox-handler.js";
import { deliverDueOutboxEvents, outboxRouting } from "./outbox/deliver-outbox.js";
import { startPollingLoop } from "./runtime/polling-loop.js";
import type { WorkerContext } from "./worker-context.js";

/** What a worker process runs besides its context. */
export interface WorkerRuntimeOptions {
  readonly catalog: JobCatalog;
  readonly outboxHandlers: readonly OutboxHandler[];
  /** Accept inbound support mail on this SMTP address (omit: no listener in this process). */
  readonly smtpListener?: SmtpListenerSettings;
  readonly workerId?: string;
  /** Run cron schedules (default true). */
  readonly schedule?: boolean;
  /** Queue every job once at start (default true): catching up after downtime. */
  readonly catchUpOnStart?: boolean;
  readonly outboxIntervalMs?: number;
  readonly intakeIntervalMs?: number;
  readonly jobPollingIntervalSeconds?: number;
  readonly itemConcurrency?: number;
}

/** A running worker. */
export interface RunningWorker {
  readonly workerId: string;
  readonly jobs: JobRunner;
  /** The SMTP listener's address, when one runs. */
  readonly smtp?: { readonly host: string; readonly port: number };
  /** Stores a raw inbound message (IMAP polling hands mail in here). */
  receiveMail: ReturnType<typeof startMailIntake>["receive"];
  /** Stops accepting work, lets running work finish, and closes the SMTP listener. */
  stop(): Promise<void>;
}

/**
 * Starts everything a worker does: pg-boss jobs (scheduled rules, month close), the outbox
 * delivery loop (mails, invoices; one transaction per event), mail intake (decisions for every
 * stored inbound message) and, when configured, the SMTP listener.
 */
export async function startWorkerRuntime(context: WorkerContext, options: WorkerRuntimeOptions): Promise<RunningWorker> {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const logger: Logger = context.logger.child({ workerId });
  const scoped: WorkerContext = { ...context, logger };
  const routing = outboxRouting(options.outboxHandlers);
  const outbox = startPollingLoop(
    "outbox",
    async () => {
      const pass = await deliverDueOutboxEvents(scoped, routing, { limit: 50 });
      return pass.delivered + pass.failed >= 50;
    },
    { intervalMs: options.outboxIntervalMs ?? 1_000, logger },
  );
  const intake = startMailIntake(scoped, { intervalMs: options.intakeIntervalMs ?? 5_000 });
  let listener: SmtpListener | undefined;
  if (options.smtpListener !== undefined) {
    listener = await startSmtpListener(
      options.smtpListener,
      async (raw, envelope) => {
        await intake.receive(raw, envelope);
        // A new ticket's confirmation is in the outbox now: send it without waiting a tick.
        setTimeout(() => { outbox.wake(); }, 50);
      },
      logger,
    );
  }
  const jobs = await startJobRunner(scoped, {
    workerId,
    catalog: options.catalog,
    ...(options.schedule === undefined ? {} : { schedule: options.schedule }),
    ...(options.catchUpOnStart === undefined ? {} : { catchUpOnStart: options.catchUpOnStart }),
    ...(options.jobPollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: options.jobPollingIntervalSeconds }),
    ...(options.itemConcurrency === undefined ? {} : { itemConcurrency: options.itemConcurrency }),
  });
  logger.info({ smtp: listener === undefined ? null : `${listener.host}:${listener.port}` }, "worker started");
  return {
    workerId,
    jobs,
    ...(listener === undefined ? {} : { smtp: { host: listener.host, port: listener.port } }),
    receiveMail: (raw, envelope, sourceKey) => intake.receive(raw, envelope, sourceKey),
    async stop() {
      await listener?.close();
      await jobs.stop();
      await intake.stop();
      await outbox.stop();
      logger.info("worker stopped");
    },
  };
}
