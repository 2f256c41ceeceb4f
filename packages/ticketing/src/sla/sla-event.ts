/** The two K7 clocks of a ticket. */
export type SlaClockName = "first-response" | "resolution";

/**
 * K7: a warning (the configured share of the target has elapsed) or a breach (business time beyond
 * the target has started to run). At most one of each per clock and ticket, so `dedupeKey` lets
 * the worker emit it exactly once however often the clock is recomputed.
 */
export interface SlaEvent {
  readonly type: "sla-warning" | "sla-breached";
  readonly ticketId: string;
  readonly clock: SlaClockName;
  /** When it happened (ISO, UTC, whole minute). */
  readonly at: string;
  readonly targetMinutes: number;
  readonly dedupeKey: string;
}
