import type { Benchmark } from "../benchmark.js";
import { mailIntake } from "./mail-intake.js";
import { monthClose } from "./month-close.js";
import { seatEvaluation } from "./seat-evaluation.js";

/**
 * Every benchmark `pnpm bench` runs, in the numbering of issue 11. The API throughput (4) and
 * the end-to-end month close through worker and database (5) join when the API and the worker
 * exist.
 */
export const benchmarks: readonly Benchmark[] = [monthClose, seatEvaluation, mailIntake];
