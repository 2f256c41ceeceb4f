import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A TypeScript child process spoken to over IPC. */
export interface BenchChild<Command, Report extends { readonly kind: string }> {
  send(command: Command): void;
  /**
   * The next report of the given kind (earlier reports of other kinds are dropped). Rejects when
   * the child reports `failed` or exits first.
   */
  next<Kind extends Report["kind"]>(kind: Kind): Promise<Extract<Report, { readonly kind: Kind }>>;
  /** Resolves with the exit code (or the signal's name) once it ended. */
  readonly exited: Promise<number | string>;
  /** Kills it if it still runs (cleanup after a failure). */
  kill(): void;
}

/**
 * Forks `entry` through tsx, like the benchmarks themselves run. The child's standard output
 * goes to our standard error: its log lines must not land in the Markdown table.
 */
export function forkBenchChild<Command, Report extends { readonly kind: string }>(entry: URL): BenchChild<Command, Report> {
  const child: ChildProcess = fork(fileURLToPath(entry), {
    // `--import tsx` resolves from the working directory: the bench package, which depends on tsx.
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", 2, 2, "ipc"],
  });
  const reports: Report[] = [];
  let wake: (() => void) | undefined;
  let ended: string | undefined;
  child.on("message", (message: Report) => {
    reports.push(message);
    wake?.();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      ended = `exited with ${String(code ?? signal)}`;
      wake?.();
      resolve(code ?? signal ?? "unknown");
    });
  });
  child.once("error", (error) => {
    ended = `failed to run: ${error.message}`;
    wake?.();
  });

  async function next<Kind extends Report["kind"]>(kind: Kind): Promise<Extract<Report, { readonly kind: Kind }>> {
    for (;;) {
      const report = reports.shift();
      if (report?.kind === kind) return report as Extract<Report, { readonly kind: Kind }>;
      if (report?.kind === "failed") throw new Error(`${entry.pathname} failed: ${(report as { readonly error?: string }).error ?? "?"}`);
      if (report !== undefined) continue;
      if (ended !== undefined) throw new Error(`${entry.pathname} ${ended} before reporting ${kind}`);
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }

  return {
    send: (command) => child.send(command as object),
    next,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
