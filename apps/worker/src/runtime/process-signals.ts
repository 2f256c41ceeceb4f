import type { Logger } from "pino";

/**
 * Runs `stop` once on SIGINT/SIGTERM and exits: 0 when it finished, 1 when it failed (logged as
 * an error with the cause). A second signal while stopping exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal}: stopping`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "stopping failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => { handle("SIGINT"); });
  process.on("SIGTERM", () => { handle("SIGTERM"); });
}
