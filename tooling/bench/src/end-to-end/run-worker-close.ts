import type { DatabaseHandle } from "@kontor/db";
import { billingProgress } from "@kontor/worker";
import { forkBenchChild } from "./child-process.js";
import type { WorkerCommand, WorkerReport } from "./close-protocol.js";

/** How often the benchmark counts closed months: the wall time's resolution. */
const POLL_MS = 250;

/** What the worker's run measured. */
export interface WorkerClose {
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly closedMonths: number;
  readonly itemConcurrency: number;
}

/**
 * The month close through the worker in its own process (`worker-close-child.ts`): the worker
 * starts (pg-boss and its schema; not timed), then the clock runs from queuing the month-close
 * job until the benchmark's own connection counts `contracts` closed months. The worker then
 * stops gracefully and reports the peak RSS of its whole life.
 */
export async function runWorkerClose(database: DatabaseHandle & { readonly url: string }, options: { readonly contracts: number; readonly now: Date; readonly timeoutMs: number }): Promise<WorkerClose> {
  const child = forkBenchChild<WorkerCommand, WorkerReport>(new URL("./worker-close-child.ts", import.meta.url));
  try {
    child.send({ kind: "start", url: database.url, now: options.now.toISOString() });
    const { itemConcurrency } = await child.next("ready");
    // From here every report but `stopped` is dropped; a failure or exit rejects it at once.
    let failure: Error | undefined;
    const stopped = child.next("stopped");
    stopped.catch((error: unknown) => {
      failure = error instanceof Error ? error : new Error(String(error));
    });
    const start = process.hrtime.bigint();
    child.send({ kind: "trigger" });
    const deadline = Date.now() + options.timeoutMs;
    let closedMonths = 0;
    for (;;) {
      if (failure !== undefined) throw failure;
      closedMonths = (await billingProgress(database)).monthCloses;
      if (closedMonths >= options.contracts) break;
      if (Date.now() > deadline) throw new Error(`The worker closed ${closedMonths} of ${options.contracts} months within ${options.timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    child.send({ kind: "stop" });
    const { peakRssBytes } = await stopped;
    await child.exited;
    return { wallMs, peakRssBytes, closedMonths, itemConcurrency };
  } finally {
    child.kill();
  }
}
