import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { saveContractAccount, type StoredTimeEntry } from "./contract-accounts.js";
import { insertContract } from "./contracts.js";
import { listMonthCloseCandidates } from "./month-close-candidates.js";
import { insertOrganization } from "./organizations.js";

/** Monday, 23 November 2026, 10:00 in Berlin: October has ended, November has not. */
const NOW = new Date("2026-11-23T09:00:00Z");
/** Wednesday, 2 December 2026, 10:00 in Berlin: November has ended too. */
const DECEMBER = new Date("2026-12-02T09:00:00Z");
const ZONE = "Europe/Berlin";
const RECORDED_AT = new Date("2026-10-01T08:00:00Z");

/** A back-dated entry: worked on 30 October (in the term), typed in after October was closed, so booked into November. */
const LATE_ENTRY: StoredTimeEntry = { id: "E-late", workDate: "2026-10-30", bookingMonth: "2026-11", billable: true, billedMinutes: 60 };

/** The adjustment such an entry posts on a contingent, dated in the first open month. */
const LATE_POSTING = {
  kind: "adjustment",
  id: "back-dated:E-late",
  date: "2026-11-30",
  recordedAt: "2026-12-01T09:00:00.000Z",
  minutes: -60,
  cause: "back-dated-entry",
  reason: "Entry E-late worked on 2026-10-30, after 2026-10 was closed",
  entryId: "E-late",
  workDate: "2026-10-30",
};

describe(`month-close candidates and the contract end on ${testDatabaseKind()} (C1, C8)`, () => {
  let database: DatabaseHandle;

  async function contract(id: string, endDate: string | null, account: { readonly firstOpenMonth: string; readonly postings?: readonly unknown[] }): Promise<void> {
    await insertContract(
      database.db,
      { id, organizationId: "org-1", kind: "contingent", contract: { id, kind: "contingent", startDate: "2026-01-01", endDate, zone: ZONE }, account: { postings: [], ...account } },
      RECORDED_AT,
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // The account documents as the worker saves them: no entries (a table of their own), postings kept.
    const openInNovember = { firstOpenMonth: "2026-11", entries: [], postings: [] };
    await insertOrganization(database.db, { id: "org-1", name: "Müller GmbH" }, RECORDED_AT);
    // No end date: closed every month, as before.
    await contract("K-open", null, { firstOpenMonth: "2026-10" });
    // Ends 31 October; October, its last month, is still open.
    await contract("K-last", "2026-10-31", { firstOpenMonth: "2026-10" });
    // Ends 31 October, October closed; its October entry is in the closed month (booked 2026-10 < first open 2026-11).
    await contract("K-ended", "2026-10-31", { firstOpenMonth: "2026-11" });
    await saveContractAccount(
      database.db,
      { id: "K-ended", organizationId: "org-1" },
      openInNovember,
      [{ id: "E-october", workDate: "2026-10-12", bookingMonth: "2026-10", billable: true, billedMinutes: 30 }],
      RECORDED_AT,
    );
    // Ends 31 October, October closed, then a back-dated entry booked into November (its account holds no posting).
    await contract("K-late-entry", "2026-10-31", { firstOpenMonth: "2026-11" });
    await saveContractAccount(database.db, { id: "K-late-entry", organizationId: "org-1" }, openInNovember, [LATE_ENTRY], RECORDED_AT);
    // Ends 31 October, October closed, and the account document still holds a posting.
    await contract("K-late-posting", "2026-10-31", { firstOpenMonth: "2026-11", postings: [LATE_POSTING] });
  });
  afterAll(() => database.close());

  it("C1, C8: on 23 November a contract without end date and one whose last month (October) is open are candidates, with their end month", async () => {
    expect(await listMonthCloseCandidates(database.db, NOW, ZONE)).toEqual([
      { contractId: "K-last", firstOpenMonth: "2026-10", zone: ZONE, endMonth: "2026-10" },
      { contractId: "K-open", firstOpenMonth: "2026-10", zone: ZONE, endMonth: null },
    ]);
  });

  it("C1, C8: on 2 December an ended contract with nothing open (first open month 2026-11 after its end month 2026-10) is not a candidate; a time entry booked into November or a posting in the account makes it one", async () => {
    const candidates = await listMonthCloseCandidates(database.db, DECEMBER, ZONE);
    expect(candidates.map((candidate) => candidate.contractId)).not.toContain("K-ended");
    expect(candidates).toEqual([
      { contractId: "K-last", firstOpenMonth: "2026-10", zone: ZONE, endMonth: "2026-10" },
      { contractId: "K-late-entry", firstOpenMonth: "2026-11", zone: ZONE, endMonth: "2026-10" },
      { contractId: "K-late-posting", firstOpenMonth: "2026-11", zone: ZONE, endMonth: "2026-10" },
      { contractId: "K-open", firstOpenMonth: "2026-10", zone: ZONE, endMonth: null },
    ]);
  });

  it("C8: once the late entry's month is closed (first open month 2026-12) the contract is no candidate any more", async () => {
    const openInDecember = { firstOpenMonth: "2026-12", entries: [], postings: [] };
    await saveContractAccount(database.db, { id: "K-late-entry", organizationId: "org-1" }, openInDecember, [], RECORDED_AT);
    const inJanuary = new Date("2027-01-04T09:00:00Z");
    expect((await listMonthCloseCandidates(database.db, inJanuary, ZONE)).map((candidate) => candidate.contractId)).toEqual(["K-last", "K-late-posting", "K-open"]);
  });
});
