import { seedBillingScenario } from "@kontor/worker";
import { openBenchPostgres } from "../load/bench-database.js";
import type { ClosedMonthTotals } from "../end-to-end/close-protocol.js";
import type { EndToEndBenchmark, EndToEndGoal, EndToEndMeasurement, EndToEndSettings } from "../end-to-end/end-to-end-benchmark.js";
import { runLibraryClose } from "../end-to-end/run-library-close.js";
import { runWorkerClose } from "../end-to-end/run-worker-close.js";
import { storedMonthCloseTotals } from "../end-to-end/stored-month-close-totals.js";

/** 1 December 2026, 06:00 in Berlin: November is over, and every seeded contract closes it (C8). */
const NOW = new Date("2026-12-01T05:00:00Z");

/** Issue 11, item 5: 10,000 contracts in under 60 s and under 1 GiB. */
export const WORKER_MONTH_CLOSE_GOAL: EndToEndGoal = { maxWallMs: 60_000, maxPeakRssBytes: 2 ** 30, forContracts: 10_000 };

const describeTotals = (totals: ClosedMonthTotals): string => `${totals.months} months, ${totals.closingMinutes} closing minutes, ${totals.invoicedCents} invoiced cents`;

/** Both sides closed every month, with the same balances and invoiced nets; else the ratio means nothing. */
function assertSameWork(contracts: number, worker: ClosedMonthTotals, library: ClosedMonthTotals): void {
  const same = worker.months === library.months && worker.closingMinutes === library.closingMinutes && worker.invoicedCents === library.invoicedCents;
  if (!same || worker.months !== contracts) {
    throw new Error(`The worker and the baseline disagree on ${contracts} contracts: worker ${describeTotals(worker)}, baseline ${describeTotals(library)}`);
  }
}

const milliseconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;

async function run(settings: EndToEndSettings): Promise<EndToEndMeasurement> {
  const database = await openBenchPostgres();
  try {
    console.error(`  seeding ${settings.contracts.toLocaleString("en-US")} contracts (not timed) …`);
    const seedStart = process.hrtime.bigint();
    const scenario = await seedBillingScenario(database, { contracts: settings.contracts, now: NOW });
    const seedMs = milliseconds(seedStart);
    console.error("  baseline: one query and closeMonth in memory, in a child process …");
    const library = await runLibraryClose(database.url, scenario.month, NOW);
    console.error("  Kontor: the month-close job through pg-boss, in a worker child process …");
    const worker = await runWorkerClose(database, { contracts: settings.contracts, now: NOW, timeoutMs: settings.timeoutMs });
    assertSameWork(settings.contracts, await storedMonthCloseTotals(database, scenario.month), library.totals);
    const baselineMs = library.loadMs + library.closeMs;
    const goal = WORKER_MONTH_CLOSE_GOAL;
    return {
      id: workerMonthClose.id,
      title: workerMonthClose.title,
      contracts: settings.contracts,
      itemConcurrency: worker.itemConcurrency,
      seedMs,
      closedMonths: worker.closedMonths,
      subject: { wallMs: worker.wallMs, peakRssBytes: worker.peakRssBytes },
      baseline: { wallMs: baselineMs, loadMs: library.loadMs, closeMs: library.closeMs, peakRssBytes: library.peakRssBytes },
      timeRatio: worker.wallMs / baselineMs,
      memoryRatio: worker.peakRssBytes / library.peakRssBytes,
      goal,
      ...(settings.contracts < goal.forContracts ? {} : { goalMet: worker.wallMs < goal.maxWallMs && worker.peakRssBytes < goal.maxPeakRssBytes }),
    };
  } finally {
    await database.close();
  }
}

/**
 * Issue 11, item 5: the month close end to end — pg-boss on a PostgreSQL server, the worker in
 * a process of its own, one transaction per contract month — for 10,000 seeded contracts: wall
 * time from queuing the job until every month is closed, and the worker's peak RSS. Baseline in
 * the same run and on the same data: `closeMonth` of `@kontor/contingent` over all accounts
 * loaded in one query, also in a process of its own.
 */
export const workerMonthClose: EndToEndBenchmark = {
  id: "worker-month-close",
  title: "Month close through worker and PostgreSQL",
  run,
};
