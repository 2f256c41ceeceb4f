import { z } from "zod";
import { isoInstantSchema, tryParseInstant } from "../time/instant.js";

/** zod schema of one earlier intake decision that counts toward the K4 rate limits. */
export const intakeRecordSchema = z
  .object({
    receivedAt: isoInstantSchema,
    sender: z.string().transform((value) => value.trim().toLowerCase()),
    ticketId: z.string().min(1).optional(),
  })
  .strict();

/** One earlier intake (a created, appended or quarantined mail). */
export type IntakeRecord = z.input<typeof intakeRecordSchema>;

/**
 * Recent intake, indexed once for the K4 rate limits: sorted epoch milliseconds overall, per
 * sender and per ticket, so each check is a `Map` read plus a binary search.
 */
export interface IntakeHistory {
  readonly all: readonly number[];
  readonly bySender: ReadonlyMap<string, readonly number[]>;
  readonly byTicket: ReadonlyMap<string, readonly number[]>;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

const ascending = (a: number, b: number): number => a - b;

/**
 * Indexes intake records (the app passes the records of the longest rate-limit window). Records
 * with an unparseable instant are skipped: they cannot be placed in a window.
 */
export function createIntakeHistory(records: readonly IntakeRecord[]): IntakeHistory {
  const all: number[] = [];
  const bySender = new Map<string, number[]>();
  const byTicket = new Map<string, number[]>();
  for (const record of records) {
    const ms = tryParseInstant(record.receivedAt);
    if (ms === undefined) continue;
    all.push(ms);
    push(bySender, record.sender.trim().toLowerCase(), ms);
    if (record.ticketId !== undefined) push(byTicket, record.ticketId, ms);
  }
  all.sort(ascending);
  for (const list of bySender.values()) list.sort(ascending);
  for (const list of byTicket.values()) list.sort(ascending);
  return { all, bySender, byTicket };
}

/** An empty history. */
export const EMPTY_INTAKE_HISTORY: IntakeHistory = createIntakeHistory([]);

/** First index whose value is greater than `bound` (binary search over ascending values). */
function firstIndexAfter(sorted: readonly number[], bound: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) > bound) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * How many of the sorted instants fall in the window `(asOfMs - windowMs, asOfMs]`. Records after
 * `asOfMs` (a replay of an older decision) do not count, which keeps replays deterministic.
 *
 * @param sorted ascending epoch milliseconds
 */
export function countInWindow(sorted: readonly number[], asOfMs: number, windowMs: number): number {
  return firstIndexAfter(sorted, asOfMs) - firstIndexAfter(sorted, asOfMs - windowMs);
}
