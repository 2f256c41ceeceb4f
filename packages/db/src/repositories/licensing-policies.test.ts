import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { findLicensingPolicies, saveLicensingPolicies } from "./licensing-policies.js";

const NOW = new Date("2026-11-16T09:00:00Z");
const LATER = new Date("2026-11-17T10:00:00Z");

// The JSON form of a policy set as `@kontor/licensing` checks it (this package does not read it):
// the repository stores whatever object it is given, as given.
const POLICIES = {
  fulfilment: [{ id: "kontor-fulfilment", effectiveFrom: "2021-01-01", serviceContactBusinessDays: 2 }],
  vendors: [{ id: "adobe-demo-2024-01-01", vendorId: "adobe", effectiveFrom: "2024-01-01", discountPercent: { academic: "10" } }],
  rental: [],
};

describe(`licensing policies on ${testDatabaseKind()} (P1)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 10 });
  });
  afterAll(() => database.close());

  it("P1: none are stored at first; expected version 0 inserts version 1 with the policies as given", async () => {
    expect(await findLicensingPolicies(database.db)).toBeUndefined();
    const row = await saveLicensingPolicies(database.db, { policies: POLICIES, updatedBy: "staff-admin" }, 0, NOW);
    expect(row).toEqual({ id: "installation", policies: POLICIES, version: 1, updatedBy: "staff-admin", updatedAt: NOW });
    expect(await findLicensingPolicies(database.db)).toEqual(row);
  });

  it("P1: a replacement at the stored version bumps it; a stale version or a second first write changes nothing", async () => {
    const changed = { ...POLICIES, vendors: [{ ...POLICIES.vendors[0], discountPercent: { academic: "20" } }] };
    const replaced = await saveLicensingPolicies(database.db, { policies: changed, updatedBy: "staff-admin-2" }, 1, LATER);
    expect(replaced).toEqual({ id: "installation", policies: changed, version: 2, updatedBy: "staff-admin-2", updatedAt: LATER });
    expect(await saveLicensingPolicies(database.db, { policies: POLICIES, updatedBy: "staff-admin" }, 1, LATER)).toBeUndefined();
    expect(await saveLicensingPolicies(database.db, { policies: POLICIES, updatedBy: "staff-admin" }, 0, LATER)).toBeUndefined();
    expect(await saveLicensingPolicies(database.db, { policies: POLICIES, updatedBy: "staff-admin" }, 7, LATER)).toBeUndefined();
    expect(await findLicensingPolicies(database.db)).toEqual(replaced);
    await expect(saveLicensingPolicies(database.db, { policies: POLICIES, updatedBy: "staff-admin" }, -1, LATER)).rejects.toThrow(RangeError);
    await expect(saveLicensingPolicies(database.db, { policies: POLICIES, updatedBy: "staff-admin" }, 1.5, LATER)).rejects.toThrow(RangeError);
  });

  it("of concurrent writes on one version exactly one wins", async () => {
    const current = await findLicensingPolicies(database.db);
    const version = current?.version ?? 0;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => saveLicensingPolicies(database.db, { policies: { ...POLICIES, rental: [{ id: `r-${String(index)}` }] }, updatedBy: `staff-${String(index)}` }, version, LATER)),
    );
    const winners = results.filter((row) => row !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.version).toBe(version + 1);
    expect(await findLicensingPolicies(database.db)).toEqual(winners[0]);
  });

  it("the table holds one row only, and only a JSON object", async () => {
    await expect(database.query("INSERT INTO licensing_policies (id, policies, version, updated_by, updated_at) VALUES ('other', '{}', 1, 'x', now())")).rejects.toThrow();
    await expect(database.query("UPDATE licensing_policies SET policies = '[]'")).rejects.toThrow();
    await expect(database.query("UPDATE licensing_policies SET version = 0")).rejects.toThrow();
  });
});
