/** What a benchmark's goal compares. */
export type Goal =
  /** Kontor may take at most `value` times the baseline's time. */
  | { readonly kind: "max-ratio"; readonly value: number }
  /** Kontor must reach at least `value` (0–1) of the baseline's throughput. */
  | { readonly kind: "min-throughput-share"; readonly value: number };

/** One prepared workload: Kontor's code and the baseline doing the same work on the same data. */
export interface PreparedBenchmark {
  /** Runs Kontor's code once over the whole workload (may return a promise) and returns a checksum. */
  readonly subject: () => unknown;
  /** Runs the baseline once over the whole workload and returns a checksum of its result. */
  readonly baseline: () => unknown;
  /** Units of work in one run (messages, contracts), for throughput figures. */
  readonly units: number;
  /** What a unit is, for the table. */
  readonly unitName: string;
}

/**
 * A benchmark: measured by {@link measure} as alternating rounds of subject and baseline, so
 * that both see the same machine load and only their ratio is reported.
 */
export interface Benchmark {
  /** Short id used on the command line: `pnpm bench seat-evaluation`. */
  readonly id: string;
  readonly title: string;
  readonly goal: Goal;
  /** Timed rounds of each side (default 7); fewer for workloads that take seconds. */
  readonly rounds?: number;
  /**
   * Builds the workload. `scale` is 1 for the real benchmark; smoke tests pass a small fraction
   * to prove quickly that subject and baseline compute the same result.
   */
  readonly prepare: (scale: number) => Promise<PreparedBenchmark> | PreparedBenchmark;
}
