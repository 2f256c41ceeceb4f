import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { loadContractAccount, saveContractAccount, type StoredContractAccount, type StoredTimeEntry } from "./contract-accounts.js";
import { insertContract } from "./contracts.js";
import { findMonthClose, insertMonthClose } from "./month-closes.js";
import { insertOrganization } from "./organizations.js";
import { findRecordedEntryIds, listTimeEntries, replaceTimeEntry } from "./time-entries.js";

const NOW = new Date("2026-02-01T05:00:00Z");

function entry(id: string, workDate: string, bookingMonth = workDate.slice(0, 7)): StoredTimeEntry {
  return { id, workDate, bookingMonth, billable: true, billedMinutes: 15 };
}

interface Account extends StoredContractAccount {
  readonly contractId: string;
  readonly openingMinutes: number;
}

describe(`contract accounts on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-1", name: "Müller GmbH" }, NOW);
    await insertContract(database.db, { id: "K-1", organizationId: "org-1", kind: "contingent", contract: { id: "K-1" }, account: { firstOpenMonth: "2026-01", entries: [] } }, NOW);
  });
  afterAll(() => database.close());

  it("saves the account without its entries and loads the open months' entries in recording order", async () => {
    const row = { id: "K-1", organizationId: "org-1" };
    const january = [entry("E-2", "2026-01-20"), entry("E-1", "2026-01-05")];
    await saveContractAccount(database.db, row, { contractId: "K-1", openingMinutes: 0, firstOpenMonth: "2026-01", entries: january } as Account, january, NOW);
    const februaryEntry = entry("E-3", "2026-02-02");
    await saveContractAccount(database.db, row, { contractId: "K-1", openingMinutes: 0, firstOpenMonth: "2026-01", entries: [...january, februaryEntry] } as Account, [februaryEntry], NOW);
    const loaded = await loadContractAccount<Account>(database.db, "K-1");
    expect(loaded?.account.entries.map((item) => item.id)).toEqual(["E-2", "E-1", "E-3"]);
    expect(loaded?.row.account).toEqual({ contractId: "K-1", openingMinutes: 0, firstOpenMonth: "2026-01" });
    expect(loaded?.row.version).toBe(3);
  });

  it("after a close only the entries of the months still open are loaded; the list keeps them all", async () => {
    await database.db.transaction(async (tx) => {
      const loaded = await loadContractAccount<Account>(tx, "K-1", { forUpdate: true });
      expect(loaded).toBeDefined();
      expect(await insertMonthClose(tx, { contractId: "K-1", organizationId: "org-1", month: "2026-01", closed: { month: "2026-01" } }, NOW)).toBeDefined();
      await saveContractAccount(tx, { id: "K-1", organizationId: "org-1" }, { contractId: "K-1", openingMinutes: 150, firstOpenMonth: "2026-02", entries: [] } as Account, [], NOW);
    });
    expect((await loadContractAccount<Account>(database.db, "K-1"))?.account).toMatchObject({ openingMinutes: 150, entries: [{ id: "E-3" }] });
    expect((await listTimeEntries(database.db, "K-1", { limit: 10 })).items.map((item) => item.entryId)).toEqual(["E-2", "E-1", "E-3"]);
    expect(await findRecordedEntryIds(database.db, "K-1", ["E-1", "E-9"])).toEqual(["E-1"]);
  });

  it("C8: a month is closed once; the second insert is a no-op", async () => {
    expect(await insertMonthClose(database.db, { contractId: "K-1", organizationId: "org-1", month: "2026-01", closed: { month: "again" } }, NOW)).toBeUndefined();
    expect((await findMonthClose(database.db, "K-1", "2026-01"))?.closed).toEqual({ month: "2026-01" });
  });

  it("C6: a replaced entry (cancelled) loads with its new document; an entry not stored is an error", async () => {
    const cancelled = { ...entry("E-3", "2026-02-02"), cancelled: { at: "2026-02-03T09:00:00.000Z", reason: "Tippfehler" } };
    await replaceTimeEntry(database.db, "K-1", cancelled);
    expect((await loadContractAccount<Account>(database.db, "K-1"))?.account.entries).toEqual([cancelled]);
    expect((await listTimeEntries(database.db, "K-1", { limit: 10 })).items.map((item) => item.entry)).toContainEqual(cancelled);
    await expect(replaceTimeEntry(database.db, "K-1", entry("E-404", "2026-02-02"))).rejects.toThrow("time entry E-404 of contract K-1 is not stored");
  });

  it("an unknown contract loads as undefined", async () => {
    expect(await loadContractAccount(database.db, "K-404")).toBeUndefined();
  });
});
