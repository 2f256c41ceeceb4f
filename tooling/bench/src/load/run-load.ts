import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LoadRequest, LoadResult } from "./load-result.js";

type ClientReply = { readonly ok: true; readonly result: LoadResult } | { readonly ok: false; readonly error: string };

/**
 * Runs one autocannon load in a child process (see `load-client.ts`) and resolves with what it
 * measured. The child is TypeScript run through tsx, like the benchmarks themselves.
 */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  const client = fork(fileURLToPath(new URL("./load-client.ts", import.meta.url)), {
    // `--import tsx` resolves from the working directory: the bench package, which depends on tsx.
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    client.once("message", (reply: ClientReply) => {
      settled = true;
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`load client failed: ${reply.error}`));
    });
    client.once("error", reject);
    client.once("exit", (code) => {
      if (!settled) reject(new Error(`load client exited with ${String(code)} before reporting`));
    });
    client.send(request);
  });
}
