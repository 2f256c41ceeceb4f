/**
 * The IPC messages between the benchmark and its two child processes. Each side runs in a
 * process of its own so that its peak memory is its own, not the seeding's or the other side's.
 */

/** Sums over closed months that both sides must agree on (C2 balances, C8 invoices). */
export interface ClosedMonthTotals {
  readonly months: number;
  readonly closingMinutes: number;
  /** Invoiced net in integer cents (10,000 × 950.00 EUR is far below 2^53). */
  readonly invoicedCents: number;
}

/** Benchmark → worker child. */
export type WorkerCommand =
  /** Connect to `url` and start the worker with its clock at `now`; answered by `ready`. */
  | { readonly kind: "start"; readonly url: string; readonly now: string }
  /** Queue the month-close job; answered by `triggered`. */
  | { readonly kind: "trigger" }
  /** Stop the worker gracefully and exit; answered by `stopped`. */
  | { readonly kind: "stop" };

/** Worker child → benchmark. */
export type WorkerReport =
  | { readonly kind: "ready"; readonly itemConcurrency: number }
  | { readonly kind: "triggered" }
  | { readonly kind: "stopped"; readonly peakRssBytes: number }
  | { readonly kind: "failed"; readonly error: string };

/** Benchmark → library child: close `month` as of `asOf` for every contract in the database at `url`. */
export interface LibraryCommand {
  readonly kind: "close";
  readonly url: string;
  readonly month: string;
  readonly asOf: string;
}

/** Library child → benchmark. */
export type LibraryReport =
  | {
      readonly kind: "closed";
      readonly loadMs: number;
      readonly closeMs: number;
      readonly totals: ClosedMonthTotals;
      readonly peakRssBytes: number;
    }
  | { readonly kind: "failed"; readonly error: string };

/** Peak resident set size of this process so far (`maxRSS` is in KiB). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** An error as the one line a `failed` report carries. */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
