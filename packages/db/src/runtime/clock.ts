/**
 * Where "now" comes from. Rules take an explicit `asOf`; the apps ask the clock once per
 * request or job, so a demo or a test can jump to a month end.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Always the same instant (tests, demos). */
export function fixedClock(instant: Date): Clock {
  const time = instant.getTime();
  return { now: () => new Date(time) };
}

/** The machine's clock shifted by `offsetMs` (a demo that lives at the end of the month). */
export function offsetClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}

/**
 * The clock the environment asks for: `KONTOR_NOW` (an ISO instant the clock starts at when the
 * process starts, and runs on from: a demo jumps to a month end, while retries, backoff and SLA
 * clocks still see time pass) or
 * `KONTOR_CLOCK_OFFSET` (an ISO 8601 duration such as `P8D` or `-PT2H`, or milliseconds),
 * else the system clock. Throws on a value it cannot read.
 */
export function clockFromEnvironment(env: Readonly<Record<string, string | undefined>>): Clock {
  const now = env.KONTOR_NOW;
  if (now !== undefined && now !== "") {
    const instant = new Date(now);
    if (Number.isNaN(instant.getTime())) throw new Error(`KONTOR_NOW is not an ISO instant: ${now}`);
    return offsetClock(instant.getTime() - Date.now());
  }
  const offset = env.KONTOR_CLOCK_OFFSET;
  if (offset !== undefined && offset !== "") return offsetClock(parseOffset(offset));
  return systemClock;
}

const DURATION = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

function parseOffset(text: string): number {
  if (/^-?\d+$/.test(text)) return Number(text);
  const match = DURATION.exec(text);
  if (match === null || text.endsWith("P") || text.endsWith("T")) {
    throw new Error(`KONTOR_CLOCK_OFFSET must be milliseconds or a duration like P8D or -PT2H, not ${text}`);
  }
  const [, sign, days, hours, minutes, seconds] = match;
  const ms = (((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0)) * 1000;
  return sign === "-" ? -ms : ms;
}
