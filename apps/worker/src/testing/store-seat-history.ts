import { appendSeatEvent, lockSeatHistory, type DatabaseHandle } from "@kontor/db";
import type { SeatEvent } from "@kontor/seats";

/** Stores seat events of an organization the way the API's seat-event route does: lock, then append in order. */
export async function storeSeatHistory(database: DatabaseHandle, organizationId: string, events: readonly SeatEvent[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    for (const event of events) {
      const at = new Date(event.at);
      const version = await lockSeatHistory(tx, organizationId, at);
      await appendSeatEvent(tx, organizationId, version, { id: event.id, type: event.type, at, event }, at);
    }
  });
}
