import { describe, expect, it } from "vitest";
import { asOfAfter, contingentContract, agreementOnly, entry, runMonths, unwrap } from "../testing/fixtures.js";
import { adjustBalance } from "./adjust-balance.js";
import { openAccount } from "./contract-account.js";
import { recordTimeEntries } from "./record-time-entries.js";
import { statementAsOf } from "./statement-as-of.js";

const contract = contingentContract();

describe("statementAsOf (C7)", () => {
  const january = [entry("2026-01-05", 120), entry("2026-01-20", 240)];
  const { account, closed } = runMonths(contract, [["2026-01", january]]);
  const february = unwrap(recordTimeEntries(account, [entry("2026-02-10", 60)], { contract, asOf: "2026-02-10T17:00:00+01:00" })).account;

  it("C7: shows the balance on any day of an open month", () => {
    const at = (asOf: string) => unwrap(statementAsOf(february, closed, { contract, asOf })).balanceMinutes;
    expect(at("2026-02-09T12:00:00+01:00")).toBe(240 + 600);
    expect(at("2026-02-10T12:00:00+01:00")).toBe(240 + 600 - 60);
  });

  it("C7: shows the balance on a day of a closed month from its record", () => {
    const statement = unwrap(statementAsOf(february, closed, { contract, asOf: "2026-01-10T12:00:00+01:00" }));
    expect(statement).toMatchObject({ closed: true, openingMinutes: 0, creditMinutes: 600, debitMinutes: 120, balanceMinutes: 480 });
    const missing = statementAsOf(february, [], { contract, asOf: "2026-01-10T12:00:00+01:00" });
    expect(missing.ok ? "ok" : missing.errors[0]?.code).toBe("C7_HISTORY_MISSING");
  });

  it("C7: reads the day in the contract's zone: 23:30Z on Feb 28 is already March 1 in Berlin", () => {
    const statement = unwrap(statementAsOf(february, closed, { contract, asOf: "2026-02-28T23:30:00Z" }));
    expect(statement).toMatchObject({ date: "2026-03-01", month: "2026-03", openingMinutes: 780, creditMinutes: 600, balanceMinutes: 1380 });
  });

  it("C2: a month's credit counts from its 1st even before any command posted it", () => {
    const statement = unwrap(statementAsOf(account, closed, { contract, asOf: "2026-02-01T00:00:00+01:00" }));
    expect(statement).toMatchObject({ creditMinutes: 600, balanceMinutes: 840 });
    expect(account.postings).toEqual([]);
  });

  it("C7: manual adjustments with a reason change the balance from their date; closed months refuse them", () => {
    const adjusted = unwrap(
      adjustBalance(february, { id: "goodwill-1", date: "2026-02-12", minutes: 90, reason: "Goodwill for the outage" }, { contract, asOf: "2026-02-12T10:00:00+01:00" }),
    );
    expect(adjusted.posting).toMatchObject({ id: "manual:goodwill-1", cause: "manual", minutes: 90, reason: "Goodwill for the outage" });
    const at = (asOf: string) => unwrap(statementAsOf(adjusted.account, closed, { contract, asOf })).balanceMinutes;
    expect(at("2026-02-11T12:00:00+01:00")).toBe(780);
    expect(at("2026-02-12T12:00:00+01:00")).toBe(870);
    const code = (input: Parameters<typeof adjustBalance>[1]) => {
      const result = adjustBalance(adjusted.account, input, { contract, asOf: "2026-02-12T10:00:00+01:00" });
      return result.ok ? "ok" : result.errors.map((e) => `${e.code}@${e.path.join(".")}`).join();
    };
    expect(code({ id: "x", date: "2026-01-31", minutes: 10, reason: "late" })).toBe("C7_MONTH_CLOSED@date");
    expect(code({ id: "goodwill-1", date: "2026-02-12", minutes: 10, reason: "again" })).toBe("C7_DUPLICATE_ADJUSTMENT@id");
    expect(code({ id: "y", date: "2026-02-12", minutes: 10, reason: " " })).toBe("INVALID_INPUT@reason");
    expect(code({ id: "z", date: "2026-02-12", minutes: 0, reason: "nothing" })).toBe("INVALID_INPUT@minutes");
    expect(code({ id: "f", date: "2026-02-13", minutes: 10, reason: "future" })).toBe("INVALID_INPUT@date");
  });

  it("C2: statements and adjustments are for contingents only", () => {
    const coop = agreementOnly();
    const result = statementAsOf(openAccount(coop), [], { contract: coop, asOf: asOfAfter("2026-01") });
    expect(result.ok ? "ok" : result.errors[0]?.code).toBe("C2_NOT_A_CONTINGENT");
    const adjust = adjustBalance(openAccount(coop), { id: "a", date: "2026-01-02", minutes: 5, reason: "r" }, { contract: coop, asOf: asOfAfter("2026-01") });
    expect(adjust.ok ? "ok" : adjust.errors[0]?.code).toBe("C2_NOT_A_CONTINGENT");
  });

  it("C1: refuses an account of another contract", () => {
    const other = contingentContract({ monthlyMinutes: 300 });
    const foreign = { ...openAccount(other), contractId: "K-other" };
    const result = statementAsOf(foreign, [], { contract, asOf: asOfAfter("2026-01") });
    expect(result.ok ? "ok" : result.errors[0]?.code).toBe("C1_CONTRACT_MISMATCH");
  });
});
