import type { BankStatementBookingRow, BankStatementImportRow, BankStatementTransactionRow } from "@kontor/db";
import type { z } from "zod";
import type { bankStatementImportResponseSchema, bankStatementImportSummarySchema, bankTransactionResponseSchema } from "./bank-statement-schemas.js";

/** How many transactions of a file have each outcome. */
export interface OutcomeCounts {
  booked: number;
  returned: number;
  review: number;
  notApplicable: number;
  duplicate: number;
  assigned: number;
  dismissed: number;
}

/** Counts `outcomes` by outcome. */
export function countOutcomes(outcomes: readonly string[]): OutcomeCounts {
  const counts: OutcomeCounts = { booked: 0, returned: 0, review: 0, notApplicable: 0, duplicate: 0, assigned: 0, dismissed: 0 };
  for (const outcome of outcomes) {
    if (outcome === "not-applicable") counts.notApplicable += 1;
    else if (outcome in counts) counts[outcome as keyof OutcomeCounts] += 1;
  }
  return counts;
}

const money = (amount: string, currency: string) => ({ amount, currency });

/** A transaction with its bookings. */
export function toTransactionResponse(row: BankStatementTransactionRow, bookings: readonly BankStatementBookingRow[]): z.input<typeof bankTransactionResponseSchema> {
  return {
    id: row.id,
    importId: row.importId,
    position: row.position,
    statementId: row.statementId,
    accountIban: row.accountIban,
    bankReference: row.bankReference,
    direction: row.direction,
    amount: money(row.amount, row.currency),
    entryStatus: row.entryStatus,
    reversal: row.reversal,
    bookingDate: row.bookingDate,
    valueDate: row.valueDate,
    counterpartyName: row.counterpartyName,
    counterpartyIbanMasked: row.counterpartyIbanMasked,
    remittance: row.remittance,
    endToEndId: row.endToEndId,
    mandateReference: row.mandateReference,
    returnReason: row.returnReason,
    outcome: row.outcome,
    code: row.outcomeCode,
    message: row.outcomeMessage,
    duplicateOf: row.duplicateOf,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    dismissalReason: row.dismissalReason,
    createdAt: row.createdAt.toISOString(),
    bookings: bookings
      .filter((booking) => booking.transactionId === row.id)
      .map((booking) => ({ kind: booking.kind, invoiceId: booking.invoiceId, paymentId: booking.paymentId, amount: money(booking.amount, booking.currency) })),
  };
}

/** An import as the list shows it. */
export function toImportSummary(row: BankStatementImportRow): z.input<typeof bankStatementImportSummarySchema> {
  return {
    id: row.id,
    messageId: row.messageId,
    messageType: row.messageType,
    kind: row.kind,
    filename: row.filename,
    createdAt: row.fileCreatedAt,
    importedAt: row.importedAt.toISOString(),
    importedBy: row.importedBy,
    transactionCount: row.transactionCount,
  };
}

/** An import with every transaction and its bookings. */
export function toImportResponse(
  row: BankStatementImportRow,
  transactions: readonly BankStatementTransactionRow[],
  bookings: readonly BankStatementBookingRow[],
): z.input<typeof bankStatementImportResponseSchema> {
  return {
    ...toImportSummary(row),
    counts: countOutcomes(transactions.map((transaction) => transaction.outcome)),
    transactions: [...transactions].sort((a, b) => a.position - b.position).map((transaction) => toTransactionResponse(transaction, bookings)),
  };
}
