import { type SeatResult, ok } from "../seat-error.js";
import { zodIssuesToErrors } from "../zod-errors.js";
import { type SeatHistory, seatHistorySchema } from "./seat-event.js";

/**
 * Validates untrusted data (e.g. JSON from a database or request) as a {@link SeatHistory}.
 * Apps call this at the boundary; {@link evaluateSeats} itself only re-checks what the rules need,
 * so that evaluating 100,000 events stays fast.
 */
export function parseSeatHistory(input: unknown): SeatResult<SeatHistory> {
  const parsed = seatHistorySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error, ["history"]) };
  return ok(parsed.data);
}
