import type { DirectDebitBatchRow, DirectDebitCollectionRow } from "@kontor/db";
import type { z } from "zod";
import type { directDebitBatchResponseSchema, directDebitBatchSummarySchema } from "./direct-debit-schemas.js";

const eur = (amount: string, currency: string) => ({ amount, currency });

function collectionStatus(row: DirectDebitCollectionRow): "pending" | "booked" | "released" {
  if (row.paymentId !== null) return "booked";
  return row.releasedAt === null ? "pending" : "released";
}

function batchStatus(batch: DirectDebitBatchRow, collections: readonly DirectDebitCollectionRow[]): z.input<typeof directDebitBatchResponseSchema>["status"] {
  if (batch.cancelledAt !== null) return "cancelled";
  const booked = collections.filter((row) => row.paymentId !== null).length;
  if (booked === 0) return "pending";
  return booked === collections.length ? "booked" : "partially-booked";
}

/** A batch as the list shows it. */
export function toBatchSummary(batch: DirectDebitBatchRow): z.input<typeof directDebitBatchSummarySchema> {
  return {
    id: batch.id,
    messageId: batch.messageId,
    numberOfTransactions: batch.numberOfTransactions,
    controlSum: eur(batch.controlSum, batch.currency),
    firstCollectionDate: batch.firstCollectionDate,
    lastCollectionDate: batch.lastCollectionDate,
    createdBy: batch.createdBy,
    createdAt: batch.createdAt.toISOString(),
    cancelledAt: batch.cancelledAt?.toISOString() ?? null,
    cancelledBy: batch.cancelledBy,
    cancellationReason: batch.cancellationReason,
  };
}

/** A batch with its collections. */
export function toBatchResponse(batch: DirectDebitBatchRow, collections: readonly DirectDebitCollectionRow[]): z.input<typeof directDebitBatchResponseSchema> {
  return {
    ...toBatchSummary(batch),
    status: batchStatus(batch, collections),
    collections: collections.map((row) => ({
      invoiceId: row.invoiceId,
      organizationId: row.organizationId,
      number: row.endToEndId,
      amount: eur(row.amount, row.currency),
      collectionDate: row.collectionDate,
      mandateReference: row.mandateReference,
      status: collectionStatus(row),
      paymentId: row.paymentId,
    })),
  };
}
