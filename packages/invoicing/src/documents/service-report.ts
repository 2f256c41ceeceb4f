import { z } from "zod";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { deepFreeze } from "./deep-freeze.js";
import { serviceReportIdSchema } from "./identifiers.js";
import { isoDateSchema, periodSchema } from "./iso-date.js";
import { partySchema, sellerSchema } from "./party.js";

/** zod schema of one service entry (C5, C6). */
export const serviceEntrySchema = z
  .object({
    /** The work date: entries count toward the period of this date (C6). */
    workDate: isoDateSchema,
    ticketId: z.string().min(1).max(100).optional(),
    technician: z.string().min(1).max(200),
    description: z.string().min(1).max(2000),
    /** Minutes as recorded (C6 keeps them beside the billed minutes). */
    rawMinutes: z.number().int().min(0).max(100000),
    /** Minutes after the increment and minimum rules (C6); 0 for non-billable entries. */
    billedMinutes: z.number().int().min(0).max(100000),
    /** C5: billable or not. */
    billable: z.boolean(),
    /** C5: why a non-billable entry is not billed (required for those). */
    justification: z.string().min(1).max(2000).optional(),
  })
  .strict();

/** One service entry. */
export type ServiceEntry = z.output<typeof serviceEntrySchema>;

/** zod schema of a service report (C8). */
export const serviceReportInputSchema = z
  .object({
    /** The service-report ID printed on the invoice (C8). */
    id: serviceReportIdSchema,
    issueDate: isoDateSchema,
    period: periodSchema,
    seller: sellerSchema,
    customer: partySchema,
    contractReference: z.string().min(1).max(100).optional(),
    entries: z.array(serviceEntrySchema).max(100000),
  })
  .strict();

/** A service report as given. */
export type ServiceReportInput = z.input<typeof serviceReportInputSchema>;

/** A composed, deeply frozen service report with its entries in work-date order. */
export type ServiceReport = Readonly<z.output<typeof serviceReportInputSchema>> & {
  /** Sum of the billed minutes of billable entries. */
  readonly billableMinutes: number;
  /** Sum of the recorded minutes of non-billable entries (work performed, not billed, C5). */
  readonly nonBillableMinutes: number;
};

/**
 * Composes the service report (C8) that lists every entry of the period, billable or not (C5):
 * a non-billable entry needs the technician's justification (`C5_JUSTIFICATION_MISSING`) and
 * bills no minutes; an entry dated outside the period is refused (C6 counts by work date).
 */
export function composeServiceReport(input: ServiceReportInput): Result<ServiceReport> {
  const parsed = serviceReportInputSchema.safeParse(input);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const source = parsed.data;
  const errors: InvoicingIssue[] = [];
  source.entries.forEach((entry, index) => {
    const path = ["entries", index];
    if (!entry.billable && entry.justification === undefined) {
      errors.push(issue("C5_JUSTIFICATION_MISSING", "A non-billable entry needs the technician's justification (C5)", [...path, "justification"]));
    }
    if (!entry.billable && entry.billedMinutes !== 0) {
      errors.push(issue("INVALID_INPUT", "A non-billable entry bills no minutes (C5)", [...path, "billedMinutes"]));
    }
    if (entry.workDate < source.period.start || entry.workDate > source.period.end) {
      errors.push(issue("PERIOD_INVALID", `Work date ${entry.workDate} is outside the report period (C6)`, [...path, "workDate"]));
    }
  });
  if (errors.length > 0) return failure(errors);
  const entries = source.entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.workDate < b.entry.workDate ? -1 : a.entry.workDate > b.entry.workDate ? 1 : a.index - b.index))
    .map(({ entry }) => entry);
  const billableMinutes = entries.reduce((sum, entry) => sum + (entry.billable ? entry.billedMinutes : 0), 0);
  const nonBillableMinutes = entries.reduce((sum, entry) => sum + (entry.billable ? 0 : entry.rawMinutes), 0);
  return success(deepFreeze({ ...source, entries, billableMinutes, nonBillableMinutes }));
}
