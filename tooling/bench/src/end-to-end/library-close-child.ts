/**
 * The baseline's process: on `close` it connects to the benchmark's PostgreSQL, loads every
 * contract's account in one query and closes the month with `@kontor/contingent` in memory,
 * then reports the two times, the totals and its peak memory. A process of its own, so its
 * memory and its cold start compare with the worker's.
 */
import { openPostgres } from "@kontor/db";
import { errorText, peakRssBytes, type LibraryCommand, type LibraryReport } from "./close-protocol.js";
import { closeAllInMemory, loadOpenAccounts } from "./library-month-close.js";

const report = (message: LibraryReport): Promise<void> => new Promise((resolve) => process.send?.(message, () => { resolve(); }));

const milliseconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;

async function close(command: LibraryCommand): Promise<LibraryReport> {
  const database = openPostgres({ url: command.url });
  try {
    // Connect first: the worker's connections are open before its timing starts, too.
    await database.query("SELECT 1");
    const loadStart = process.hrtime.bigint();
    const accounts = await loadOpenAccounts(database);
    const loadMs = milliseconds(loadStart);
    const closeStart = process.hrtime.bigint();
    const totals = closeAllInMemory(accounts, command.month, command.asOf);
    const closeMs = milliseconds(closeStart);
    return { kind: "closed", loadMs, closeMs, totals, peakRssBytes: peakRssBytes() };
  } finally {
    await database.close();
  }
}

process.once("message", (command: LibraryCommand) => {
  close(command).then(
    async (result) => {
      await report(result);
      process.exit(0);
    },
    async (error: unknown) => {
      await report({ kind: "failed", error: errorText(error) });
      process.exit(1);
    },
  );
});
