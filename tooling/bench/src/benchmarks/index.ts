import type { Benchmark } from "../benchmark.js";
import type { EndToEndBenchmark } from "../end-to-end/end-to-end-benchmark.js";
import type { LoadBenchmark } from "../load/load-benchmark.js";
import { apiThroughput } from "./api-throughput.js";
import { mailIntake } from "./mail-intake.js";
import { monthClose } from "./month-close.js";
import { seatEvaluation } from "./seat-evaluation.js";
import { workerMonthClose } from "./worker-month-close.js";

/** Every timed benchmark `pnpm bench` runs, in the numbering of issue 11. */
export const benchmarks: readonly Benchmark[] = [monthClose, seatEvaluation, mailIntake];

/** Every benchmark measured under HTTP load (issue 11, item 4); they run after the timed ones. */
export const loadBenchmarks: readonly LoadBenchmark[] = [apiThroughput];

/** Every end-to-end benchmark (issue 11, item 5); they run last, each once per run. */
export const endToEndBenchmarks: readonly EndToEndBenchmark[] = [workerMonthClose];
