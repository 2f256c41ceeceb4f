import type { DatabaseKind } from "./bench-database.js";
import type { LoadResult } from "./load-result.js";

/** How hard and how long to load: the issue asks for 50 connections for 10 s. */
export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  /** Unmeasured load before each measured run, so the JIT has compiled both sides' paths. */
  readonly warmupSeconds: number;
  readonly databases: readonly DatabaseKind[];
}

/**
 * A throughput goal on one row: at least `minShare` of the baseline's requests per second
 * and a 99th percentile latency below `maxP99Ms`.
 */
export interface LoadGoal {
  readonly minShare: number;
  readonly maxP99Ms: number;
}

/** One row: a Kontor route and its baseline, measured back to back on the same machine. */
export interface LoadMeasurement {
  readonly id: string;
  readonly title: string;
  readonly database: DatabaseKind;
  /** e.g. `POST /v1/tickets` */
  readonly route: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly subject: LoadResult;
  readonly baseline: LoadResult;
  /** Kontor's requests per second as a share (0–1) of the baseline's. */
  readonly share: number;
  /** Only the rows the issue sets a goal for have one. */
  readonly goal?: LoadGoal;
  /** Whether the goal is met; also false when any response of the run was not 2xx. */
  readonly goalMet?: boolean;
}

/**
 * A benchmark measured under HTTP load (autocannon) instead of timed rounds: it runs Kontor
 * and its baseline in the same process and run, and reports requests per second and
 * latency percentiles of both.
 */
export interface LoadBenchmark {
  readonly id: string;
  readonly title: string;
  readonly run: (settings: LoadSettings) => Promise<LoadMeasurement[]>;
}
