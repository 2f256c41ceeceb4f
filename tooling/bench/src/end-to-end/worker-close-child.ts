/**
 * The measured worker's process: on `start` it connects to the benchmark's PostgreSQL and starts
 * the worker runtime with the month-close job only (no cron, no catch-up run, no outbox
 * handlers, so outbox events are only marked delivered), on `trigger` it queues the job, and on
 * `stop` it stops gracefully and reports its peak memory. Nothing else runs in this process, so
 * its peak RSS is the worker's alone.
 */
import { offsetClock, openPostgres, type DatabaseHandle } from "@kontor/db";
import { monthCloseJob, readWorkerConfig, startWorkerRuntime, workerLogger, DEFAULT_WORKER_SETTINGS, type RunningWorker } from "@kontor/worker";
import { errorText, peakRssBytes, type WorkerCommand, type WorkerReport } from "./close-protocol.js";
import { noMailSender } from "./no-mail-sender.js";

let database: DatabaseHandle | undefined;
let worker: RunningWorker | undefined;

const report = (message: WorkerReport): Promise<void> => new Promise((resolve) => process.send?.(message, () => { resolve(); }));

async function start(url: string, now: string): Promise<void> {
  // The worker's own setting and default (`KONTOR_ITEM_CONCURRENCY`, 3), as an operator runs it.
  const { itemConcurrency } = readWorkerConfig({ KONTOR_ITEM_CONCURRENCY: process.env.KONTOR_ITEM_CONCURRENCY });
  database = openPostgres({ url });
  worker = await startWorkerRuntime(
    {
      database,
      // Starts at the scenario's instant and runs on, so pg-boss expiry and retries still see time pass.
      clock: offsetClock(new Date(now).getTime() - Date.now()),
      logger: workerLogger("warn"),
      mail: noMailSender,
      settings: DEFAULT_WORKER_SETTINGS,
    },
    {
      catalog: { scheduled: [], fanOut: [monthCloseJob] },
      outboxHandlers: [],
      workerId: "bench-worker",
      schedule: false,
      catchUpOnStart: false,
      itemConcurrency,
    },
  );
  await report({ kind: "ready", itemConcurrency });
}

async function handle(command: WorkerCommand): Promise<void> {
  switch (command.kind) {
    case "start":
      return start(command.url, command.now);
    case "trigger":
      if (worker === undefined) throw new Error("trigger before start");
      await worker.jobs.trigger(monthCloseJob.name);
      return report({ kind: "triggered" });
    case "stop":
      await worker?.stop();
      await database?.close();
      await report({ kind: "stopped", peakRssBytes: peakRssBytes() });
      process.exit(0);
  }
}

process.on("message", (command: WorkerCommand) => {
  handle(command).catch(async (error: unknown) => {
    await report({ kind: "failed", error: errorText(error) });
    process.exit(1);
  });
});
