import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertContract } from "./contracts.js";
import { insertMonthClose, listMonthCloses } from "./month-closes.js";
import { insertOrganization } from "./organizations.js";

const NOW = new Date("2026-11-16T09:00:00Z");

describe(`month closes on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-1", name: "Müller GmbH" }, NOW);
    for (const id of ["K-1", "K-2"]) {
      await insertContract(database.db, { id, organizationId: "org-1", kind: "contingent", contract: { id }, account: { firstOpenMonth: "2026-08", entries: [] } }, NOW);
    }
    // Stored out of month order, across a year end, with another contract's month in between.
    for (const [contractId, month] of [["K-1", "2026-02"], ["K-1", "2025-12"], ["K-2", "2026-01"], ["K-1", "2026-01"], ["K-1", "2026-03"]] as const) {
      await insertMonthClose(database.db, { contractId, organizationId: "org-1", month, closed: { contractId, month } }, NOW);
    }
  });
  afterAll(() => database.close());

  it("K13: lists a contract's closed months between two months, both included, in month order", async () => {
    const months = async (from: string, to: string) => (await listMonthCloses(database.db, "K-1", from, to)).map((row) => row.month);
    expect(await months("2025-12", "2026-02")).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(await months("2026-01", "2026-01")).toEqual(["2026-01"]);
    expect(await months("2023-11", "2026-10")).toEqual(["2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(await months("2026-04", "2026-10")).toEqual([]);
    expect(await months("2026-03", "2026-01")).toEqual([]);
  });

  it("returns the stored records of that contract only", async () => {
    const rows = await listMonthCloses(database.db, "K-2", "2025-01", "2026-12");
    expect(rows.map((row) => [row.contractId, row.month, row.closed])).toEqual([["K-2", "2026-01", { contractId: "K-2", month: "2026-01" }]]);
    expect(await listMonthCloses(database.db, "K-404", "2025-01", "2026-12")).toEqual([]);
  });
});
