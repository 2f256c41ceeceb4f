import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { applyMigration, databaseBefore, MIGRATION_TEST_TIMEOUT_MS } from "../testing/database-before.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { findContract, findContractsOfOrganizations, insertContract, replaceContract } from "./contracts.js";
import { insertOrganization } from "./organizations.js";

const NOW = new Date("2026-02-01T05:00:00Z");

describe(`contracts of several organizations on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const id of ["org-a", "org-b", "org-c"]) await insertOrganization(database.db, { id, name: id }, NOW);
    const contract = (id: string, organizationId: string, at: Date) =>
      insertContract(database.db, { id, organizationId, kind: "cooperation-agreement", contract: { id }, account: { firstOpenMonth: "2026-01" } }, at);
    await contract("K-b1", "org-b", NOW);
    await contract("K-a2", "org-a", new Date("2026-03-01T00:00:00Z"));
    await contract("K-a1", "org-a", NOW);
    await contract("K-c1", "org-c", NOW);
  });
  afterAll(() => database.close());

  it("K7: loads the contracts of all named organizations in one call, by organization and creation", async () => {
    const rows = await findContractsOfOrganizations(database.db, ["org-b", "org-a", "org-b", "org-none"]);
    expect(rows.map((row) => [row.organizationId, row.id])).toEqual([
      ["org-a", "K-a1"],
      ["org-a", "K-a2"],
      ["org-b", "K-b1"],
    ]);
  });

  it("no organizations: no query, no contracts", async () => {
    expect(await findContractsOfOrganizations(database.db, [])).toEqual([]);
  });

  it("C1: replacing a contract's document counts up its version and keeps its account", async () => {
    const before = await findContract(database.db, "K-c1");
    const later = new Date("2026-11-23T10:00:00Z");
    const row = await replaceContract(database.db, "K-c1", { id: "K-c1", endDate: "2026-11-30" }, later);
    expect(row).toMatchObject({ contract: { id: "K-c1", endDate: "2026-11-30" }, version: (before?.version ?? 0) + 1, account: before?.account, updatedAt: later });
    expect((await findContract(database.db, "K-c1"))?.contract).toEqual({ id: "K-c1", endDate: "2026-11-30" });
    await expect(replaceContract(database.db, "K-none", {}, later)).rejects.toThrow("contract K-none vanished");
  });
});

describe(`migration 0024 on ${testDatabaseKind()} (O1)`, () => {
  it("O1: contracts stored before serve the company (branchId null); a contract naming its branch keeps it", async () => {
    const database = await databaseBefore("0024_contract_branch.sql");
    try {
      await insertOrganization(database.db, { id: "org-mueller", name: "Müller GmbH" }, NOW);
      const account = { firstOpenMonth: "2026-01" };
      await insertContract(database.db, { id: "K-old", organizationId: "org-mueller", kind: "rental-flat-rate", contract: { id: "K-old", kind: "rental-flat-rate" }, account }, NOW);
      await insertContract(database.db, { id: "K-branch", organizationId: "org-mueller", kind: "rental-flat-rate", contract: { id: "K-branch", branchId: "BR-MS" }, account }, NOW);
      await applyMigration(database, "0024_contract_branch.sql");
      expect((await findContract(database.db, "K-old"))?.contract).toEqual({ id: "K-old", kind: "rental-flat-rate", branchId: null });
      expect((await findContract(database.db, "K-branch"))?.contract).toEqual({ id: "K-branch", branchId: "BR-MS" });
    } finally {
      await database.close();
    }
  }, MIGRATION_TEST_TIMEOUT_MS);
});
