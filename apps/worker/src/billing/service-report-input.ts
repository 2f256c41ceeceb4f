import { firstDayOf, lastDayOf, type ClosedMonth } from "@kontor/contingent";
import type { SellerInput, ServiceReportInput } from "@kontor/invoicing";
import { DateTime } from "luxon";
import { billingPartyOf } from "./billing-party.js";
import type { ClosedContractMonth } from "./closed-contract-month.js";

/**
 * The day a closed month's documents are issued: the day of the close in the contract's zone
 * (P2). Derived from the stored record, never the clock, so a retried handler issues the same
 * documents.
 */
export function issueDateOf(closed: ClosedMonth): string {
  const local = DateTime.fromISO(closed.closedAt, { zone: closed.zone });
  if (!local.isValid) throw new Error(`Closed month ${closed.contractId} ${closed.month} has an invalid close instant ${closed.closedAt}`);
  return local.toISODate();
}

/**
 * The service report document (C8) of a closed month: every entry booked into it, billable or
 * not, with recorded and billed minutes (C6) and the justification of non-billable work (C5).
 * The period is the month, widened to the work date of a back-dated entry the month carries.
 * Addressed like the month's invoice, to the contract's billing party (O1: the branch the
 * contract serves when branches are billed separately, else the head office).
 */
export function serviceReportInputOf(month: ClosedContractMonth, seller: SellerInput): ServiceReportInput {
  const { closed } = month;
  const { serviceReport } = closed;
  let start = firstDayOf(closed.month);
  for (const entry of serviceReport.entries) if (entry.workDate < start) start = entry.workDate;
  return {
    id: serviceReport.id,
    issueDate: issueDateOf(closed),
    period: { start, end: lastDayOf(closed.month) },
    seller,
    customer: billingPartyOf(month.organization, month.contract).buyer,
    contractReference: closed.contractId,
    entries: serviceReport.entries.map((entry) => ({
      workDate: entry.workDate,
      ticketId: entry.ticketRef,
      technician: entry.technician,
      // The report needs a text per line; an entry typed without one shows its work type.
      description: entry.description.trim() === "" ? entry.workType : entry.description,
      rawMinutes: entry.rawMinutes,
      billedMinutes: entry.billable ? entry.billedMinutes : 0,
      billable: entry.billable,
      ...(entry.justification === null || entry.justification === "" ? {} : { justification: entry.justification }),
    })),
  };
}
