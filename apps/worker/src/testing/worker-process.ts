import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A worker started as its own operating-system process (`src/main.ts`). */
export interface WorkerProcessHandle {
  readonly id: string;
  readonly child: ChildProcess;
  /** Everything it wrote (JSON log lines), for failure messages. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once it ended. */
  readonly exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): void;
}

const WORKER_DIR = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Starts `src/<entry>` (default `main.ts`, the worker alone; `kontor-main.ts` is the one-process
 * start) through tsx with `env` on top of this process's environment, the way an operator runs
 * `pnpm --filter @kontor/worker start`. An env value of `""` removes the variable.
 */
export function startWorkerProcess(id: string, env: Readonly<Record<string, string>>, entry = "main.ts"): WorkerProcessHandle {
  const merged: Record<string, string | undefined> = { ...process.env, KONTOR_WORKER_ID: id, LOG_LEVEL: "warn", ...env };
  for (const [name, value] of Object.entries(merged)) if (value === "") merged[name] = undefined;
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL(`../${entry}`, import.meta.url))], {
    cwd: WORKER_DIR,
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => { resolve(code ?? signal ?? "unknown"); }));
  return { id, child, output: () => output, exited, kill: (signal) => child.kill(signal) };
}

/** Polls `check` every `everyMs` until it returns true; rejects with `describe()` after `timeoutMs`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, options: { readonly timeoutMs: number; readonly everyMs?: number; readonly describe: () => Promise<string> | string }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 100));
  }
  throw new Error(`Timed out after ${options.timeoutMs} ms: ${await options.describe()}`);
}
