import type { Benchmark, Goal } from "./benchmark.js";

/** The figures of one benchmark run. */
export interface Measurement {
  readonly id: string;
  readonly title: string;
  readonly goal: Goal;
  readonly units: number;
  readonly unitName: string;
  readonly rounds: number;
  /** Median wall time of one full run, in milliseconds. */
  readonly subjectMs: number;
  readonly baselineMs: number;
  /** subjectMs / baselineMs: how many times longer Kontor takes than the baseline. */
  readonly ratio: number;
  /** Units per second. */
  readonly subjectThroughput: number;
  readonly baselineThroughput: number;
  readonly goalMet: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timeOnce(run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Whether a measured ratio meets the goal. */
export function meetsGoal(goal: Goal, ratio: number): boolean {
  return goal.kind === "max-ratio" ? ratio <= goal.value : 1 / ratio >= goal.value;
}

/**
 * Runs a benchmark: one warm-up of each side, then `rounds` alternating timed runs (subject,
 * baseline, subject, …) so that noise from other processes hits both alike. The medians give
 * the ratio; absolute times are printed for context only.
 */
export async function measure(
  benchmark: Benchmark,
  rounds = benchmark.rounds ?? 7,
  scale = 1,
): Promise<Measurement> {
  const prepared = await benchmark.prepare(scale);
  await prepared.subject();
  await prepared.baseline();
  const subjectTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first, so neither always runs on a warmer cache.
    if (round % 2 === 0) {
      subjectTimes.push(await timeOnce(prepared.subject));
      baselineTimes.push(await timeOnce(prepared.baseline));
    } else {
      baselineTimes.push(await timeOnce(prepared.baseline));
      subjectTimes.push(await timeOnce(prepared.subject));
    }
  }
  const subjectMs = median(subjectTimes);
  const baselineMs = median(baselineTimes);
  const ratio = subjectMs / baselineMs;
  return {
    id: benchmark.id,
    title: benchmark.title,
    goal: benchmark.goal,
    units: prepared.units,
    unitName: prepared.unitName,
    rounds,
    subjectMs,
    baselineMs,
    ratio,
    subjectThroughput: (prepared.units / subjectMs) * 1000,
    baselineThroughput: (prepared.units / baselineMs) * 1000,
    goalMet: meetsGoal(benchmark.goal, ratio),
  };
}
