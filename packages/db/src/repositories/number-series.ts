import { eq } from "drizzle-orm";
import { nextDocumentNumber, type NumberSeries } from "@kontor/invoicing";
import type { KontorTransaction } from "../connection/database.js";
import { numberSeries } from "../schema/core.js";

/**
 * A number the series cannot issue (e.g. a document dated in an earlier year than the last
 * number, §14 UStG): a rule violation of the document, not a failure of the database.
 */
export class DocumentNumberError extends Error {
  override readonly name = "DocumentNumberError";

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Issues the next number of `series` for a document dated in `year`, inside the caller's
 * transaction. The series row stays locked until that transaction ends, so concurrent issuers
 * queue up: numbers are unique, and a rollback returns the number, so there is no gap
 * (§14 Abs. 4 Nr. 4 UStG). Throws {@link DocumentNumberError} when the series cannot go on.
 */
export async function issueDocumentNumber(tx: KontorTransaction, series: NumberSeries, year: number, now: Date): Promise<string> {
  await tx.insert(numberSeries).values({ id: series.id, lastIssued: null, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(numberSeries).where(eq(numberSeries.id, series.id)).for("update");
  const next = nextDocumentNumber(series, { year, lastIssued: row?.lastIssued ?? null });
  if (!next.ok) {
    const [first] = next.errors;
    throw new DocumentNumberError(first?.code ?? "INVALID_DOCUMENT_NUMBER", `Number series ${series.id}: ${first?.message ?? "no next number"}`);
  }
  await tx.update(numberSeries).set({ lastIssued: next.value, updatedAt: now }).where(eq(numberSeries.id, series.id));
  return next.value;
}
