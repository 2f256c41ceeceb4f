import { asc, eq } from "drizzle-orm";
import type { Executor } from "../connection/database.js";
import { organizations } from "../schema/core.js";
import { seatHistories } from "../schema/seats.js";

/** An organization that has a seat history: its id and its stored record (`Organization`). */
export interface SeatHistoryOrganization {
  readonly organizationId: string;
  readonly record: unknown;
}

/**
 * Every organization with at least one seat event (S10: the ones whose purchase-order windows a
 * scheduled evaluation has to look at), in id order so a run visits them deterministically.
 */
export async function listSeatHistoryOrganizations(executor: Executor): Promise<SeatHistoryOrganization[]> {
  return executor
    .select({ organizationId: seatHistories.organizationId, record: organizations.record })
    .from(seatHistories)
    .innerJoin(organizations, eq(organizations.id, seatHistories.organizationId))
    .orderBy(asc(seatHistories.organizationId));
}
