import type { TicketEvent } from "../tickets/ticket-event.js";
import type { TicketPriority } from "../tickets/ticket-classification.js";
import type { TicketStatus } from "../tickets/ticket-status.js";
import { tryParseInstant } from "../time/instant.js";

const MS_PER_MINUTE = 60_000;

/** A stretch in which a clock ran: `[startMs, endMs)`, whole minutes. */
export interface RunningSegment {
  readonly startMs: number;
  readonly endMs: number;
}

/** When one clock ran, derived from history. */
export interface ClockTimeline {
  readonly segments: readonly RunningSegment[];
  /** The clock runs at `asOf` (the last segment ends at `asOf`). */
  readonly running: boolean;
  /** The clock is stopped for good (first response given; ticket resolved or closed). */
  readonly stoppedAtMs?: number;
}

/** The priority in force from `fromMs` on. */
export interface PriorityPeriod {
  readonly fromMs: number;
  readonly priority: TicketPriority;
}

/** Both timelines plus what the clocks need to know about the ticket. */
export interface TicketTimelines {
  readonly ticketId: string;
  readonly createdAtMs: number;
  /** Priority at `asOf`. */
  readonly priority: TicketPriority;
  /** Priorities over time, first at creation; targets follow them (K7). */
  readonly priorities: readonly PriorityPeriod[];
  readonly status: TicketStatus;
  readonly firstResponse: ClockTimeline;
  readonly resolution: ClockTimeline;
}

/** Minute resolution: SLA clocks count whole business minutes, so instants are floored. */
export function floorToMinute(ms: number): number {
  return ms - (((ms % MS_PER_MINUTE) + MS_PER_MINUTE) % MS_PER_MINUTE);
}

interface TimedEvent {
  readonly ms: number;
  readonly event: TicketEvent;
}

/**
 * History in canonical order: by instant, then by `seq`; duplicates (the same `seq` delivered
 * twice) are dropped; entries after the minute of `asOfMs` are left out. This makes every result independent of the order and repetition in which
 * the app loaded the history (K7 "recomputed from history").
 */
export function canonicalHistory(history: readonly TicketEvent[], asOfMs: number): TimedEvent[] {
  const bySeq = new Map<number, TimedEvent>();
  // Compared at minute resolution, so an entry at 10:25:01 counts at 10:25:00 exactly like it
  // counts at any later evaluation (otherwise an evaluation could see a minute differently).
  const asOfMinute = floorToMinute(asOfMs);
  for (const event of history) {
    const ms = tryParseInstant(event.at);
    if (ms === undefined) continue;
    const floored = floorToMinute(ms);
    if (floored > asOfMinute) continue;
    const existing = bySeq.get(event.seq);
    if (existing === undefined || floored < existing.ms) bySeq.set(event.seq, { ms: floored, event });
  }
  return [...bySeq.values()].sort((a, b) => a.ms - b.ms || a.event.seq - b.event.seq);
}

function isFirstResponse(event: TicketEvent): boolean {
  if (event.type === "customer-contacted") return true;
  if (event.type === "comment-added") return event.visibility === "public" && event.by.kind === "staff";
  // Resolving without a word still answers the customer (the resolution notice).
  return event.type === "status-changed" && event.to === "resolved";
}

class SegmentBuilder {
  readonly segments: RunningSegment[] = [];
  private openedAt: number | undefined;

  update(active: boolean, ms: number): void {
    if (active && this.openedAt === undefined) this.openedAt = ms;
    else if (!active && this.openedAt !== undefined) {
      if (ms > this.openedAt) this.segments.push({ startMs: this.openedAt, endMs: ms });
      this.openedAt = undefined;
    }
  }

  finish(asOfMs: number): boolean {
    if (this.openedAt === undefined) return false;
    if (asOfMs > this.openedAt) this.segments.push({ startMs: this.openedAt, endMs: asOfMs });
    return true;
  }
}

/**
 * Derives when the K7 clocks ran. Both start at creation and pause while the ticket waits for the
 * customer. First response stops at the first public staff comment, recorded customer contact
 * (K6) or resolution. Resolution stops when the ticket is resolved or closed and resumes when it
 * is reopened. Returns `undefined` when the history has no `ticket-created` entry.
 */
export function ticketTimelines(history: readonly TicketEvent[], asOfMs: number): TicketTimelines | undefined {
  const events = canonicalHistory(history, asOfMs);
  const created = events.find((entry) => entry.event.type === "ticket-created");
  if (created?.event.type !== "ticket-created") return undefined;
  const asOf = floorToMinute(asOfMs);
  let status: TicketStatus = "new";
  let priority: TicketPriority = created.event.priority;
  const priorities: PriorityPeriod[] = [{ fromMs: created.ms, priority }];
  let firstResponseAt: number | undefined;
  let resolutionStoppedAt: number | undefined;
  const firstResponse = new SegmentBuilder();
  const resolution = new SegmentBuilder();
  firstResponse.update(true, created.ms);
  resolution.update(true, created.ms);
  for (const { ms, event } of events) {
    if (ms < created.ms) continue;
    if (event.type === "status-changed") status = event.to;
    if (event.type === "priority-changed" && event.to !== priority) {
      priority = event.to;
      priorities.push({ fromMs: ms, priority });
    }
    if (firstResponseAt === undefined && isFirstResponse(event)) firstResponseAt = ms;
    const waiting = status === "waiting-for-customer";
    const done = status === "resolved" || status === "closed";
    if (done && resolutionStoppedAt === undefined) resolutionStoppedAt = ms;
    if (!done) resolutionStoppedAt = undefined;
    firstResponse.update(firstResponseAt === undefined && !waiting, ms);
    resolution.update(!done && !waiting, ms);
  }
  const firstRunning = firstResponse.finish(asOf);
  const resolutionRunning = resolution.finish(asOf);
  return {
    ticketId: created.event.ticketId,
    createdAtMs: created.ms,
    priority,
    priorities,
    status,
    firstResponse: {
      segments: firstResponse.segments,
      running: firstRunning,
      ...(firstResponseAt === undefined ? {} : { stoppedAtMs: firstResponseAt }),
    },
    resolution: {
      segments: resolution.segments,
      running: resolutionRunning,
      ...(resolutionStoppedAt === undefined ? {} : { stoppedAtMs: resolutionStoppedAt }),
    },
  };
}
