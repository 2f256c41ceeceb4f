/**
 * Property tests of the invariants issue 5 names: the balance identity at every instant,
 * byte-identical month closes, non-billable entries that change nothing, and exact hours.
 */
import { fromEpochDay, toEpochDay } from "@kontor/calendar";
import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closeMonth } from "./close/close-month.js";
import type { ClosedMonth } from "./close/closed-month.js";
import type { Contract } from "./contracts/contract.js";
import { setContractEnd } from "./contracts/contract-end.js";
import { billedMinutes } from "./entries/billed-minutes.js";
import type { TimeEntryInput } from "./entries/time-entry.js";
import { minutesToHours } from "./hours.js";
import { adjustBalance } from "./ledger/adjust-balance.js";
import { cancelTimeEntry } from "./ledger/cancel-time-entry.js";
import { contractAccountSchema, openAccount, type ContractAccount } from "./ledger/contract-account.js";
import type { LedgerPosting } from "./ledger/ledger-posting.js";
import { postMonthlyCredits } from "./ledger/monthly-credits.js";
import { recordTimeEntries } from "./ledger/record-time-entries.js";
import { statementAsOf } from "./ledger/statement-as-of.js";
import { DEFAULT_TIME_BILLING_POLICY } from "./policies/default-policies.js";
import { DEFAULT_POLICY_SET, type PolicySet } from "./policies/policy-set.js";
import { agreementOnly, contingentContract, unwrap } from "./testing/fixtures.js";
import { monthOf } from "./time/month-key.js";

const START = toEpochDay("2026-01-01");
const DAYS = 120; // 2026-01-01 … 2026-04-30
const dayOf = (offset: number) => fromEpochDay(START + offset);
const noonOf = (date: string) => `${date}T12:00:00+01:00`;
const lateOf = (date: string) => `${date}T22:30:00+01:00`;

interface EntryAction {
  readonly workDay: number;
  readonly lag: number;
  readonly rawMinutes: number;
  readonly billable: boolean;
  readonly afterHours: boolean;
  readonly onSite: boolean;
}

const entryActionArb: fc.Arbitrary<EntryAction> = fc.record({
  workDay: fc.integer({ min: 0, max: DAYS - 1 }),
  lag: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 25 })),
  rawMinutes: fc.integer({ min: 1, max: 600 }),
  billable: fc.boolean(),
  afterHours: fc.boolean(),
  onSite: fc.boolean(),
});

function toInput(contract: Contract, action: EntryAction, index: number): TimeEntryInput {
  return {
    id: `P-${String(index)}`,
    contractId: contract.id,
    workDate: dayOf(action.workDay),
    rawMinutes: action.rawMinutes,
    technician: index % 2 === 0 ? "A" : "B",
    ticketRef: `T-${String(index % 7)}`,
    workType: action.onSite ? "on-site-service" : "remote-support",
    location: action.onSite ? "on-site" : "remote",
    billable: action.billable,
    justification: action.billable ? null : "Covered by warranty",
    afterHours: action.afterHours,
    travel: action.onSite ? { zone: action.rawMinutes % 2 === 0 ? "1" : "2" } : null,
  };
}

const policies: PolicySet = {
  ...DEFAULT_POLICY_SET,
  timeBilling: [{ ...DEFAULT_TIME_BILLING_POLICY, afterHoursMultiplierPercent: 150 }],
};

interface Simulation {
  readonly account: ContractAccount;
  readonly closed: ClosedMonth[];
}

/**
 * Runs day by day: months are closed `closeDelay` days after they end (so late entries become
 * back-dated adjustments), entries are recorded `lag` days after their work date, adjustments on
 * their day. `check` runs after every day.
 */
function simulate(
  contract: Contract,
  actions: readonly EntryAction[],
  adjustments: readonly { day: number; minutes: number }[],
  closeDelay: number,
  check: (day: string, state: Simulation) => void = () => undefined,
  include: (action: EntryAction) => boolean = () => true,
  cancel: (action: EntryAction) => boolean = () => false,
): Simulation {
  let account = openAccount(contract);
  const closed: ClosedMonth[] = [];
  // Indexes (and so entry ids) are taken before filtering: runs with and without some entries share ids.
  const indexed = actions
    .map((action, index) => ({ action, index, recordDay: Math.min(DAYS - 1, action.workDay + action.lag) }))
    .filter((item) => include(item.action));
  for (let d = 0; d < DAYS; d++) {
    const today = dayOf(d);
    const closeable = monthOf(dayOf(Math.max(0, d - closeDelay)));
    while (account.firstOpenMonth < closeable && account.firstOpenMonth < monthOf(today)) {
      const result = unwrap(closeMonth(account, { month: account.firstOpenMonth }, { contract, asOf: noonOf(today), policies }));
      closed.push(result.closed);
      account = result.account;
    }
    const due = indexed.filter((item) => item.recordDay === d).map((item) => toInput(contract, item.action, item.index));
    if (due.length > 0) account = unwrap(recordTimeEntries(account, due, { contract, asOf: noonOf(today), policies })).account;
    for (const item of indexed) {
      if (item.recordDay !== d || !cancel(item.action)) continue;
      const input = { entryId: `P-${String(item.index)}`, reason: "Typed in by mistake" };
      account = unwrap(cancelTimeEntry(account, input, { contract, asOf: lateOf(today), policies })).account;
    }
    adjustments.forEach((adjustment, i) => {
      if (adjustment.day !== d || contract.kind !== "contingent") return;
      const input = { id: `A-${String(i)}`, date: today, minutes: adjustment.minutes, reason: "Goodwill" };
      account = unwrap(adjustBalance(account, input, { contract, asOf: noonOf(today), policies })).account;
    });
    check(today, { account, closed });
  }
  return { account, closed };
}

