import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertOrganization } from "./organizations.js";
import { listLicensesEndingBetween } from "./license-terms.js";
import { findLicense, findLicensesByIdentity, insertLicenses, listLicenses, lockLicense, openLicenseKey, updateLicense } from "./licenses.js";

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

  it("L9: finds a license by SEN or by site URL, only within the organization and product", async () => {
    const dc = (id: string, sen: string) => ({ ...license(id, "org-b", "AAAB-DC"), record: { userTier: 500, sen, siteUrl: null } });
    const cloud = { ...license("l-cloud", "org-b", null), productId: "jira-cloud", record: { userTier: 100, sen: null, siteUrl: "https://b.atlassian.net" } };
    await insertLicenses(database.db, [dc("l-sen", "SEN-4711"), cloud], NOW);
    const ids = async (identity: Parameters<typeof findLicensesByIdentity>[1]) => (await findLicensesByIdentity(database.db, identity)).map((row) => row.id);
    expect(await ids({ organizationId: "org-b", productId: "jira-dc", sen: "SEN-4711" })).toEqual(["l-sen"]);
    expect(await ids({ organizationId: "org-a", productId: "jira-dc", sen: "SEN-4711" })).toEqual([]);
    expect(await ids({ organizationId: "org-b", productId: "jira-cloud", siteUrl: "https://b.atlassian.net" })).toEqual(["l-cloud"]);
    expect(await ids({ organizationId: "org-b", productId: "jira-dc" })).toEqual([]);
  });

  it("L15, L19: updates a license in place, version-checked; the renewed term is what the reminder query finds", async () => {
    const [row] = await insertLicenses(
      database.db,
      [{ ...license("l-renew", "org-a", "AAAB-OLD"), record: { userTier: 500, term: { from: "2026-11-16", to: "2027-11-16" } } }],
      NOW,
    );
    const later = new Date("2027-10-01T08:00:00Z");
    const updated = await updateLicense(database.db, "l-renew", { record: { userTier: 1000, term: { from: "2026-11-16", to: "2028-11-16" } }, key: "AAAB-NEW" }, row?.version ?? 0, later);
    expect([updated?.version, (updated?.record as { userTier: number }).userTier, updated?.updatedAt.toISOString()]).toEqual([2, 1000, later.toISOString()]);
    expect(updated === undefined ? undefined : openLicenseKey(updated)).toBe("AAAB-NEW");
    expect([updated?.originalPurchaserId, updated?.createdAt.toISOString()]).toEqual(["reseller", NOW.toISOString()]);
    // A stale version changes nothing.
    expect(await updateLicense(database.db, "l-renew", { record: { userTier: 1 } }, 1, later)).toBeUndefined();
    // Without `key` the stored key stays.
    const kept = await updateLicense(database.db, "l-renew", { record: { userTier: 1000, term: { from: "2026-11-16", to: "2028-11-16" } } }, 2, later);
    expect(kept === undefined ? undefined : openLicenseKey(kept)).toBe("AAAB-NEW");
    const ending = await listLicensesEndingBetween(database.db, "2028-11-01", "2028-11-30");
    expect(ending.map((item) => [item.license.id, item.termEnd])).toEqual([["l-renew", "2028-11-16"]]);
    expect(await listLicensesEndingBetween(database.db, "2027-11-01", "2027-11-30")).toEqual([]);
  });

  it("L17: lockLicense serializes read-modify-write: 8 concurrent updates under the lock all apply, none loses a version race", async () => {
    await insertLicenses(database.db, [{ ...license("l-lock", "org-a", "AAAB-LOCK"), record: { userTier: 500, changes: 0 } }], NOW);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        database.db.transaction(async (tx) => {
          const row = await lockLicense(tx, "l-lock");
          if (row === undefined) throw new Error("license vanished");
          const record = row.record as { userTier: number; changes: number };
          return updateLicense(tx, row.id, { record: { ...record, changes: record.changes + 1 } }, row.version, NOW);
        }),
      ),
    );
    expect(results.every((row) => row !== undefined)).toBe(true);
    const final = await findLicense(database.db, "l-lock");
    expect([final?.version, (final?.record as { changes: number }).changes]).toEqual([9, 8]);
    // The key stays sealed and readable; an unknown id locks nothing.
    expect(final === undefined ? undefined : openLicenseKey(final)).toBe("AAAB-LOCK");
    expect(await database.db.transaction((tx) => lockLicense(tx, "l-missing"))).toBeUndefined();
  });
});
