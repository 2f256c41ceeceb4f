import type { Benchmark } from "../benchmark.js";
import type { LoadBenchmark } from "../load/load-benchmark.js";
import { apiThroughput } from "./api-throughput.js";
import { mailIntake } from "./mail-intake.js";
import { monthClose } from "./month-close.js";
import { seatEvaluation } from "./seat-evaluation.js";

/**
 * Every timed benchmark `pnpm bench` runs, in the numbering of issue 11. The end-to-end month
 * close through worker and database (5) joins when the worker exists.
 */
export const benchmarks: readonly Benchmark[] = [monthClose, seatEvaluation, mailIntake];

/** Every benchmark measured under HTTP load (issue 11, item 4); they run after the timed ones. */
export const loadBenchmarks: readonly LoadBenchmark[] = [apiThroughput];
