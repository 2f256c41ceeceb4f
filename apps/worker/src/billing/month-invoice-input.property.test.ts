import { closeMonth, DEFAULT_POLICY_SET, openAccount, parseContract, recordTimeEntries, type PolicySet, type TimeEntryInput } from "@kontor/contingent";
import { composeInvoice, unwrap } from "@kontor/invoicing";
import { Money } from "@kontor/money";
import { DEFAULT_TERMS_POLICY_SET } from "@kontor/terms";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEBER_LOGISTIK } from "../testing/billing-customers.js";
import { TEST_COOPERATION_TERMS } from "../testing/cooperation-terms.js";
import { DEFAULT_BILLING_SETTINGS } from "./billing-settings.js";
import { monthInvoiceInput } from "./month-invoice-input.js";

/** C6: every minute billed as it is (1-minute steps, at least 1), so any total of minutes can be billed. */
const MINUTE_STEPS: PolicySet = {
  ...DEFAULT_POLICY_SET,
  timeBilling: DEFAULT_POLICY_SET.timeBilling.map((policy) => ({ ...policy, incrementMinutes: 1, minimumMinutes: 1 })),
};

/** 1999 → "19.99". */
function rateOf(cents: number): string {
  return `${String(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, "0")}`;
}

/**
 * The real month close of a time-and-material customer (C1, C8) who was billed `minutes` of remote
 * support at `cents` per hour in November 2026, in entries of at most 8 hours a day, then the
 * invoice the worker composes from it.
 */
function billed(minutes: number, cents: number) {
  const parsed = parseContract({
    kind: "cooperation-agreement",
    id: "ct-prop",
    customerId: WEBER_LOGISTIK.id,
    startDate: "2026-11-01",
    terms: { ...TEST_COOPERATION_TERMS, rates: [{ workType: "remote-support", description: "Remote support", hourlyRate: rateOf(cents) }] },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const contract = parsed.value;
  const entries: TimeEntryInput[] = [];
  for (let left = minutes, day = 1; left > 0; left -= 480, day += 1) {
    entries.push({
      id: `e${String(day)}`,
      contractId: contract.id,
      workDate: `2026-11-${String(day).padStart(2, "0")}`,
      rawMinutes: Math.min(left, 480),
      technician: "S. Wassmann",
      ticketRef: "T-2026-000500-0",
      workType: "remote-support",
      location: "remote",
      billable: true,
    });
  }
  const recorded = recordTimeEntries(openAccount(contract), entries, { contract, asOf: "2026-11-30T18:00:00+01:00", policies: MINUTE_STEPS });
  if (!recorded.ok) throw new Error(JSON.stringify(recorded.errors));
  const closing = closeMonth(recorded.value.account, { month: "2026-11" }, { contract, asOf: "2026-12-01T00:10:00+01:00", policies: MINUTE_STEPS });
  if (!closing.ok) throw new Error(JSON.stringify(closing.errors));
  const { closed } = closing.value;
  const input = monthInvoiceInput({ closed, organizationId: WEBER_LOGISTIK.id, organization: WEBER_LOGISTIK, contract }, DEFAULT_BILLING_SETTINGS, DEFAULT_TERMS_POLICY_SET);
  return { closed, input, invoice: unwrap(composeInvoice(input)) };
}

describe("monthInvoiceInput: the invoice line bills the contingent line's net (T5, P3, BT-149)", () => {
  it("50 minutes at 95.00: 50 MIN at 95.00 per 60 MIN = 79.17; 45 minutes stay 0.75 HUR = 71.25", () => {
    const fifty = billed(50, 9500);
    expect(fifty.invoice.lines.map((line) => [line.quantity, line.unitCode, line.baseQuantity, line.netAmount.toFixed()])).toEqual([["50", "MIN", "60", "79.17"]]);
    expect(fifty.closed.invoice.lines.map((line) => line.net.amount)).toEqual(["79.17"]);
    const fortyFive = billed(45, 9500);
    expect(fortyFive.invoice.lines.map((line) => [line.quantity, line.unitCode, line.baseQuantity, line.netAmount.toFixed()])).toEqual([["0.75", "HUR", undefined, "71.25"]]);
  });

  it("property: for any 1..6000 minutes at 0.01..1000.00 per hour the composed invoice line's net equals the contingent's", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6000 }), fc.integer({ min: 1, max: 100_000 }), (minutes, cents) => {
        const { closed, invoice } = billed(minutes, cents);
        expect(closed.invoice.lines.map((line) => line.minutes)).toEqual([minutes]);
        expect(invoice.lines.map((line) => line.netAmount.toFixed())).toEqual(closed.invoice.lines.map((line) => Money.fromJSON(line.net).toFixed()));
      }),
      { numRuns: 300 },
    );
  });

  it("property: the line is in hours when they are exact in 4 decimals (minutes divisible by 3), else in minutes at the rate per 60 minutes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6000 }), fc.integer({ min: 1, max: 100_000 }), (minutes, cents) => {
        const { closed, invoice } = billed(minutes, cents);
        const counted = invoice.lines.map((line) => [line.quantity, line.unitCode, line.baseQuantity]);
        expect(counted).toEqual((minutes * 10_000) % 60 === 0 ? [[closed.invoice.lines[0]?.quantity, "HUR", undefined]] : [[String(minutes), "MIN", "60"]]);
      }),
      { numRuns: 100 },
    );
  });
});
