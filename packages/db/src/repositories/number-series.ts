import { eq } from "drizzle-orm";
import { nextDocumentNumber, type NumberSeries } from "@kontor/invoicing";
import type { KontorTransaction } from "../connection/database.js";
import { numberSeries } from "../schema/core.js";

/**
 * Issues the next number of `series` for a document dated in `year`, inside the caller's
 * transaction. The series row stays locked until that transaction ends, so concurrent issuers
 * queue up: numbers are unique, and a rollback returns the number, so there is no gap
 * (§14 Abs. 4 Nr. 4 UStG).
 */
export async function issueDocumentNumber(tx: KontorTransaction, series: NumberSeries, year: number, now: Date): Promise<string> {
  await tx.insert(numberSeries).values({ id: series.id, lastIssued: null, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(numberSeries).where(eq(numberSeries.id, series.id)).for("update");
  const next = nextDocumentNumber(series, { year, lastIssued: row?.lastIssued ?? null });
  if (!next.ok) {
    const [first] = next.errors;
    throw new Error(`Number series ${series.id}: ${first?.code ?? "INVALID"} ${first?.message ?? ""}`);
  }
  await tx.update(numberSeries).set({ lastIssued: next.value, updatedAt: now }).where(eq(numberSeries.id, series.id));
  return next.value;
}
