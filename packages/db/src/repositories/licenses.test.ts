import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertOrganization } from "./organizations.js";
import { findLicense, insertLicenses, listLicenses, openLicenseKey } from "./licenses.js";

const NOW = new Date("2026-11-16T09:00:00Z");

describe(`licenses on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-a", name: "A" }, NOW);
    await insertOrganization(database.db, { id: "org-b", name: "B" }, NOW);
  });
  afterAll(() => database.close());

  const license = (id: string, organizationId: string, key: string | null) => ({
    id,
    organizationId,
    orderId: null,
    vendorId: "atlassian",
    productId: "jira-dc",
    edition: key === null ? "cloud" : "data-center",
    originalPurchaserId: "reseller",
    key,
    record: { userTier: 500 },
  });

  it("L13: stores keys sealed (AES-256-GCM, a fresh IV each time) and opens them again", async () => {
    await insertLicenses(database.db, [license("l-1", "org-a", "AAAB-SECRET"), license("l-2", "org-a", "AAAB-SECRET"), license("l-3", "org-b", null)], NOW);
    const [one, two] = [await findLicense(database.db, "l-1"), await findLicense(database.db, "l-2")];
    expect(one?.keySealed).toMatch(/^v1:/);
    expect(one?.keySealed).not.toContain("AAAB-SECRET");
    expect(one?.keySealed).not.toBe(two?.keySealed);
    expect(one === undefined ? undefined : openLicenseKey(one)).toBe("AAAB-SECRET");
    const cloud = await findLicense(database.db, "l-3");
    expect(cloud === undefined ? "missing" : openLicenseKey(cloud)).toBeNull();
  });

  it("lists one organization's licenses with keyset pages", async () => {
    const first = await listLicenses(database.db, { limit: 1, organizationId: "org-a" });
    const second = await listLicenses(database.db, { limit: 1, organizationId: "org-a", after: first.next });
    expect([first.items.map((row) => row.id), second.items.map((row) => row.id), second.next]).toEqual([["l-1"], ["l-2"], undefined]);
  });
});
