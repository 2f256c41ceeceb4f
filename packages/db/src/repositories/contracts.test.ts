import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { findContractsOfOrganizations, insertContract } from "./contracts.js";
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
});
