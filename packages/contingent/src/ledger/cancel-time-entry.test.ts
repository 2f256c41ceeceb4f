import { describe, expect, it } from "vitest";
import { closeMonth } from "../close/close-month.js";
import { agreementOnly, asOfAfter, contingentContract, entry, runMonths, unwrap } from "../testing/fixtures.js";
import { cancelTimeEntry } from "./cancel-time-entry.js";
import { openAccount } from "./contract-account.js";
import { recordTimeEntries } from "./record-time-entries.js";
import { statementAsOf } from "./statement-as-of.js";

const contract = contingentContract(); // 10 hours (600 minutes) a month for 950.00 EUR
const at = (day: string, time = "12:00:00") => `${day}T${time}+01:00`;
const codes = (result: { ok: boolean; errors?: readonly { code: string; path: readonly (string | number)[] }[] }) =>
  result.ok ? [] : (result.errors ?? []).map((issue) => `${issue.code}@${issue.path.join(".")}`);

/** January: 150 minutes on the 7th, and 285 minutes on the 14th that should have been 28. */
const january = unwrap(
  recordTimeEntries(openAccount(contract), [entry("2026-01-07", 150, { id: "E-7" }), entry("2026-01-14", 285, { id: "E-14" })], { contract, asOf: at("2026-01-14", "17:00:00") }),
).account;

