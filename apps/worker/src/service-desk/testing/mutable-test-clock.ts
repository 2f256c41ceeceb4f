import type { Clock } from "@kontor/db";

/** A test clock that stays where it is set: one worker context can walk through a scenario. */
export interface MutableTestClock extends Clock {
  set(instant: string): Date;
}

/** A {@link MutableTestClock} starting at `instant`. */
export function mutableTestClock(instant: string): MutableTestClock {
  let current = new Date(instant);
  return {
    now: () => new Date(current.getTime()),
    set(next: string) {
      current = new Date(next);
      return new Date(current.getTime());
    },
  };
}
