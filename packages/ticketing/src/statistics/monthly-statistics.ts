import { DateTime } from "luxon";
import { fail, ok, type Result } from "../errors/result.js";
import { issue } from "../errors/ticketing-error.js";
import { computeSlaClocks, type ComputeSlaOptions, type SlaClock } from "../sla/compute-sla-clocks.js";
import type { SlaTerms } from "../sla/sla-terms.js";
import { TICKET_KINDS, type TicketKind } from "../tickets/ticket-classification.js";
import { TICKET_STATUSES, type TicketStatus } from "../tickets/ticket-status.js";
import type { Ticket } from "../tickets/ticket.js";
import { DEFAULT_ZONE, resolveZone, toEpochMs, tryParseInstant, type Instant } from "../time/instant.js";

/** Durations of stopped clocks in business minutes. */
export interface DurationSummary {
  readonly count: number;
  /** Mean, rounded to whole minutes; `undefined` without data. */
  readonly averageMinutes?: number;
  readonly medianMinutes?: number;
}

/** Met vs. breached clocks; running clocks within target are not decided yet and not counted. */
export interface ComplianceSummary {
  readonly met: number;
  readonly breached: number;
  /** `met / (met + breached)`, `undefined` without decided clocks. */
  readonly ratio?: number;
}

/** K13: service statistics of one organization and month, as the portal manager sees them. */
export interface MonthlyStatistics {
  readonly organizationId: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** Tickets created in the month, by kind. */
  readonly createdByKind: Readonly<Record<TicketKind, number>>;
  /** Status at `asOf` of the tickets created in the month. */
  readonly byStatus: Readonly<Record<TicketStatus, number>>;
  readonly firstResponse: DurationSummary;
  readonly resolution: DurationSummary;
  readonly slaFirstResponse: ComplianceSummary;
  readonly slaResolution: ComplianceSummary;
  readonly feedback: { readonly count: number; readonly averageRating?: number };
}

function summarize(minutes: number[]): DurationSummary {
  if (minutes.length === 0) return { count: 0 };
  const sorted = [...minutes].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return { count: sorted.length, averageMinutes: Math.round(sum / sorted.length), medianMinutes: median };
}

function compliance(clocks: readonly SlaClock[]): ComplianceSummary {
  let met = 0;
  let breached = 0;
  for (const clock of clocks) {
    if (clock.breached) breached += 1;
    else if (clock.state === "stopped") met += 1;
  }
  const decided = met + breached;
  return decided === 0 ? { met, breached } : { met, breached, ratio: met / decided };
}

const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/** The status a ticket had at `asOfMs`, from its history (the latest change not after it). */
function statusAt(ticket: Ticket, asOfMs: number): TicketStatus {
  let status: TicketStatus = "new";
  let latest = Number.NEGATIVE_INFINITY;
  let latestSeq = 0;
  for (const event of ticket.history) {
    if (event.type !== "status-changed") continue;
    const ms = tryParseInstant(event.at);
    if (ms === undefined || ms > asOfMs) continue;
    if (ms > latest || (ms === latest && event.seq > latestSeq)) {
      latest = ms;
      latestSeq = event.seq;
      status = event.to;
    }
  }
  return status;
}

/**
 * K13 statistics for one organization and month (`YYYY-MM` in `zone`): tickets by kind and
 * status, first-response and resolution times in business minutes, SLA compliance and feedback.
 * Times and compliance come from {@link computeSlaClocks} as of `asOf`, so they agree with the
 * clocks the service desk saw.
 *
 * @param tickets tickets of any organizations (filtered here)
 * @param organizationId the organization
 * @param month `YYYY-MM`
 * @param terms the organization's reaction times, or for each ticket the terms in force when it
 *   was opened (K7: a contract that begins or ends within the month changes them)
 * @param asOf evaluation instant
 * @param zone zone of the month boundaries (default `Europe/Berlin`)
 * @param options SLA options (policies)
 */
export function monthlyStatistics(
  tickets: readonly Ticket[],
  organizationId: string,
  month: string,
  terms: SlaTerms | ((ticket: Ticket) => SlaTerms),
  asOf: Instant,
  zone: string = DEFAULT_ZONE,
  options: ComputeSlaOptions = {},
): Result<MonthlyStatistics> {
  if (!MONTH.test(month)) return fail(issue("INVALID_INPUT", `Expected a month as YYYY-MM, got "${month}"`, ["month"]));
  const start = DateTime.fromISO(`${month}-01`, { zone: resolveZone(zone) });
  const fromMs = start.toMillis();
  const toMs = start.plus({ months: 1 }).toMillis();
  const asOfMs = toEpochMs(asOf);
  const createdByKind = Object.fromEntries(TICKET_KINDS.map((kind) => [kind, 0])) as Record<TicketKind, number>;
  const byStatus = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>;
  const firstResponseMinutes: number[] = [];
  const resolutionMinutes: number[] = [];
  const firstClocks: SlaClock[] = [];
  const resolutionClocks: SlaClock[] = [];
  const ratings: number[] = [];
  for (const ticket of tickets) {
    if (ticket.organizationId !== organizationId) continue;
    const createdMs = tryParseInstant(ticket.createdAt);
    if (createdMs === undefined || createdMs < fromMs || createdMs >= toMs || createdMs > asOfMs) continue;
    createdByKind[ticket.kind] += 1;
    byStatus[statusAt(ticket, asOfMs)] += 1;
    const feedbackMs = ticket.feedback === undefined ? undefined : tryParseInstant(ticket.feedback.at);
    if (ticket.feedback !== undefined && feedbackMs !== undefined && feedbackMs <= asOfMs) ratings.push(ticket.feedback.rating);
    const report = computeSlaClocks(ticket.history, typeof terms === "function" ? terms(ticket) : terms, asOf, options);
    if (!report.ok) return report;
    firstClocks.push(report.value.firstResponse);
    resolutionClocks.push(report.value.resolution);
    if (report.value.firstResponse.state === "stopped") firstResponseMinutes.push(report.value.firstResponse.elapsedMinutes);
    if (report.value.resolution.state === "stopped") resolutionMinutes.push(report.value.resolution.elapsedMinutes);
  }
  const ratingSum = ratings.reduce((total, value) => total + value, 0);
  return ok({
    organizationId,
    month,
    createdByKind,
    byStatus,
    firstResponse: summarize(firstResponseMinutes),
    resolution: summarize(resolutionMinutes),
    slaFirstResponse: compliance(firstClocks),
    slaResolution: compliance(resolutionClocks),
    feedback: ratings.length === 0 ? { count: 0 } : { count: ratings.length, averageRating: Math.round((ratingSum / ratings.length) * 100) / 100 },
  });
}