/** Every posting of the contract so far: closed months, open months and credits due by `date`. */
function fullLedger(contract: Contract, state: Simulation, date: string): LedgerPosting[] {
  const credited = postMonthlyCredits(state.account, contract, monthOf(date));
  return [...state.closed.flatMap((record) => record.statement?.postings ?? []), ...credited.postings];
}

function independentBalance(ledger: readonly LedgerPosting[], date: string): number {
  let credits = 0;
  let debits = 0;
  let adjustments = 0;
  for (const posting of ledger) {
    if (posting.date > date) continue;
    if (posting.kind === "credit") credits += posting.minutes;
    else if (posting.kind === "debit") debits += posting.minutes;
    else adjustments += posting.minutes;
  }
  return credits - debits + adjustments;
}

const adjustmentArb = fc.array(
  fc.record({ day: fc.integer({ min: 0, max: DAYS - 1 }), minutes: fc.integer({ min: -300, max: 300 }).filter((m) => m !== 0) }),
  { maxLength: 6 },
);
const contingentArb = fc
  .record({ monthlyMinutes: fc.integer({ min: 60, max: 1200 }), overdraftAllowed: fc.boolean() })
  .map((terms) => contingentContract(terms));

describe("properties (C2, C3, C5, C7, C8)", () => {
  it("C7: balance = credits − debits + adjustments at every instant, with back-dated entries and corrections", () => {
    fc.assert(
      fc.property(contingentArb, fc.array(entryActionArb, { maxLength: 60 }), adjustmentArb, fc.integer({ min: 0, max: 10 }), (contract, actions, adjustments, delay) => {
        const final = simulate(contract, actions, adjustments, delay, (today, state) => {
          const statement = unwrap(statementAsOf(state.account, state.closed, { contract, asOf: lateOf(today) }));
          const expected = independentBalance(fullLedger(contract, state, today), today);
          expect(statement.balanceMinutes).toBe(expected);
          expect(statement.balanceMinutes).toBe(statement.openingMinutes + statement.creditMinutes - statement.debitMinutes + statement.adjustmentMinutes);
        });
        // Afterwards, every past day — closed months included — still satisfies the identity.
        const ledger = fullLedger(contract, final, dayOf(DAYS - 1));
        for (let d = 0; d < DAYS; d++) {
          const day = dayOf(d);
          const statement = unwrap(statementAsOf(final.account, final.closed, { contract, asOf: lateOf(day) }));
          expect(statement.balanceMinutes).toBe(independentBalance(ledger, day));
        }
        // Month ends chain: each closing is the next opening.
        final.closed.forEach((record, i) => {
          const s = record.statement!;
          expect(s.closingMinutes).toBe(s.openingMinutes + s.creditMinutes - s.debitMinutes + s.adjustmentMinutes);
          if (i > 0) expect(s.openingMinutes).toBe(final.closed[i - 1]!.statement!.closingMinutes);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("C8: re-running a month close on the same inputs gives byte-identical JSON, also after a JSON round trip", () => {
    fc.assert(
      fc.property(
        fc.oneof(contingentArb, fc.constant(agreementOnly())),
        fc.array(entryActionArb.map((a) => ({ ...a, workDay: a.workDay % 31, lag: 0 })), { maxLength: 40 }),
        (contract, actions) => {
          const inputs = actions.map((action, i) => toInput(contract, action, i));
          const { account } = unwrap(recordTimeEntries(openAccount(contract), inputs, { contract, asOf: lateOf("2026-01-31"), policies }));
          const context = { contract, asOf: "2026-02-01T06:00:00+01:00", policies };
          const first = JSON.stringify(unwrap(closeMonth(account, { month: "2026-01" }, context)));
          const second = JSON.stringify(unwrap(closeMonth(account, { month: "2026-01" }, context)));
          const reloaded = contractAccountSchema.parse(JSON.parse(JSON.stringify(account)));
          const third = JSON.stringify(unwrap(closeMonth(reloaded, { month: "2026-01" }, context)));
          expect(second).toBe(first);
          expect(third).toBe(first);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("C5: non-billable entries never change any balance or invoice line", () => {
    fc.assert(
      fc.property(
        fc.oneof(contingentArb, fc.constant(agreementOnly())),
        fc.array(entryActionArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (contract, actions, delay) => {
          const withAll = simulate(contract, actions, [], delay);
          const withoutNonBillable = simulate(contract, actions, [], delay, undefined, (action) => action.billable);
          const nonBillable = actions.filter((action) => !action.billable).length;
          expect(withAll.closed.reduce((n, r) => n + r.serviceReport.entries.length, 0) + withAll.account.entries.length).toBe(
            withoutNonBillable.closed.reduce((n, r) => n + r.serviceReport.entries.length, 0) + withoutNonBillable.account.entries.length + nonBillable,
          );
          const strip = (state: Simulation) =>
            state.closed.map((record) => ({ statement: record.statement, invoice: record.invoice, flags: record.flags, warnings: record.warnings }));
          expect(JSON.stringify(strip(withAll))).toBe(JSON.stringify(strip(withoutNonBillable)));
          expect(withAll.account.postings).toEqual(withoutNonBillable.account.postings);
          for (const record of withAll.closed) {
            for (const e of record.serviceReport.entries) if (!e.billable) expect(e.billedMinutes).toBe(0);
          }
          if (contract.kind === "contingent") {
            for (let d = 0; d < DAYS; d += 7) {
              const at = { contract, asOf: lateOf(dayOf(d)) };
              expect(unwrap(statementAsOf(withAll.account, withAll.closed, at)).balanceMinutes).toBe(
                unwrap(statementAsOf(withoutNonBillable.account, withoutNonBillable.closed, at)).balanceMinutes,
              );
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("cancelling time entries (C6, C8)", () => {
  it("C6: entries cancelled on the day they were recorded leave every month close as if they had never been recorded; the ledger still balances", () => {
    fc.assert(
      fc.property(
        fc.oneof(contingentArb, fc.constant(agreementOnly())),
        fc.array(fc.tuple(entryActionArb, fc.boolean()), { maxLength: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (contract, pairs, delay) => {
          const actions = pairs.map(([action]) => action);
          const cancelled = new Set(pairs.filter(([, cancel]) => cancel).map(([action]) => action));
          const withCancellations = simulate(contract, actions, [], delay, undefined, undefined, (action) => cancelled.has(action));
          const neverRecorded = simulate(contract, actions, [], delay, undefined, (action) => !cancelled.has(action));
          const outcome = (state: Simulation) =>
            state.closed.map((record) => ({
              month: record.month,
              balance: record.statement === null ? null : [record.statement.openingMinutes, record.statement.chargedMinutes, record.statement.correctionMinutes, record.statement.closingMinutes],
              serviceReport: record.serviceReport,
              invoice: record.invoice,
              flags: record.flags,
              warnings: record.warnings,
            }));
          expect(JSON.stringify(outcome(withCancellations))).toBe(JSON.stringify(outcome(neverRecorded)));
          for (const record of withCancellations.closed) {
            const s = record.statement;
            if (s !== null) expect(s.closingMinutes).toBe(s.openingMinutes + s.creditMinutes - s.debitMinutes + s.adjustmentMinutes);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("ending a contract (C1, C2, C8)", () => {
  it("C1/C2: whenever notice is accepted, exactly the months of the term are credited and billed, each once; refused notice changes nothing", () => {
    fc.assert(
      fc.property(
        contingentArb,
        fc.array(entryActionArb, { minLength: 10, maxLength: 60 }),
        fc.integer({ min: 0, max: DAYS - 1 }),
        // Notice for a day shortly before or after it: around month ends, where closes and credits race.
        fc.integer({ min: -12, max: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (contract, actions, noticeDay, endOffset, closeDelay) => {
          let current: Contract = contract;
          let account = openAccount(contract);
          const closed: ClosedMonth[] = [];
          const endDate = dayOf(Math.min(DAYS - 1, Math.max(0, noticeDay + endOffset)));
          for (let d = 0; d < DAYS; d++) {
            const today = dayOf(d);
            const closeable = monthOf(dayOf(Math.max(0, d - closeDelay)));
            while (account.firstOpenMonth < closeable && account.firstOpenMonth < monthOf(today)) {
              const result = unwrap(closeMonth(account, { month: account.firstOpenMonth }, { contract: current, asOf: noonOf(today), policies }));
              closed.push(result.closed);
              account = result.account;
            }
            if (d === noticeDay) {
              const ended = setContractEnd(current, account, { endDate });
              if (ended.ok) current = ended.value;
              else expect(current.endDate).toBeNull();
            }
            const due = actions
              .map((action, index) => ({ action, index }))
              .filter(({ action }) => Math.min(DAYS - 1, action.workDay + action.lag) === d)
              .map(({ action, index }) => toInput(current, action, index));
            if (due.length === 0) continue;
            const recorded = recordTimeEntries(account, due, { contract: current, asOf: noonOf(today), policies });
            // C1: work after an accepted end is refused, all or nothing.
            if (current.endDate !== null && due.some((input) => input.workDate > endDate)) {
              expect(recorded.ok).toBe(false);
              continue;
            }
            account = unwrap(recorded).account;
          }
          // Close everything through April (the simulation's last month) on 1 May.
          while (account.firstOpenMonth <= "2026-04") {
            const result = unwrap(closeMonth(account, { month: account.firstOpenMonth }, { contract: current, asOf: "2026-05-01T12:00:00+02:00", policies }));
            closed.push(result.closed);
            account = result.account;
          }
          const lastMonth = current.endDate === null ? "2026-04" : monthOf(current.endDate);
          const monthly = current.kind === "contingent" ? current.contingent.monthlyMinutes : 0;
          for (const record of closed) {
            const inTerm = record.month <= lastMonth;
            expect(record.statement?.creditMinutes).toBe(inTerm ? monthly : 0);
            expect(record.invoice.lines.filter((line) => line.kind === "contingent-monthly").length).toBe(inTerm ? 1 : 0);
          }
          expect(closed.map((record) => record.month)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
          // No work reported or billed for a day after the end.
          const lastDay = current.endDate ?? dayOf(DAYS - 1);
          for (const record of closed) for (const e of record.serviceReport.entries) expect(e.workDate <= lastDay).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("exact hours (no floating point drift)", () => {
  it("C2: 10,000 six-minute entries use up exactly 1,000 prepaid hours — a float sum of 0.1 h would not", () => {
    const contract = contingentContract({ monthlyMinutes: 60_000, monthlyPrice: "95000.00" });
    const sixMinutes: PolicySet = { ...DEFAULT_POLICY_SET, timeBilling: [{ ...DEFAULT_TIME_BILLING_POLICY, incrementMinutes: 6, minimumMinutes: 6 }] };
    const inputs = Array.from({ length: 10_000 }, (_, i): TimeEntryInput => ({
      id: `D-${String(i)}`,
      contractId: contract.id,
      workDate: dayOf(i % 31),
      rawMinutes: 6,
      technician: "A",
      ticketRef: "T-1",
      workType: "remote-support",
      location: "remote",
      billable: true,
    }));
    const { account } = unwrap(recordTimeEntries(openAccount(contract), inputs, { contract, asOf: lateOf("2026-01-31"), policies: sixMinutes }));
    const { closed } = unwrap(closeMonth(account, { month: "2026-01" }, { contract, asOf: "2026-02-01T06:00:00+01:00", policies: sixMinutes }));
    expect(closed.statement).toMatchObject({ debitMinutes: 60_000, closingMinutes: 0, correctionTrigger: null });
    expect(minutesToHours(closed.statement!.debitMinutes)).toBe("1000");
    expect(inputs.reduce((sum) => sum + 0.1, 0)).not.toBe(1000); // what floating hours would have done
  });

  it("P3: 10,000 time-and-material entries price to exactly rate × total minutes / 60, rounded once", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 10_000, maxLength: 10_000 }), (raws) => {
        const contract = agreementOnly();
        const inputs = raws.map((rawMinutes, i): TimeEntryInput => ({
          id: `M-${String(i)}`,
          contractId: contract.id,
          workDate: dayOf(i % 31),
          rawMinutes,
          technician: "A",
          ticketRef: "T-1",
          workType: "remote-support",
          location: "remote",
          billable: true,
        }));
        const { account } = unwrap(recordTimeEntries(openAccount(contract), inputs, { contract, asOf: lateOf("2026-01-31") }));
        const { closed } = unwrap(closeMonth(account, { month: "2026-01" }, { contract, asOf: "2026-02-01T06:00:00+01:00" }));
        const total = raws.reduce((sum, raw) => sum + billedMinutes({ rawMinutes: raw, workType: "remote-support", afterHours: false }, DEFAULT_TIME_BILLING_POLICY), 0);
        const [line] = closed.invoice.lines;
        expect(line?.minutes).toBe(total);
        expect(line?.net.amount).toBe(Money.of("95.00", "EUR").multiply(total).divide(60).round().toFixed());
        expect(line?.quantity).toBe(minutesToHours(total));
      }),
      { numRuns: 3 },
    );
  });
});
