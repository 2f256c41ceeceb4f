import { isoDateSchema } from "@kontor/calendar";
import { z } from "zod";
import { moneyResponseSchema as moneySchema } from "../../http/route-schemas.js";


/** Body of `POST /v1/direct-debit-batches`. */
export const createDirectDebitBatchBodySchema = z.strictObject({
  collectUntil: isoDateSchema
    .optional()
    .describe("Collect the invoices pre-notified for collection up to this day (inclusive); default: every future collection date"),
});

/** Query of `GET /v1/direct-debit-batches/preview`. */
export const directDebitPreviewQuerySchema = z.object({
  collectUntil: isoDateSchema.optional().describe("As in the body of POST /v1/direct-debit-batches"),
});

/** Body of `POST /v1/direct-debit-batches/:id/cancellation`. */
export const cancelDirectDebitBatchBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe("Why the file is not collected (rejected by the bank, created by mistake)"),
});

const collectionSchema = z
  .object({
    invoiceId: z.string(),
    organizationId: z.string(),
    number: z.string().describe("The invoice number, sent as the end-to-end reference"),
    amount: moneySchema,
    collectionDate: z.string(),
    mandateReference: z.string(),
    status: z.enum(["pending", "booked", "released"]).describe("pending: in the file, not yet booked; booked: recorded as a payment; released: its batch was cancelled"),
    paymentId: z.string().nullable(),
  })
  .meta({ id: "DirectDebitCollection" });

/** A stored batch: the pain.008 file's figures and its collections. */
export const directDebitBatchResponseSchema = z
  .object({
    id: z.string(),
    messageId: z.string().describe("The file's MsgId (GrpHdr): unique per file"),
    status: z.enum(["pending", "partially-booked", "booked", "cancelled"]),
    numberOfTransactions: z.number().int(),
    controlSum: moneySchema,
    firstCollectionDate: z.string(),
    lastCollectionDate: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    cancelledAt: z.string().nullable(),
    cancelledBy: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    collections: z.array(collectionSchema),
  })
  .meta({ id: "DirectDebitBatch" });

/** A batch in the list: its figures and cancellation, without its collections and their booking state. */
export const directDebitBatchSummarySchema = directDebitBatchResponseSchema.omit({ collections: true, status: true }).meta({ id: "DirectDebitBatchSummary" });

/** An invoice due for collection that a file does not take, and why (T7, C8). */
export const skippedCollectionSchema = z
  .object({
    invoiceId: z.string(),
    organizationId: z.string(),
    number: z.string(),
    dueDate: z.string(),
    open: moneySchema,
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: "SkippedDirectDebit" });

/** What a file created now would collect, and what it would leave out. */
export const directDebitPreviewResponseSchema = z.object({
  earliestCollectionDate: z.string().describe("The first day a file handed to the bank today can still be collected on (next TARGET2 business day)"),
  collections: z.array(
    z.object({
      invoiceId: z.string(),
      organizationId: z.string(),
      number: z.string(),
      amount: moneySchema,
      collectionDate: z.string(),
      mandateReference: z.string(),
    }),
  ),
  controlSum: moneySchema,
  skipped: z.array(skippedCollectionSchema),
});

/** Answer of `POST /v1/direct-debit-batches`. */
export const createdDirectDebitBatchResponseSchema = z.object({
  batch: directDebitBatchResponseSchema,
  skipped: z.array(skippedCollectionSchema),
});

/** Answer of `POST /v1/direct-debit-batches/:id/booking`. */
export const directDebitBookingResponseSchema = z.object({
  batch: directDebitBatchResponseSchema,
  booked: z.array(z.object({ invoiceId: z.string(), number: z.string(), paymentId: z.string(), amount: moneySchema, receivedOn: z.string() })),
  notYetDue: z.array(z.object({ invoiceId: z.string(), number: z.string(), collectionDate: z.string() })),
  refused: z.array(
    z.object({
      invoiceId: z.string(),
      number: z.string(),
      errors: z.array(z.object({ code: z.string(), message: z.string() })),
    }),
  ),
});
