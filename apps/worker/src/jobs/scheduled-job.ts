import type { WorkerContext } from "../worker-context.js";

/** What a job run reports for the run log (counts, ids): small, JSON. */
export type JobSummary = Readonly<Record<string, number | string | boolean | readonly string[]>>;

/**
 * A rule the worker runs on a schedule (pg-boss cron, in the installation's zone). `run` must be
 * idempotent: a second run for the same instant changes nothing and writes no second event
 * (dedupe keys, unique constraints), because pg-boss retries a failed or expired job.
 */
export interface ScheduledJob {
  /** pg-boss queue name, e.g. `seats.evaluate-windows`. */
  readonly name: string;
  /** Five-field cron in `WorkerSettings.zone`, e.g. `15 2 * * *`. */
  readonly cron: string;
  /** Seconds before pg-boss considers a running job lost and retries it. */
  readonly expireInSeconds?: number;
  run(context: WorkerContext, now: Date): Promise<JobSummary>;
}

/** One unit of a {@link FanOutJob}: a key unique within the run (e.g. `contract-1:2026-11`) and its data. */
export interface JobItem {
  readonly key: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
}

/**
 * A scheduled rule whose work splits into independent items (one per contract): `plan` lists
 * them at the scheduled instant, and the runtime queues one pg-boss job per item
 * (`<name>.item`, singleton per key), so any number of workers share them and a crash redoes
 * only the unfinished items. `runItem` must be idempotent.
 */
export interface FanOutJob {
  readonly name: string;
  readonly cron: string;
  readonly expireInSeconds?: number;
  plan(context: WorkerContext, now: Date): Promise<readonly JobItem[]>;
  runItem(context: WorkerContext, item: JobItem, now: Date): Promise<JobSummary>;
}