describe("cancelTimeEntry (C6, C7)", () => {
  it("C6/C7: the mistyped 285 minutes come back on the day of the cancellation; earlier days keep the balance they showed", () => {
    const { account, entry: cancelled, posting, events } = unwrap(cancelTimeEntry(january, { entryId: "E-14", reason: "285 statt 28 Minuten getippt" }, { contract, asOf: at("2026-01-20") }));
    expect(cancelled).toMatchObject({ id: "E-14", billedMinutes: 285, cancelled: { at: "2026-01-20T11:00:00.000Z", reason: "285 statt 28 Minuten getippt" } });
    expect(posting).toEqual({
      kind: "adjustment",
      id: "cancelled:E-14",
      date: "2026-01-20",
      recordedAt: "2026-01-20T11:00:00.000Z",
      minutes: 285,
      cause: "entry-cancelled",
      reason: "Entry E-14 of 2026-01-14 cancelled: 285 statt 28 Minuten getippt",
      entryId: "E-14",
      workDate: "2026-01-14",
    });
    expect(events).toEqual([{ type: "time-entry-cancelled", contractId: "K-1001", entryId: "E-14", bookingMonth: "2026-01", billedMinutes: 285, reason: "285 statt 28 Minuten getippt" }]);
    const balance = (day: string) => unwrap(statementAsOf(account, [], { contract, asOf: at(day, "23:00:00") })).balanceMinutes;
    expect(balance("2026-01-19")).toBe(600 - 150 - 285);
    expect(balance("2026-01-20")).toBe(600 - 150);
    // The account it was given is unchanged.
    expect(january.entries[1]?.cancelled).toBeUndefined();
  });

  it("C8: the month close neither reports nor charges the cancelled entry; the ledger shows debit and reversal", () => {
    const { account } = unwrap(cancelTimeEntry(january, { entryId: "E-14", reason: "Tippfehler" }, { contract, asOf: at("2026-01-20") }));
    const corrected = unwrap(recordTimeEntries(account, [entry("2026-01-14", 28, { id: "E-14b" })], { contract, asOf: at("2026-01-20") })).account;
    const { closed, account: after } = unwrap(closeMonth(corrected, { month: "2026-01" }, { contract, asOf: asOfAfter("2026-01") }));
    expect(closed.serviceReport.entries.map((e) => e.id)).toEqual(["E-7", "E-14b"]);
    expect(closed.serviceReport.totals).toMatchObject({ entries: 2, rawMinutes: 178, billedMinutes: 180 });
    expect(closed.statement).toMatchObject({ creditMinutes: 600, debitMinutes: 150 + 285 + 30, adjustmentMinutes: 285, chargedMinutes: 180, closingMinutes: 420 });
    expect(closed.invoice.lines.map((l) => l.net.amount)).toEqual(["950.00"]);
    expect(after.entries).toEqual([]);
  });

  it("C6: an agreement-only customer is billed time and material without the cancelled entry, and no posting is booked", () => {
    const coop = agreementOnly();
    const c = { contractId: coop.id };
    const recorded = unwrap(recordTimeEntries(openAccount(coop), [entry("2026-01-05", 60, { ...c, id: "T-1" }), entry("2026-01-06", 600, { ...c, id: "T-2" })], { contract: coop, asOf: at("2026-01-06") })).account;
    const { account, posting } = unwrap(cancelTimeEntry(recorded, { entryId: "T-2", reason: "Falscher Kunde" }, { contract: coop, asOf: at("2026-01-07") }));
    expect(posting).toBeNull();
    expect(account.postings).toEqual([]);
    const { closed } = unwrap(closeMonth(account, { month: "2026-01" }, { contract: coop, asOf: asOfAfter("2026-01") }));
    expect(closed.invoice.lines.map((l) => [l.kind, l.quantity, l.net.amount])).toEqual([["time-and-material", "1", "95.00"]]);
    expect(closed.serviceReport.entries.map((e) => e.id)).toEqual(["T-1"]);
  });

  it("C8: a back-dated entry cancelled in February gives its minutes back in February; January, ended but still open, takes the reversal on its last day", () => {
    const { account } = runMonths(contract, [["2026-01", []]]);
    const late = unwrap(recordTimeEntries(account, [entry("2026-01-30", 45, { id: "E-LATE" })], { contract, asOf: at("2026-02-03") })).account;
    const cancelled = unwrap(cancelTimeEntry(late, { entryId: "E-LATE", reason: "Doppelt erfasst" }, { contract, asOf: at("2026-02-05") }));
    expect(cancelled.posting).toMatchObject({ date: "2026-02-05", minutes: 45, workDate: "2026-01-30" });
    const february = unwrap(closeMonth(cancelled.account, { month: "2026-02" }, { contract, asOf: asOfAfter("2026-02") })).closed;
    expect(february.statement).toMatchObject({ adjustmentMinutes: 0, chargedMinutes: 0, closingMinutes: 1200 });
    expect(february.serviceReport.entries).toEqual([]);

    const afterMonthEnd = unwrap(cancelTimeEntry(january, { entryId: "E-7", reason: "Falscher Vertrag" }, { contract, asOf: at("2026-02-01", "08:00:00") }));
    expect(afterMonthEnd.posting).toMatchObject({ date: "2026-01-31", minutes: 150 });
  });

  it("C5: a non-billable entry is cancelled without a posting and leaves the report", () => {
    const recorded = unwrap(recordTimeEntries(openAccount(contract), [entry("2026-01-08", 30, { id: "E-NB", billable: false, justification: "Garantie" })], { contract, asOf: at("2026-01-08") })).account;
    const { account, posting } = unwrap(cancelTimeEntry(recorded, { entryId: "E-NB", reason: "Nicht erbracht" }, { contract, asOf: at("2026-01-09") }));
    expect(posting).toBeNull();
    expect(unwrap(closeMonth(account, { month: "2026-01" }, { contract, asOf: asOfAfter("2026-01") })).closed.serviceReport.entries).toEqual([]);
  });

  it("refuses an unknown entry, an entry of a closed month, a second cancellation and an empty reason; the id stays taken", () => {
    const context = { contract, asOf: at("2026-01-20") };
    expect(codes(cancelTimeEntry(january, { entryId: "E-NONE", reason: "x" }, context))).toEqual(["C6_ENTRY_NOT_OPEN@entryId"]);
    expect(codes(cancelTimeEntry(january, { entryId: "E-7", reason: "  " }, context))).toEqual(["INVALID_INPUT@reason"]);
    const { account } = unwrap(cancelTimeEntry(january, { entryId: "E-7", reason: "Tippfehler" }, context));
    expect(codes(cancelTimeEntry(account, { entryId: "E-7", reason: "noch einmal" }, context))).toEqual(["C6_ENTRY_CANCELLED@entryId"]);
    expect(codes(recordTimeEntries(account, [entry("2026-01-07", 15, { id: "E-7" })], context))).toEqual(["C6_DUPLICATE_ENTRY@0.id"]);
    const closed = unwrap(closeMonth(january, { month: "2026-01" }, { contract, asOf: asOfAfter("2026-01") })).account;
    const refused = cancelTimeEntry(closed, { entryId: "E-14", reason: "zu spät" }, { contract, asOf: at("2026-02-02") });
    expect(codes(refused)).toEqual(["C6_ENTRY_NOT_OPEN@entryId"]);
    expect(refused.ok ? "" : refused.errors[0]?.message).toContain("before 2026-02");
  });
});
