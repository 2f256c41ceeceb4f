import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { closeMonth } from "../close/close-month.js";
import { agreementOnly, asOfAfter, contingentContract, entry, unwrap } from "../testing/fixtures.js";
import { openAccount } from "./contract-account.js";
import { recordTimeEntries, recordTimeEntry } from "./record-time-entries.js";

const contract = contingentContract();
const asOf = "2026-01-31T18:00:00+01:00";

describe("recordTimeEntry (C5, C6)", () => {
  it("C6: a 5-minute billable entry bills 15 minutes and keeps 5 raw; the debit is 15", () => {
    const { account, entry: recorded } = unwrap(recordTimeEntry(openAccount(contract), entry("2026-01-12", 5), { contract, asOf }));
    expect(recorded.rawMinutes).toBe(5);
    expect(recorded.billedMinutes).toBe(15);
    const debit = account.postings.find((p) => p.kind === "debit");
    expect(debit).toMatchObject({ kind: "debit", date: "2026-01-12", minutes: 15, entryId: recorded.id });
  });

  it("C5: a non-billable entry without justification is rejected with C5_JUSTIFICATION_REQUIRED", () => {
    const result = recordTimeEntry(openAccount(contract), entry("2026-01-12", 30, { billable: false }), { contract, asOf });
    expect(result).toEqual({
      ok: false,
      errors: [{ code: "C5_JUSTIFICATION_REQUIRED", message: expect.any(String) as string, path: ["justification"] }],
    });
    const blank = recordTimeEntry(openAccount(contract), entry("2026-01-12", 30, { billable: false, justification: "   " }), { contract, asOf });
    expect(blank.ok ? [] : blank.errors.map((e) => e.code)).toEqual(["C5_JUSTIFICATION_REQUIRED"]);
  });

  it("C5: a justified non-billable entry is kept with 0 billed minutes and posts nothing", () => {
    const input = entry("2026-01-12", 30, { billable: false, justification: "Warranty repair, our fault" });
    const { account, entry: recorded } = unwrap(recordTimeEntry(openAccount(contract), input, { contract, asOf }));
    expect(recorded).toMatchObject({ billable: false, rawMinutes: 30, billedMinutes: 0, justification: "Warranty repair, our fault" });
    expect(account.entries).toHaveLength(1);
    expect(account.postings).toEqual([]);
  });

  it("C6: entries count toward their work date's month, not the day they are typed in", () => {
    const { entry: recorded, account } = unwrap(
      recordTimeEntry(openAccount(contract), entry("2026-01-31", 60), { contract, asOf: "2026-02-02T09:00:00+01:00" }),
    );
    expect(recorded.bookingMonth).toBe("2026-01");
    expect(account.postings.find((p) => p.kind === "debit")?.date).toBe("2026-01-31");
    // Credits of January and February are posted (through the month of asOf).
    expect(account.postings.filter((p) => p.kind === "credit").map((p) => p.date)).toEqual(["2026-01-01", "2026-02-01"]);
  });

  it("C1/C6: rejects unknown work types, foreign contracts, work outside the term and in the future", () => {
    const codes = (input: ReturnType<typeof entry>, at = asOf) => {
      const result = recordTimeEntry(openAccount(contract), input, { contract, asOf: at });
      return result.ok ? [] : result.errors.map((e) => `${e.code}@${e.path.join(".")}`);
    };
    expect(codes(entry("2026-01-12", 30, { workType: "gardening" }))).toEqual(["C1_UNKNOWN_WORK_TYPE@workType"]);
    expect(codes(entry("2026-01-12", 30, { contractId: "K-9" }))).toEqual(["C1_CONTRACT_MISMATCH@contractId"]);
    expect(codes(entry("2025-12-31", 30))).toEqual(["C1_OUTSIDE_CONTRACT_TERM@workDate"]);
    // 2026-02-01 00:30 in Berlin is still 2026-01-31 23:30 UTC: work on Feb 1 is not in the future.
    expect(codes(entry("2026-02-01", 30), "2026-01-31T23:30:00Z")).toEqual([]);
    expect(codes(entry("2026-02-01", 30), "2026-01-31T22:30:00Z")).toEqual(["C6_WORK_DATE_IN_FUTURE@workDate"]);
  });

  it("rejects malformed input as INVALID_INPUT with the field path, never by throwing", () => {
    const bad = recordTimeEntry(openAccount(contract), { ...entry("2026-02-30", 0), location: "moon" } as never, { contract, asOf });
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.code}@${e.path.join(".")}`).sort()).toEqual([
      "INVALID_INPUT@location",
      "INVALID_INPUT@rawMinutes",
      "INVALID_INPUT@workDate",
    ]);
    const notAList = recordTimeEntries(openAccount(contract), "entries" as never, { contract, asOf });
    expect(notAList.ok ? [] : notAList.errors.map((e) => e.code)).toEqual(["INVALID_INPUT"]);
    const badAsOf = recordTimeEntry(openAccount(contract), entry("2026-01-12", 5), { contract, asOf: "2026-01-31T18:00:00" });
    expect(badAsOf.ok ? [] : badAsOf.errors.map((e) => e.code)).toEqual(["INVALID_INPUT"]);
  });

  it("C6: travel needs an on-site entry and a zone the agreement knows", () => {
    const codes = (overrides: Parameters<typeof entry>[2]) => {
      const result = recordTimeEntry(openAccount(contract), entry("2026-01-12", 30, overrides), { contract, asOf });
      return result.ok ? [] : result.errors.map((e) => `${e.code}@${e.path.join(".")}`);
    };
    expect(codes({ travel: { zone: "1" } })).toEqual(["C6_TRAVEL_REQUIRES_ON_SITE@travel"]);
    expect(codes({ location: "on-site", travel: {} })).toEqual(["C6_TRAVEL_ZONE_REQUIRED@travel.zone"]);
    expect(codes({ location: "on-site", travel: { zone: "7" } })).toEqual(["C6_UNKNOWN_TRAVEL_ZONE@travel.zone"]);
    expect(codes({ location: "on-site", travel: { zone: "2" } })).toEqual([]);
  });

  it("C6: a duplicate entry id is refused, in the account and within one batch", () => {
    const first = entry("2026-01-12", 30);
    const { account } = unwrap(recordTimeEntry(openAccount(contract), first, { contract, asOf }));
    const again = recordTimeEntry(account, first, { contract, asOf });
    expect(again.ok ? [] : again.errors.map((e) => e.code)).toEqual(["C6_DUPLICATE_ENTRY"]);
    const second = entry("2026-01-13", 30);
    const batch = recordTimeEntries(openAccount(contract), [second, second], { contract, asOf });
    expect(batch.ok ? [] : batch.errors.map((e) => `${e.code}@${e.path.join(".")}`)).toEqual(["C6_DUPLICATE_ENTRY@1.id"]);
  });

  it("records a batch all or nothing; issues name the entry's index", () => {
    const batch = recordTimeEntries(
      openAccount(contract),
      [entry("2026-01-12", 30), entry("2026-01-13", 30, { billable: false })],
      { contract, asOf },
    );
    expect(batch).toMatchObject({ ok: false, errors: [{ code: "C5_JUSTIFICATION_REQUIRED", path: [1, "justification"] }] });
  });

  it("C4: warns once when the month's charged minutes reach 80 % and again at 100 % of the credit", () => {
    // 600 credit minutes: 450 (75 %), +45 = 495 (82.5 %), +105 = 600 (100 %).
    let account = openAccount(contract);
    const thresholds: number[][] = [];
    for (const [day, minutes] of [["05", 450], ["06", 45], ["07", 105], ["08", 15]] as const) {
      const result = unwrap(recordTimeEntry(account, entry(`2026-01-${day}`, minutes), { contract, asOf }));
      account = result.account;
      thresholds.push(result.events.flatMap((e) => (e.type === "threshold-reached" ? [e.thresholdPercent] : [])));
    }
    expect(thresholds).toEqual([[], [80], [100], []]);
  });

  it("C3: the entry that takes the balance below zero raises balance-exhausted; service continues", () => {
    const { account, events } = unwrap(
      recordTimeEntries(openAccount(contract), [entry("2026-01-05", 600), entry("2026-01-06", 30)], { contract, asOf }),
    );
    expect(events.filter((e) => e.type === "balance-exhausted")).toEqual([
      { type: "balance-exhausted", contractId: "K-1001", entryId: expect.any(String) as string, balanceMinutes: -30, overdraftAllowed: true },
    ]);
    expect(account.entries).toHaveLength(2);
  });

  it("C8: an entry back-dated into a closed month lands as an adjustment in the first open month, referencing its work date", () => {
    const january = unwrap(recordTimeEntry(openAccount(contract), entry("2026-01-20", 60), { contract, asOf }));
    const closed = unwrap(closeMonth(january.account, { month: "2026-01" }, { contract, asOf: asOfAfter("2026-01") }));
    const late = unwrap(
      recordTimeEntry(closed.account, entry("2026-01-28", 50, { id: "E-late" }), { contract, asOf: "2026-02-10T11:00:00+01:00" }),
    );
    expect(late.entry.bookingMonth).toBe("2026-02");
    expect(late.events[0]).toMatchObject({ type: "time-entry-recorded", backDated: true, bookingMonth: "2026-02" });
    expect(late.account.postings.find((p) => p.kind === "adjustment")).toEqual({
      kind: "adjustment",
      id: "back-dated:E-late",
      date: "2026-02-10",
      recordedAt: "2026-02-10T10:00:00.000Z",
      minutes: -60,
      cause: "back-dated-entry",
      reason: "Entry E-late worked on 2026-01-28, after 2026-01 was closed",
      entryId: "E-late",
      workDate: "2026-01-28",
    });
    // January's closed record is untouched: closing 600 − 60 = 540.
    expect(closed.closed.statement?.closingMinutes).toBe(540);
  });

  it("accepts a luxon DateTime as asOf and reads it in the contract's zone, not the machine's", () => {
    const at = DateTime.fromISO("2026-01-31T23:30:00", { zone: "UTC" });
    const result = recordTimeEntry(openAccount(contract), entry("2026-02-01", 30), { contract, asOf: at });
    expect(result.ok).toBe(true);
  });

  it("agreement-only customers keep entries without any ledger postings", () => {
    const coop = agreementOnly();
    const { account } = unwrap(recordTimeEntry(openAccount(coop), entry("2026-01-12", 30, { contractId: coop.id }), { contract: coop, asOf }));
    expect(account.entries).toHaveLength(1);
    expect(account.postings).toEqual([]);
  });
});
