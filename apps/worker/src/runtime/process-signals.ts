/**
 * Runs `stop` once on SIGINT/SIGTERM and exits: 0 when it finished, 1 when it failed. A second
 * signal while stopping exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>, log: (message: string) => void): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal}: stopping`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => { handle("SIGINT"); });
  process.on("SIGTERM", () => { handle("SIGTERM"); });
}
