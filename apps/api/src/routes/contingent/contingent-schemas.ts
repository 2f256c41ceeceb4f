import { CONTRACT_KINDS, contractInputSchema, invoiceLineSchema, ledgerPostingSchema, monthKeySchema, timeEntryInputSchema } from "@kontor/contingent";
import { moneyJsonSchema } from "@kontor/money";
import { z } from "zod";
import { instantSchema } from "../../http/route-schemas.js";

/** A stored contract: the parsed `Contract` (defaults filled in) and where its books stand. */
export const contractResponseSchema = z
  .object({
    contract: contractInputSchema,
    organizationId: z.string(),
    firstOpenMonth: monthKeySchema.describe("The earliest month not yet closed"),
    version: z.int(),
    createdAt: instantSchema,
  })
  .meta({ id: "ContractRecord" });

/** A recorded `TimeEntry`: the input plus the billed minutes, booking month and recording instant (C6). */
export const timeEntrySchema = timeEntryInputSchema
  .extend({
    billedMinutes: z.int().min(0).describe("C6: after multipliers, increment rounding and the minimum; 0 for non-billable entries (C5)"),
    bookingMonth: monthKeySchema,
    recordedAt: z.string(),
    cancelled: z
      .object({ at: z.string(), reason: z.string() })
      .optional()
      .describe("C6: set once the entry is cancelled; it is then never reported or billed"),
  })
  .meta({ id: "TimeEntry" });

/** A `ContingentEvent` (time entry recorded, threshold reached, invoice due, …), as written to the outbox. */
export const contingentEventSchema = z
  .looseObject({
    type: z.enum([
      "time-entry-recorded",
      "time-entry-cancelled",
      "threshold-reached",
      "balance-exhausted",
      "balance-adjusted",
      "service-report-ready",
      "invoice-due",
      "correction-invoice-due",
      "account-manager-flag",
      "billed-separately",
      "month-closed",
    ]),
    contractId: z.string(),
  })
  .meta({ id: "ContingentEvent" });

/** `BalanceStatement` (C7) plus the balance in hours as an exact decimal string. */
export const balanceStatementSchema = z.object({
  contractId: z.string(),
  date: z.string().describe("The local day of asOf in the contract's zone"),
  month: monthKeySchema,
  closed: z.boolean(),
  balanceMinutes: z.int(),
  balanceHours: z.string().describe('Exact hours, e.g. "12.5"'),
  openingMinutes: z.int(),
  creditMinutes: z.int(),
  debitMinutes: z.int(),
  adjustmentMinutes: z.int(),
  postings: z.array(ledgerPostingSchema),
});

const monthStatementSchema = z.object({
  month: monthKeySchema,
  openingMinutes: z.int(),
  creditMinutes: z.int(),
  debitMinutes: z.int(),
  adjustmentMinutes: z.int(),
  correctionMinutes: z.int(),
  closingBeforeCorrectionMinutes: z.int(),
  closingMinutes: z.int(),
  chargedMinutes: z.int(),
  negativeMonthEnds: z.int(),
  correctionTrigger: z.enum(["consecutive-negative-month-ends", "deficit-below-limit", "overdraft-not-allowed", "contract-end"]).nullable(),
  postings: z.array(ledgerPostingSchema),
});

/** `ClosedMonth` (C2–C9): statement, service report, invoice lines, flags and warnings of one month. */
export const closedMonthSchema = z
  .object({
    contractId: z.string(),
    customerId: z.string(),
    contractKind: z.enum(CONTRACT_KINDS),
    month: monthKeySchema,
    zone: z.string(),
    currency: z.string(),
    closedAt: z.string(),
    statement: monthStatementSchema.nullable(),
    serviceReport: z.object({
      id: z.string(),
      contractId: z.string(),
      customerId: z.string(),
      month: monthKeySchema,
      entries: z.array(timeEntrySchema),
      totals: z.object({ entries: z.int(), rawMinutes: z.int(), billedMinutes: z.int(), billableRawMinutes: z.int(), nonBillableRawMinutes: z.int() }),
    }),
    invoice: z.object({
      presentation: z.enum(["service-report-id-and-amount", "itemized", "separate-direct-debit"]),
      serviceReportId: z.string(),
      lines: z.array(invoiceLineSchema),
      net: moneyJsonSchema,
    }),
    flags: z.object({ overbooked: z.boolean(), oversized: z.boolean() }),
    warnings: z.array(z.object({ thresholdPercent: z.int(), usedMinutes: z.int(), creditMinutes: z.int() })),
  })
  .meta({ id: "ClosedMonth" });
