import { addBusinessMinutes, businessMinutesBetween, type BusinessHours } from "@kontor/calendar";
import { DateTime } from "luxon";
import { issue } from "../errors/ticketing-error.js";
import { fail, ok, type Result } from "../errors/result.js";
import { DEFAULT_TICKETING_POLICIES } from "../policies/default-ticketing-policies.js";
import { policyInForce } from "../policies/policy-in-force.js";
import type { TicketingPolicy } from "../policies/ticketing-policy.js";
import type { TicketPriority } from "../tickets/ticket-classification.js";
import type { TicketEvent } from "../tickets/ticket-event.js";
import { toEpochMs, toIsoInstant, type Instant } from "../time/instant.js";
import { floorToMinute, ticketTimelines, type ClockTimeline, type PriorityPeriod, type RunningSegment } from "./clock-timeline.js";
import type { SlaClockName, SlaEvent } from "./sla-event.js";
import { slaTargetFor, type SlaTerms } from "./sla-terms.js";

const MS_PER_MINUTE = 60_000;

/** The state of one K7 clock at `asOf`. */
export interface SlaClock {
  readonly clock: SlaClockName;
  /** `running`, `paused` (waiting for the customer) or `stopped` (answered / resolved). */
  readonly state: "running" | "paused" | "stopped";
  readonly targetMinutes: number;
  /** Business minutes the clock has run (until it stopped, else until `asOf`). */
  readonly elapsedMinutes: number;
  /** `targetMinutes - elapsedMinutes`; negative once breached. */
  readonly remainingMinutes: number;
  readonly breached: boolean;
  /** While running and not breached: the last instant that still meets the target. */
  readonly dueAt?: string;
  readonly warnedAt?: string;
  readonly breachedAt?: string;
  readonly stoppedAt?: string;
}

/** Both clocks of a ticket at `asOf` and the warning/breach events that have happened by then. */
export interface SlaReport {
  readonly ticketId: string;
  readonly asOf: string;
  readonly priority: TicketPriority;
  readonly firstResponse: SlaClock;
  readonly resolution: SlaClock;
  /** Every K7 event up to `asOf`, in time order, each with a stable dedupe key. */
  readonly events: readonly SlaEvent[];
}

/** Options of {@link computeSlaClocks}. */
export interface ComputeSlaOptions {
  /** Policies to pick the warning ratio from (default: the shipped ones). */
  readonly policies?: readonly TicketingPolicy[];
}

const utc = (ms: number): DateTime => DateTime.fromMillis(ms, { zone: "utc" });

/**
 * The instant at which business time beyond `threshold` starts to run, searching from `startMs`
 * where the clock already carries `before` minutes: the start of the next business minute after
 * the threshold is reached. Returning the start of that minute (not the end of the last minute
 * within target) means a response at 17:30 after a target that ran out at 17:00 is on time: no
 * business minute beyond the target was used. When `before` already exceeds the threshold (the
 * priority was raised), it is the first business minute from `startMs`.
 */
function crossingFrom(startMs: number, before: number, threshold: number, hours: BusinessHours): number {
  const need = Math.max(0, threshold - before);
  return addBusinessMinutes(utc(startMs), need + 1, hours).toMillis() - MS_PER_MINUTE;
}

interface ClockComputation {
  readonly state: SlaClock;
  readonly events: SlaEvent[];
}

/** Stretches of a segment with one priority each: segments are split at priority changes. */
function piecesOf(segments: readonly RunningSegment[], priorities: readonly PriorityPeriod[]): { startMs: number; endMs: number; priority: TicketPriority }[] {
  const pieces: { startMs: number; endMs: number; priority: TicketPriority }[] = [];
  for (const segment of segments) {
    let start = segment.startMs;
    for (let index = 0; index < priorities.length; index += 1) {
      const period = priorities[index];
      if (period === undefined) continue;
      const periodEnd = priorities[index + 1]?.fromMs ?? Number.POSITIVE_INFINITY;
      if (periodEnd <= start) continue;
      if (period.fromMs >= segment.endMs) break;
      const end = Math.min(segment.endMs, periodEnd);
      if (end > start) pieces.push({ startMs: start, endMs: end, priority: period.priority });
      start = end;
    }
  }
  return pieces;
}

interface ClockInput {
  readonly ticketId: string;
  readonly name: SlaClockName;
  readonly timeline: ClockTimeline;
  readonly priorities: readonly PriorityPeriod[];
  /** Target in minutes for a priority (this clock's half of the SLA target). */
  readonly targetOf: (priority: TicketPriority) => number;
  readonly currentPriority: TicketPriority;
  readonly warningRatio: number;
  readonly hours: BusinessHours;
  readonly asOfMs: number;
}

/**
 * Walks the running stretches in time order. Each stretch is judged against the target of the
 * priority in force during it, so raising the priority breaches from that moment on without
 * rewriting earlier evaluations: every event once reported stays reported (monotonic).
 */
