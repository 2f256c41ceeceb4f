import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import type { MonthKey } from "../time/month-key.js";

/** Travel for an on-site entry (C6): the zone or the kilometres, as the agreement prices it. */
export const travelInputSchema = z.strictObject({
  /** The travel zone, for `zones` pricing. */
  zone: z.string().min(1).max(64).nullable().default(null),
  /** Kilometres driven (round trip), for `per-kilometre` pricing. */
  kilometres: z.int().min(0).max(10_000).nullable().default(null),
});

/**
 * A technician's time entry as entered (C5, C6): raw minutes on a work date, for a ticket and a
 * work type, on site or remote, billable or not. A non-billable entry needs a justification.
 */
export const timeEntryInputSchema = z.strictObject({
  /** Unique per contract; also the idempotency key of {@link recordTimeEntry}. */
  id: z.string().min(1).max(64),
  contractId: z.string().min(1).max(64),
  /** The day the work was done, in the contract's zone (C6: it decides the month). */
  workDate: isoDateSchema,
  /** Minutes actually worked; kept beside the billed minutes (C6). */
  rawMinutes: z.int().min(1).max(1440),
  technician: z.string().min(1).max(200),
  /** The ticket the work was done for. */
  ticketRef: z.string().min(1).max(64),
  /** A work type of the agreement's rates (C1). */
  workType: z.string().min(1).max(64),
  location: z.enum(["on-site", "remote"]),
  /** C5: every entry is billable or non-billable. */
  billable: z.boolean(),
  /** C5: the technician's reason why a non-billable entry is not billed. */
  justification: z.string().trim().max(2000).nullable().default(null),
  /** Work outside business hours, billed with the policy's after-hours multiplier. */
  afterHours: z.boolean().default(false),
  /** What was done, for the service report. */
  description: z.string().max(2000).default(""),
  /** Travel to the customer; only for on-site entries. */
  travel: travelInputSchema.nullable().default(null),
});

/** JSON form of a time entry, as a technician enters it. */
export type TimeEntryInput = z.input<typeof timeEntryInputSchema>;

/** A validated time entry before billing rules are applied. */
export type ValidTimeEntry = z.output<typeof timeEntryInputSchema>;

/** Why and when a recorded entry was cancelled (C6): a typing error, work booked on the wrong contract. */
export interface TimeEntryCancellation {
  /** When it was cancelled, UTC ISO. */
  readonly at: string;
  readonly reason: string;
}

/** A recorded time entry: the input plus what billing derived from it (C6) and when it was recorded. */
export interface TimeEntry extends ValidTimeEntry {
  /** Minutes billed after multipliers, increment rounding and the minimum (C6). Non-billable: 0. */
  readonly billedMinutes: number;
  /** The month whose statement and invoice carry the entry: its work month, or the first open month if that was closed. */
  readonly bookingMonth: MonthKey;
  /** When the entry was recorded, UTC ISO. */
  readonly recordedAt: string;
  /**
   * Set once the entry is cancelled (`cancelTimeEntry`): it stays recorded (its id stays
   * taken) but is never reported, billed or charged. Absent on every other entry.
   */
  readonly cancelled?: TimeEntryCancellation | undefined;
}
