import { describe, expect, it } from "vitest";
import { closeMonth } from "../close/close-month.js";
import { openAccount } from "../ledger/contract-account.js";
import { recordTimeEntries } from "../ledger/record-time-entries.js";
import { asOfAfter, contingentContract, entry, runMonths, unwrap } from "../testing/fixtures.js";
import { setContractEnd } from "./contract-end.js";

const contract = contingentContract();
const months = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => [`2026-${String(first + i).padStart(2, "0")}`, []] as const);
/** January to October 2026 closed: November is the first open month. */
const throughOctober = runMonths(contract, months(1, 10)).account;
const codes = (result: ReturnType<typeof setContractEnd>) => (result.ok ? [] : result.errors.map((issue) => `${issue.code}@${issue.path.join(".")}`));

describe("setContractEnd: ending a contract (C1)", () => {
  it("C1/C2: ended on 30 November, November is still billed in full and December gets no credit and no line", () => {
    const ended = unwrap(setContractEnd(contract, throughOctober, { endDate: "2026-11-30" }));
    expect(ended).toEqual({ ...contract, endDate: "2026-11-30" });
    expect(contract.endDate).toBeNull();
    const { closed } = runMonths(ended, months(11, 12), throughOctober);
    expect(closed.map((r) => [r.month, r.statement?.creditMinutes, r.invoice.lines.map((l) => l.net.amount)])).toEqual([
      ["2026-11", 600, ["950.00"]],
      ["2026-12", 0, []],
    ]);
  });

  it("C8: the earliest end is the last day of the last closed month; a day earlier lies in closed October", () => {
    expect(unwrap(setContractEnd(contract, throughOctober, { endDate: "2026-10-31" })).endDate).toBe("2026-10-31");
    const refused = setContractEnd(contract, throughOctober, { endDate: "2026-10-30" });
    expect(codes(refused)).toEqual(["C1_TERM_IN_CLOSED_MONTH@endDate"]);
    expect(refused.ok ? "" : refused.errors[0]?.message).toContain("2026-10-31 at the earliest");
  });

  it("C1: an end before the start is refused; bad input is INVALID_INPUT at endDate", () => {
    expect(codes(setContractEnd(contract, openAccount(contract), { endDate: "2025-12-31" }))).toEqual(["C1_END_BEFORE_START@endDate"]);
    expect(codes(setContractEnd(contract, openAccount(contract), { endDate: "2026-02-30" }))).toEqual(["INVALID_INPUT@endDate"]);
    const other = contingentContract();
    expect(codes(setContractEnd({ ...other, id: "K-9" }, openAccount(contract), { endDate: "2026-03-31" }))).toEqual(["C1_CONTRACT_MISMATCH@contract.id"]);
  });

  it("C1/C6: work recorded after the new end and the credit of a later month (C2) keep the term; the entry is named", () => {
    const work = entry("2026-11-12", 45, { id: "E-NOV-12" });
    const recorded = unwrap(recordTimeEntries(throughOctober, [work], { contract, asOf: "2026-11-20T10:00:00+01:00" })).account;
    const tooEarly = setContractEnd(contract, recorded, { endDate: "2026-11-10" });
    expect(codes(tooEarly)).toEqual(["C1_BOOKED_AFTER_END@endDate"]);
    expect(tooEarly.ok ? "" : tooEarly.errors[0]?.message).toContain("E-NOV-12");
    // Ending with October would leave November's posted credit (and the entry) outside the term.
    const october = setContractEnd(contract, recorded, { endDate: "2026-10-31" });
    expect(codes(october)).toEqual(["C1_BOOKED_AFTER_END@endDate", "C1_BOOKED_AFTER_END@endDate"]);
    expect(october.ok ? "" : october.errors[1]?.message).toContain("2026-11");
    // On the day of the work the entry still lies in the term.
    expect(unwrap(setContractEnd(contract, recorded, { endDate: "2026-11-12" })).endDate).toBe("2026-11-12");
  });

  it("C1/C8: an ended contract may run on again or longer while the months after its end are open", () => {
    const ending = contingentContract({ endDate: "2026-02-28" });
    const { account } = runMonths(ending, months(1, 2));
    expect(account.firstOpenMonth).toBe("2026-03");
    expect(unwrap(setContractEnd(ending, account, { endDate: "2026-06-30" })).endDate).toBe("2026-06-30");
    const runsOn = unwrap(setContractEnd(ending, account, { endDate: null }));
    expect(runsOn.endDate).toBeNull();
    // Running on, March is a month of the term again: credited and billed.
    const march = unwrap(closeMonth(account, { month: "2026-03" }, { contract: runsOn, asOf: asOfAfter("2026-03") }));
    expect(march.closed.invoice.lines.map((l) => l.net.amount)).toEqual(["950.00"]);
    // Once March was closed outside the term, the term can no longer reach into it.
    const marchClosed = unwrap(closeMonth(account, { month: "2026-03" }, { contract: ending, asOf: asOfAfter("2026-03") })).account;
    const refused = setContractEnd(ending, marchClosed, { endDate: null });
    expect(codes(refused)).toEqual(["C1_TERM_IN_CLOSED_MONTH@endDate"]);
    expect(refused.ok ? "" : refused.errors[0]?.message).toContain("ended on 2026-02-28");
  });

  it("setting the end a contract already has changes nothing", () => {
    const ending = contingentContract({ endDate: "2026-02-28" });
    const { account } = runMonths(ending, months(1, 5));
    expect(unwrap(setContractEnd(ending, account, { endDate: "2026-02-28" }))).toBe(ending);
  });
});