function evaluateClock(input: ClockInput): ClockComputation {
  const { ticketId, name, timeline, hours, asOfMs } = input;
  const warningOf = (target: number): number => Math.min(target - 1, Math.ceil(target * input.warningRatio));
  let elapsed = 0;
  let warned: { at: number; target: number } | undefined;
  let breached: { at: number; target: number } | undefined;
  let lastStart = asOfMs;
  let elapsedBeforeLast = 0;
  const pieces = piecesOf(timeline.segments, input.priorities);
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index];
    if (piece === undefined) continue;
    const target = input.targetOf(piece.priority);
    const minutes = Math.round(businessMinutesBetween(utc(piece.startMs), utc(piece.endMs), hours));
    const isOpen = timeline.running && index === pieces.length - 1;
    for (const kind of ["warning", "breach"] as const) {
      if ((kind === "warning" ? warned : breached) !== undefined) continue;
      const threshold = kind === "warning" ? warningOf(target) : target;
      // The crossing lies inside this piece when the piece carries the clock past the threshold;
      // for the open piece it may also lie exactly at `asOf`.
      if (elapsed + minutes <= threshold && !isOpen) continue;
      const at = crossingFrom(piece.startMs, elapsed, threshold, hours);
      if (at < piece.endMs || (isOpen && at <= asOfMs)) {
        if (kind === "warning") warned = { at, target };
        else breached = { at, target };
      }
    }
    lastStart = piece.startMs;
    elapsedBeforeLast = elapsed;
    elapsed += minutes;
  }

  const currentTarget = input.targetOf(input.currentPriority);
  const stoppedAtMs = timeline.running ? undefined : timeline.stoppedAtMs;
  const state: SlaClock["state"] = timeline.running ? "running" : stoppedAtMs !== undefined ? "stopped" : "paused";
  let dueAt: number | undefined;
  if (timeline.running && breached === undefined) {
    dueAt = addBusinessMinutes(utc(lastStart), Math.max(0, currentTarget - elapsedBeforeLast), hours).toMillis();
  }

  const events: SlaEvent[] = [];
  const event = (type: SlaEvent["type"], crossing: { at: number; target: number }): SlaEvent => ({
    type,
    ticketId,
    clock: name,
    at: toIsoInstant(crossing.at),
    targetMinutes: crossing.target,
    dedupeKey: `${ticketId}:${name}:${type}`,
  });
  if (warned !== undefined) events.push(event("sla-warning", warned));
  if (breached !== undefined) events.push(event("sla-breached", breached));
  return {
    state: {
      clock: name,
      state,
      targetMinutes: currentTarget,
      elapsedMinutes: elapsed,
      remainingMinutes: currentTarget - elapsed,
      breached: breached !== undefined,
      ...(dueAt === undefined ? {} : { dueAt: toIsoInstant(dueAt) }),
      ...(warned === undefined ? {} : { warnedAt: toIsoInstant(warned.at) }),
      ...(breached === undefined ? {} : { breachedAt: toIsoInstant(breached.at) }),
      ...(stoppedAtMs === undefined ? {} : { stoppedAt: toIsoInstant(stoppedAtMs) }),
    },
    events,
  };
}

/**
 * Recomputes a ticket's K7 clocks from its history as of `asOf`: first response and resolution,
 * counted in business minutes of the customer's calendar (weekly hours and holidays via
 * `@kontor/calendar`, DST-correct), paused while waiting for the customer, with warning and breach
 * events. Deterministic: the same history in any order, with duplicates, gives the same report;
 * entries after `asOf` are ignored. Minute resolution (instants are floored to the minute).
 *
 * Each stretch of running time is judged against the target of the priority in force then: a
 * raised priority whose tighter target has already run out breaches at once, and earlier results
 * are never rewritten, so every event once reported stays reported.
 *
 * @param history the ticket's history (any order)
 * @param terms reaction times from `createSlaTerms`
 * @param asOf evaluation instant
 * @param options policies (warning ratio, P1)
 */
export function computeSlaClocks(
  history: readonly TicketEvent[],
  terms: SlaTerms,
  asOf: Instant,
  options: ComputeSlaOptions = {},
): Result<SlaReport> {
  const asOfMs = toEpochMs(asOf);
  const timelines = ticketTimelines(history, asOfMs);
  if (timelines === undefined) {
    return fail(issue("INVALID_INPUT", "The history has no ticket-created entry at or before asOf", ["history"]));
  }
  const policy = policyInForce(options.policies ?? DEFAULT_TICKETING_POLICIES, timelines.createdAtMs);
  if (!policy.ok) return policy;
  const ratio = policy.value.sla.warningRatio;
  const common = {
    ticketId: timelines.ticketId,
    priorities: timelines.priorities,
    currentPriority: timelines.priority,
    warningRatio: ratio,
    hours: terms.hours,
    asOfMs: floorToMinute(asOfMs),
  };
  const first = evaluateClock({
    ...common,
    name: "first-response",
    timeline: timelines.firstResponse,
    targetOf: (priority) => slaTargetFor(terms, priority).firstResponseMinutes,
  });
  const resolution = evaluateClock({
    ...common,
    name: "resolution",
    timeline: timelines.resolution,
    targetOf: (priority) => slaTargetFor(terms, priority).resolutionMinutes,
  });
  const events = [...first.events, ...resolution.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.clock < b.clock ? -1 : 1));
  return ok({
    ticketId: timelines.ticketId,
    asOf: toIsoInstant(asOfMs),
    priority: timelines.priority,
    firstResponse: first.state,
    resolution: resolution.state,
    events,
  });
}
