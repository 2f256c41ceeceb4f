import { asc, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { workerJobRuns } from "../schema/worker.js";

/** A recorded job run. */
export type WorkerJobRunRow = typeof workerJobRuns.$inferSelect;

/** Records that `workerId` started job `jobId`; returns the run's id. */
export async function recordJobStart(executor: Executor, run: { readonly jobId: string; readonly queue: string; readonly workerId: string }, now: Date): Promise<number> {
  const rows = await executor
    .insert(workerJobRuns)
    .values({ jobId: run.jobId, queue: run.queue, workerId: run.workerId, startedAt: now })
    .returning({ id: workerJobRuns.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("recording a job run returned no row");
  return id;
}

/** Records how a run ended. */
export async function recordJobEnd(
  executor: Executor,
  id: number,
  end: { readonly outcome: "completed" | "failed"; readonly summary?: unknown; readonly error?: string },
  now: Date,
): Promise<void> {
  await executor
    .update(workerJobRuns)
    .set({ outcome: end.outcome, summary: end.summary ?? null, error: end.error?.slice(0, 2000) ?? null, finishedAt: now })
    .where(eq(workerJobRuns.id, id));
}

/** Runs of one queue, oldest first (tests, operators). */
export async function jobRunsOf(executor: Executor, queue: string): Promise<WorkerJobRunRow[]> {
  return executor.select().from(workerJobRuns).where(eq(workerJobRuns.queue, queue)).orderBy(asc(workerJobRuns.id));
}

/** Every run, oldest first. */
export async function allJobRuns(executor: Executor): Promise<WorkerJobRunRow[]> {
  return executor.select().from(workerJobRuns).orderBy(asc(workerJobRuns.id));
}
