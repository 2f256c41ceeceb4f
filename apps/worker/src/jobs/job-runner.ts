import { recordJobEnd, recordJobStart } from "@kontor/db";
import PgBoss from "pg-boss";
import type { WorkerContext } from "../worker-context.js";
import type { FanOutJob, JobItem, JobSummary, ScheduledJob } from "./scheduled-job.js";

/** pg-boss's tables live in their own schema, next to Kontor's. */
const BOSS_SCHEMA = "pgboss";

/** The jobs a worker runs. */
export interface JobCatalog {
  readonly scheduled: readonly ScheduledJob[];
  readonly fanOut: readonly FanOutJob[];
}

/** Options of {@link startJobRunner}. */
export interface JobRunnerOptions {
  /** Names this process in the job-run log (`worker_job_runs.worker_id`). */
  readonly workerId: string;
  readonly catalog: JobCatalog;
  /** Run the cron schedules in this process (any number of workers may; pg-boss sends each slot once). */
  readonly schedule?: boolean;
  /** Queue every scheduled job once at start, so a worker that was down catches up (all jobs are idempotent). */
  readonly catchUpOnStart?: boolean;
  /** How often an idle worker asks for jobs. */
  readonly pollingIntervalSeconds?: number;
  /** Item jobs run concurrently per worker process. */
  readonly itemConcurrency?: number;
}

/** A running job runner. */
export interface JobRunner {
  /** Queues a run of a scheduled or fan-out job now (operators, demos, tests). */
  trigger(name: string): Promise<void>;
  stop(): Promise<void>;
}

const itemQueue = (name: string): string => `${name}.item`;

/** Item jobs fetched at once: one round trip to pg-boss per batch instead of per contract. */
const ITEM_BATCH = 20;

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Start attempts: two workers starting together can race on pg-boss's first install. */
const START_ATTEMPTS = 3;
/** Queue creation attempts (concurrent starts can deadlock in pg-boss's create_queue). */
const QUEUE_ATTEMPTS = 6;

/**
 * A started pg-boss on the worker's database. pg-boss 10 installs its schema on first start and
 * tolerates a concurrent install only when PostgreSQL says "already exists"; a second process
 * can instead get a unique violation on the catalog. The loser retries with a fresh instance and
 * finds the schema installed.
 */
async function startBoss(context: WorkerContext, schedule: boolean): Promise<PgBoss> {
  for (let attempt = 1; ; attempt += 1) {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => context.database.executeSql(text, values as unknown[] | undefined) },
      schema: BOSS_SCHEMA,
      schedule,
      supervise: true,
      migrate: true,
    });
    boss.on("error", (error) => { context.logger.error({ err: error }, "pg-boss error"); });
    try {
      await boss.start();
      return boss;
    } catch (error) {
      if (attempt >= START_ATTEMPTS) throw error;
      context.logger.warn({ err: error, attempt }, "starting pg-boss failed; retrying");
      await boss.stop({ graceful: false, close: false }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/**
 * Creates a queue unless it exists. Two workers starting together can deadlock in pg-boss's
 * `create_queue` (each attaches a partition to the job table); the loser retries and then finds
 * the queue.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if ((await boss.getQueue(queue.name)) !== null) return;
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (attempt >= QUEUE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.floor(Math.random() * 100)));
    }
  }
}

/**
 * Starts pg-boss on Kontor's database (PGlite through its single connection, or the
 * PostgreSQL pool; pg-boss takes jobs with SKIP LOCKED, so any number of workers share them)
 * and works the catalog: each scheduled job on its cron in the installation's zone, each fan-out
 * job as a planner that queues one item job per unit of work. Every run is written to
 * `worker_job_runs` with this worker's id.
 */
export async function startJobRunner(context: WorkerContext, options: JobRunnerOptions): Promise<JobRunner> {
  const { database, logger, settings } = context;
  const boss = await startBoss(context, options.schedule ?? true);

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  async function recorded(queue: string, jobId: string, run: () => Promise<JobSummary>): Promise<JobSummary> {
    const runId = await recordJobStart(database.db, { jobId, queue, workerId: options.workerId }, context.clock.now());
    try {
      const summary = await run();
      await recordJobEnd(database.db, runId, { outcome: "completed", summary }, context.clock.now());
      logger.info({ queue, jobId, summary }, "job completed");
      return summary;
    } catch (error) {
      await recordJobEnd(database.db, runId, { outcome: "failed", error: errorText(error) }, context.clock.now()).catch(() => undefined);
      logger.error({ queue, jobId, err: error }, "job failed; pg-boss retries it");
      throw error;
    }
  }

  for (const job of options.catalog.scheduled) {
    await ensureQueue(boss, { name: job.name, policy: "standard", retryLimit: 3, retryBackoff: true, expireInSeconds: job.expireInSeconds ?? 900 });
    if (options.schedule ?? true) await boss.schedule(job.name, job.cron, {}, { tz: settings.zone });
    await boss.work(job.name, polling, async (jobs) => {
      for (const current of jobs) await recorded(job.name, current.id, () => job.run(context, context.clock.now()));
    });
  }

  for (const job of options.catalog.fanOut) {
    const items = itemQueue(job.name);
    await ensureQueue(boss, { name: job.name, policy: "standard", retryLimit: 3, retryBackoff: true, expireInSeconds: job.expireInSeconds ?? 900 });
    // Standard, not stately: a stately queue would hold a re-planned item back until the running
    // job of a killed worker expires; items are idempotent, so a duplicate only costs a no-op.
    await ensureQueue(boss, { name: items, policy: "standard", retryLimit: 5, retryBackoff: true, expireInSeconds: job.expireInSeconds ?? 300 });
    if (options.schedule ?? true) await boss.schedule(job.name, job.cron, {}, { tz: settings.zone });
    await boss.work(job.name, polling, async (jobs) => {
      for (const current of jobs) {
        await recorded(job.name, current.id, async () => {
          const planned = await job.plan(context, context.clock.now());
          if (planned.length > 0) await boss.insert(planned.map((item) => ({ name: items, data: item, singletonKey: item.key })));
          return { planned: planned.length };
        });
      }
    });
    for (let worker = 0; worker < (options.itemConcurrency ?? 1); worker += 1) {
      let workerId = "";
      workerId = await boss.work<JobItem>(items, { ...polling, batchSize: ITEM_BATCH }, async (jobs) => {
        for (const current of jobs) {
          try {
            await recorded(items, current.id, () => job.runItem(context, current.data, context.clock.now()));
          } catch (error) {
            // Fail this item alone; the rest of the batch completes when the handler returns.
            await boss.fail(items, current.id, { message: errorText(error) });
          }
        }
        // pg-boss waits a polling interval after every fetch; a full batch means more is queued.
        if (jobs.length === ITEM_BATCH) boss.notifyWorker(workerId);
      });
    }
  }

  const names = new Set([...options.catalog.scheduled.map((job) => job.name), ...options.catalog.fanOut.map((job) => job.name)]);
  async function trigger(name: string): Promise<void> {
    if (!names.has(name)) throw new Error(`No job named ${name}`);
    await boss.send(name, {});
  }
  if (options.catchUpOnStart ?? true) for (const name of names) await trigger(name);

  return {
    trigger,
    async stop() {
      // Let running handlers finish (they are transactions; an abandoned one would roll back anyway).
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 20_000 });
    },
  };
}
