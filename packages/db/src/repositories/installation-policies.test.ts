import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { applyMigration, databaseBefore, MIGRATION_TEST_TIMEOUT_MS } from "../testing/database-before.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { findInstallationPolicies, saveInstallationPolicies } from "./installation-policies.js";

const NOW = new Date("2026-11-16T09:00:00Z");
const LATER = new Date("2026-11-17T10:00:00Z");

// JSON forms of policy sets as the domain packages check them (this package does not read
// them): the repository stores whatever object it is given, as given.
const LICENSING = {
  fulfilment: [{ id: "kontor-fulfilment", effectiveFrom: "2021-01-01", serviceContactBusinessDays: 2 }],
  vendors: [{ id: "adobe-demo-2024-01-01", vendorId: "adobe", effectiveFrom: "2024-01-01", discountPercent: { academic: "10" } }],
  rental: [],
};
const SEATS = { purchaseOrderWindows: [{ effectiveFrom: "2020-01-01", reminderAfterDays: 30, windowDays: 60 }] };

describe(`installation policies on ${testDatabaseKind()} (P1)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 10 });
  });
  afterAll(() => database.close());

  it("P1: none are stored at first; expected version 0 inserts version 1 with the policies as given", async () => {
    expect(await findInstallationPolicies(database.db, "licensing")).toBeUndefined();
    const row = await saveInstallationPolicies(database.db, "licensing", { policies: LICENSING, updatedBy: "staff-admin" }, 0, NOW);
    expect(row).toEqual({ domain: "licensing", policies: LICENSING, version: 1, updatedBy: "staff-admin", updatedAt: NOW });
    expect(await findInstallationPolicies(database.db, "licensing")).toEqual(row);
  });

  it("P1: every domain has its own row and version", async () => {
    expect(await findInstallationPolicies(database.db, "seats")).toBeUndefined();
    const seats = await saveInstallationPolicies(database.db, "seats", { policies: SEATS, updatedBy: "staff-admin" }, 0, NOW);
    expect(seats).toEqual({ domain: "seats", policies: SEATS, version: 1, updatedBy: "staff-admin", updatedAt: NOW });
    expect((await findInstallationPolicies(database.db, "licensing"))?.policies).toEqual(LICENSING);
    expect(await findInstallationPolicies(database.db, "contingent")).toBeUndefined();
    expect(await findInstallationPolicies(database.db, "terms")).toBeUndefined();
  });

  it("P1: a replacement at the stored version bumps it; a stale version or a second first write changes nothing", async () => {
    const changed = { ...LICENSING, vendors: [{ ...LICENSING.vendors[0], discountPercent: { academic: "20" } }] };
    const replaced = await saveInstallationPolicies(database.db, "licensing", { policies: changed, updatedBy: "staff-admin-2" }, 1, LATER);
    expect(replaced).toEqual({ domain: "licensing", policies: changed, version: 2, updatedBy: "staff-admin-2", updatedAt: LATER });
    expect(await saveInstallationPolicies(database.db, "licensing", { policies: LICENSING, updatedBy: "staff-admin" }, 1, LATER)).toBeUndefined();
    expect(await saveInstallationPolicies(database.db, "licensing", { policies: LICENSING, updatedBy: "staff-admin" }, 0, LATER)).toBeUndefined();
    expect(await saveInstallationPolicies(database.db, "licensing", { policies: LICENSING, updatedBy: "staff-admin" }, 7, LATER)).toBeUndefined();
    expect(await findInstallationPolicies(database.db, "licensing")).toEqual(replaced);
    // The seats row was not touched by the licensing writes.
    expect((await findInstallationPolicies(database.db, "seats"))?.version).toBe(1);
    await expect(saveInstallationPolicies(database.db, "licensing", { policies: LICENSING, updatedBy: "staff-admin" }, -1, LATER)).rejects.toThrow(RangeError);
    await expect(saveInstallationPolicies(database.db, "licensing", { policies: LICENSING, updatedBy: "staff-admin" }, 1.5, LATER)).rejects.toThrow(RangeError);
  });

  it("of concurrent writes on one version exactly one wins", async () => {
    const current = await findInstallationPolicies(database.db, "licensing");
    const version = current?.version ?? 0;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        saveInstallationPolicies(database.db, "licensing", { policies: { ...LICENSING, rental: [{ id: `r-${String(index)}` }] }, updatedBy: `staff-${String(index)}` }, version, LATER),
      ),
    );
    const winners = results.filter((row) => row !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.version).toBe(version + 1);
    expect(await findInstallationPolicies(database.db, "licensing")).toEqual(winners[0]);
  });

  it("the table holds known domains only, and only a JSON object", async () => {
    await expect(database.query("INSERT INTO installation_policies (domain, policies, version, updated_by, updated_at) VALUES ('billing', '{}', 1, 'x', now())")).rejects.toThrow();
    await expect(database.query("UPDATE installation_policies SET policies = '[]' WHERE domain = 'seats'")).rejects.toThrow();
    await expect(database.query("UPDATE installation_policies SET version = 0 WHERE domain = 'seats'")).rejects.toThrow();
  });
});

describe(`migration 0022 on ${testDatabaseKind()} (P1)`, () => {
  it("P1: licensing policies stored by 0021's table move over with their version, and the old table is gone", async () => {
    const database = await databaseBefore("0022_installation_policies.sql");
    try {
      await database.query("INSERT INTO licensing_policies (id, policies, version, updated_by, updated_at) VALUES ('installation', $1, 3, 'staff-admin', $2)", [JSON.stringify(LICENSING), NOW.toISOString()]);
      await applyMigration(database, "0022_installation_policies.sql");
      expect(await findInstallationPolicies(database.db, "licensing")).toEqual({ domain: "licensing", policies: LICENSING, version: 3, updatedBy: "staff-admin", updatedAt: NOW });
      await expect(database.query("SELECT 1 FROM licensing_policies")).rejects.toThrow(/licensing_policies/);
    } finally {
      await database.close();
    }
  }, MIGRATION_TEST_TIMEOUT_MS);
});
