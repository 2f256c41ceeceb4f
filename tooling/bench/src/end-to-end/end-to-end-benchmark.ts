/** How large an end-to-end run is; the goal is stated for `goal.forContracts`. */
export interface EndToEndSettings {
  /** Contracts seeded and closed (the issue: 10,000). */
  readonly contracts: number;
  /** Give up when the close has not finished after this long. */
  readonly timeoutMs: number;
}

/** An absolute goal: the work done within a wall time and a peak resident memory. */
export interface EndToEndGoal {
  readonly maxWallMs: number;
  readonly maxPeakRssBytes: number;
  /** The size the goal is stated for; smaller runs report no verdict. */
  readonly forContracts: number;
}

/** One side's figures, each measured in its own child process. */
export interface EndToEndSide {
  /** Wall time of the measured work, in milliseconds. */
  readonly wallMs: number;
  /** Peak resident set size of the process doing the work (`process.resourceUsage().maxRSS`). */
  readonly peakRssBytes: number;
}

/** One end-to-end row: Kontor's worker and database against the library alone, same data, same run. */
export interface EndToEndMeasurement {
  readonly id: string;
  readonly title: string;
  readonly contracts: number;
  /** Month-close items the worker works at once (`KONTOR_ITEM_CONCURRENCY`, the worker's default 3). */
  readonly itemConcurrency: number;
  /** Seeding the database (not timed as part of either side). */
  readonly seedMs: number;
  /** Months the worker closed; equals `contracts` in every completed run. */
  readonly closedMonths: number;
  readonly subject: EndToEndSide;
  /** The baseline; `wallMs` is `loadMs + closeMs`. */
  readonly baseline: EndToEndSide & { readonly loadMs: number; readonly closeMs: number };
  /** subject.wallMs / baseline.wallMs: what the worker and the database add. */
  readonly timeRatio: number;
  /** subject.peakRssBytes / baseline.peakRssBytes. */
  readonly memoryRatio: number;
  readonly goal: EndToEndGoal;
  /** Whether the goal is met; absent for runs smaller than `goal.forContracts`. */
  readonly goalMet?: boolean;
}

/**
 * A benchmark of a whole process chain (database server, worker process) measured once per run
 * against an absolute goal, with a baseline measured in the same run for the ratio.
 */
export interface EndToEndBenchmark {
  readonly id: string;
  readonly title: string;
  readonly run: (settings: EndToEndSettings) => Promise<EndToEndMeasurement>;
}
