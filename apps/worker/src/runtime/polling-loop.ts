import type { Logger } from "pino";

/** A running loop; `wake` runs the next pass now instead of after the interval. */
export interface PollingLoop {
  wake(): void;
  /** Waits for the running pass to finish and stops. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` again and again, never overlapping: immediately when it reports more work
 * (`true`), else after `intervalMs` or on `wake()`. A failing pass is logged and retried after
 * the interval: a database or SMTP outage must not stop the worker.
 */
export function startPollingLoop(name: string, pass: () => Promise<boolean>, options: { readonly intervalMs: number; readonly logger: Logger }): PollingLoop {
  // An object, not a `let`: the loop reads it after awaits that `stop` may have run during.
  const state = { stopped: false };
  const stopped = (): boolean => state.stopped;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, options.intervalMs);
    });
  const running = (async () => {
    while (!stopped()) {
      let more = false;
      try {
        more = await pass();
      } catch (error) {
        options.logger.error({ err: error, loop: name }, "polling pass failed");
      }
      if (!more && !stopped()) await sleep();
      clearTimeout(timer);
      wakeUp = undefined;
    }
  })();
  return {
    wake() {
      wakeUp?.();
    },
    async stop() {
      state.stopped = true;
      wakeUp?.();
      await running;
    },
  };
}
