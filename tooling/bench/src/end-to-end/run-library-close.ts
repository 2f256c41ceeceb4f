import { forkBenchChild } from "./child-process.js";
import type { LibraryCommand, LibraryReport } from "./close-protocol.js";

/** What the baseline's child measured. */
export type LibraryClose = Extract<LibraryReport, { readonly kind: "closed" }>;

/**
 * The baseline in its own process (`library-close-child.ts`): one query for every account, then
 * `closeMonth` in memory. It only reads, so it runs before the worker on the same seeded data.
 */
export async function runLibraryClose(url: string, month: string, asOf: Date): Promise<LibraryClose> {
  const child = forkBenchChild<LibraryCommand, LibraryReport>(new URL("./library-close-child.ts", import.meta.url));
  try {
    child.send({ kind: "close", url, month, asOf: asOf.toISOString() });
    const closed = await child.next("closed");
    await child.exited;
    return closed;
  } finally {
    child.kill();
  }
}
