import type { SeatEventRow } from "@kontor/db";
import { parseSeatHistory, type SeatEvent, type SeatHistory, type SeatResult } from "@kontor/seats";
import type { Organization } from "@kontor/ticketing";
import type { DomainResult } from "../../http/domain-result.js";

/** The history stored for an organization: the `SeatEvent` documents in append order. */
export function toSeatHistory(rows: readonly SeatEventRow[]): SeatHistory {
  return rows.map((row) => row.event as SeatEvent);
}

/** The organization's zone for the S2/S5 day boundaries (P2). */
export function organizationZone(record: unknown): string {
  return (record as Organization).zone;
}

/**
 * A seat result with its errors pointing into the request body: the package reports command
 * fields under `command` (`["command", "productId"]`), the body carries them at its top level.
 */
export function onRequestBody<T>(result: SeatResult<T>): DomainResult<T> {
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((error) => ({ ...error, path: error.path[0] === "command" ? error.path.slice(1) : error.path })) };
}

/**
 * S10: event ids are unique in a history. The evaluator leaves this to `parseSeatHistory`, so the
 * stored event with the new event's id and the new event are validated together; the error
 * names the body's `id`.
 */
export function uniqueEventId(stored: SeatEvent, appended: SeatEvent): DomainResult<unknown> {
  const result = parseSeatHistory([stored, appended]);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((error) => ({ ...error, path: error.path.slice(2) })) };
}
