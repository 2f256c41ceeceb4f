import { moneyJsonSchema } from "@kontor/money";
import { z } from "zod";
import { BANK_STATEMENT_TRANSACTION_OUTCOMES } from "@kontor/db";
import { pageQuerySchema } from "../../http/pagination.js";
import { moneyResponseSchema as moneySchema } from "../../http/route-schemas.js";


/** The largest camt file accepted, decoded: 10 MiB. */
export const MAX_BANK_STATEMENT_BYTES = 10 * 1024 * 1024;
/** Base64 of {@link MAX_BANK_STATEMENT_BYTES}: 4 characters per 3 bytes. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_BANK_STATEMENT_BYTES / 3) * 4;

/** Body of `POST /v1/bank-statements`. */
export const importBankStatementBodySchema = z.strictObject({
  filename: z.string().trim().min(1).max(200).optional().describe("The file's name as downloaded from the bank, for the list"),
  contentBase64: z
    .base64()
    .min(1)
    .max(MAX_BASE64_LENGTH)
    .describe(`The camt.053 or camt.054 XML file (ISO 20022, versions 001.02 to 001.13), base64-encoded; at most ${MAX_BANK_STATEMENT_BYTES} bytes decoded`),
});

/** Query of `GET /v1/bank-statement-transactions`. */
export const bankTransactionListQuerySchema = pageQuerySchema.extend({
  outcome: z.enum(BANK_STATEMENT_TRANSACTION_OUTCOMES).optional().describe("Only transactions with this outcome; `review` is the review queue"),
});

/** Body of `POST /v1/bank-statement-transactions/:id/assignment`. */
export const assignBankTransactionBodySchema = z.strictObject({
  allocations: z
    .array(
      z.strictObject({
        invoiceId: z.string().min(1).max(100),
        amount: moneyJsonSchema.describe('What this invoice gets, e.g. { "amount": "119.00", "currency": "EUR" }'),
      }),
    )
    .min(1)
    .max(50)
    .superRefine((allocations, context) => {
      const seen = new Set<string>();
      allocations.forEach((allocation, index) => {
        if (seen.has(allocation.invoiceId)) context.addIssue({ code: "custom", message: "names an invoice a second time: give each invoice one allocation", path: [index, "invoiceId"] });
        seen.add(allocation.invoiceId);
      });
    })
    .describe("The invoices the money pays and how much each gets; the amounts add up exactly to the transaction's amount"),
});

/** Body of `POST /v1/bank-statement-transactions/:id/dismissal`. */
export const dismissBankTransactionBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe("Why no invoice gets the money (refunded to the payer, belongs to another company, …)"),
});

const bookingSchema = z
  .object({
    kind: z.enum(["payment", "reversal"]).describe("payment: recorded on the invoice; reversal: the invoice's payment was reversed (a returned direct debit)"),
    invoiceId: z.string(),
    paymentId: z.string(),
    amount: moneySchema,
  })
  .meta({ id: "BankStatementBooking" });

/** A transaction of an imported camt file, with its outcome and what it did to invoices. */
export const bankTransactionResponseSchema = z
  .object({
    id: z.string(),
    importId: z.string(),
    position: z.number().int().describe("Order in the file, from 0"),
    statementId: z.string().describe("Stmt/Id (camt.053) or Ntfctn/Id (camt.054)"),
    accountIban: z.string().describe("The installation's own account the statement is about"),
    bankReference: z.string().nullable().describe("The bank's reference of the booking (AcctSvcrRef); one booking is acted on once"),
    direction: z.enum(["credit", "debit"]),
    amount: moneySchema,
    entryStatus: z.enum(["booked", "pending", "info"]),
    reversal: z.boolean().describe("The bank took back an earlier entry (RvslInd)"),
    bookingDate: z.string().nullable(),
    valueDate: z.string().nullable().describe("T6: the day the money counts as received"),
    counterpartyName: z.string().nullable(),
    counterpartyIbanMasked: z.string().nullable().describe("e.g. DE89 **** **** **** **30 00: the full IBAN stays in the sealed file"),
    remittance: z.string(),
    endToEndId: z.string().nullable(),
    mandateReference: z.string().nullable(),
    returnReason: z.string().nullable().describe("ISO return reason of a returned direct debit, e.g. MD06"),
    outcome: z.enum(BANK_STATEMENT_TRANSACTION_OUTCOMES),
    code: z.string().nullable().describe("Why it is in review, not applicable or a duplicate, e.g. BANK_MATCH_NO_INVOICE"),
    message: z.string().nullable(),
    duplicateOf: z.string().nullable().describe("The transaction that acted on the same bank booking"),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    dismissalReason: z.string().nullable(),
    createdAt: z.string(),
    bookings: z.array(bookingSchema),
  })
  .meta({ id: "BankStatementTransaction" });

const outcomeCountsSchema = z
  .object({
    booked: z.number().int(),
    returned: z.number().int(),
    review: z.number().int(),
    notApplicable: z.number().int(),
    duplicate: z.number().int(),
    assigned: z.number().int(),
    dismissed: z.number().int(),
  })
  .meta({ id: "BankStatementOutcomeCounts" });

/** An imported camt file as the list shows it. */
export const bankStatementImportSummarySchema = z
  .object({
    id: z.string(),
    messageId: z.string().describe("GrpHdr/MsgId: a file is imported once"),
    messageType: z.string().describe('e.g. "camt.053.001.08"'),
    kind: z.enum(["statement", "notification"]).describe("statement: camt.053; notification: camt.054"),
    filename: z.string().nullable(),
    createdAt: z.string().describe("GrpHdr/CreDtTm, as the bank wrote it"),
    importedAt: z.string(),
    importedBy: z.string(),
    transactionCount: z.number().int(),
  })
  .meta({ id: "BankStatementImportSummary" });

/** An imported camt file with the outcome of each of its transactions. */
export const bankStatementImportResponseSchema = bankStatementImportSummarySchema
  .extend({
    counts: outcomeCountsSchema,
    transactions: z.array(bankTransactionResponseSchema),
  })
  .meta({ id: "BankStatementImport" });
