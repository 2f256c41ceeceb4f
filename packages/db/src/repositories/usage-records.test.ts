import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertContract } from "./contracts.js";
import { insertOrganization } from "./organizations.js";
import { insertUsageRecords, listUsageRecords, usageRecordsOfMonth, type NewUsageRecord } from "./usage-records.js";

const NOW = new Date("2026-02-01T05:00:00Z");
const LATER = new Date("2026-02-02T08:30:00Z");

function record(month: string, meter: string, quantity: string, overrides: Partial<NewUsageRecord> = {}): NewUsageRecord {
  return { contractId: "MS-1", organizationId: "org-1", month, meter, quantity, recordedBy: "staff-back-office", ...overrides };
}

describe(`usage records on ${testDatabaseKind()} (C9)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-1", name: "Müller GmbH" }, NOW);
    for (const id of ["MS-1", "MS-2"]) {
      await insertContract(database.db, { id, organizationId: "org-1", kind: "managed-services", contract: { id }, account: { firstOpenMonth: "2026-01", entries: [] } }, NOW);
    }
  });
  afterAll(() => database.close());

  it("C9, P3: inserts many records in one statement, in the order given, quantities kept as exact decimal strings", async () => {
    const rows = await insertUsageRecords(
      database.db,
      [
        record("2026-01", "endpoint-protection-device", "42", { source: "RMM export 2026-01-31" }),
        record("2026-01", "online-backup-storage-gb", "1250.50"),
        record("2026-01", "online-backup-storage-gb", "0.0125"),
        // 15 integer and 10 fraction digits: more than a JS number holds exactly.
        record("2026-02", "mail-archive-storage-gb", "123456789012345.1234567891"),
      ],
      NOW,
    );
    expect(rows.map((row) => [row.month, row.meter, row.quantity, row.source])).toEqual([
      ["2026-01", "endpoint-protection-device", "42", "RMM export 2026-01-31"],
      ["2026-01", "online-backup-storage-gb", "1250.50", ""],
      ["2026-01", "online-backup-storage-gb", "0.0125", ""],
      ["2026-02", "mail-archive-storage-gb", "123456789012345.1234567891", ""],
    ]);
    expect(rows.every((row) => row.contractId === "MS-1" && row.organizationId === "org-1" && row.recordedBy === "staff-back-office")).toBe(true);
    expect(rows.map((row) => row.recordedAt)).toEqual([NOW, NOW, NOW, NOW]);
    // Sequence ids: recording order is id order.
    expect([...rows.map((row) => row.id)].sort()).toEqual(rows.map((row) => row.id));
    expect(rows[0]?.id).toMatch(/^ur-\d{16}$/);
    expect(await insertUsageRecords(database.db, [], NOW)).toEqual([]);
  });

  it("C9: the close reads one contract month's records only, in recording order", async () => {
    await insertUsageRecords(database.db, [record("2026-01", "online-backup-server", "3", { contractId: "MS-2" })], LATER);
    await insertUsageRecords(database.db, [record("2026-01", "endpoint-protection-device", "2")], LATER);
    const january = await usageRecordsOfMonth(database.db, "MS-1", "2026-01");
    expect(january.map((row) => [row.meter, row.quantity])).toEqual([
      ["endpoint-protection-device", "42"],
      ["online-backup-storage-gb", "1250.50"],
      ["online-backup-storage-gb", "0.0125"],
      ["endpoint-protection-device", "2"],
    ]);
    expect((await usageRecordsOfMonth(database.db, "MS-2", "2026-01")).map((row) => row.quantity)).toEqual(["3"]);
    expect(await usageRecordsOfMonth(database.db, "MS-1", "2026-03")).toEqual([]);
  });

  it("lists a contract's records in pages of 2 on (recorded_at, id), optionally of one month", async () => {
    const first = await listUsageRecords(database.db, "MS-1", { limit: 2 });
    expect(first.items.map((row) => row.quantity)).toEqual(["42", "1250.50"]);
    expect(first.next).toEqual({ createdAt: NOW, id: first.items[1]?.id });
    const second = await listUsageRecords(database.db, "MS-1", { limit: 2, after: first.next });
    expect(second.items.map((row) => row.quantity)).toEqual(["0.0125", "123456789012345.1234567891"]);
    const third = await listUsageRecords(database.db, "MS-1", { limit: 2, after: second.next });
    expect(third.items.map((row) => [row.quantity, row.recordedAt])).toEqual([["2", LATER]]);
    expect(third.next).toBeUndefined();

    const february = await listUsageRecords(database.db, "MS-1", { limit: 10, month: "2026-02" });
    expect(february.items.map((row) => row.meter)).toEqual(["mail-archive-storage-gb"]);
    expect(february.next).toBeUndefined();
    const januaryPage = await listUsageRecords(database.db, "MS-1", { limit: 3, month: "2026-01" });
    expect(januaryPage.items.map((row) => row.quantity)).toEqual(["42", "1250.50", "0.0125"]);
    expect((await listUsageRecords(database.db, "MS-1", { limit: 3, month: "2026-01", after: januaryPage.next })).items.map((row) => row.quantity)).toEqual(["2"]);
  });

  it("all or none: one refused row (negative, NaN, infinite, bad month, unknown contract) inserts nothing", async () => {
    const before = (await listUsageRecords(database.db, "MS-1", { limit: 100 })).items.length;
    const refused: NewUsageRecord[] = [
      record("2026-01", "online-backup-server", "-1"),
      record("2026-01", "online-backup-server", "NaN"),
      record("2026-01", "online-backup-server", "Infinity"),
      record("2026-13", "online-backup-server", "1"),
      record("2026-1", "online-backup-server", "1"),
      record("2026-01", "", "1"),
      record("2026-01", "online-backup-server", "1", { contractId: "MS-404" }),
    ];
    for (const bad of refused) {
      await expect(insertUsageRecords(database.db, [record("2026-01", "online-backup-server", "5"), bad], NOW), JSON.stringify(bad)).rejects.toThrow();
    }
    expect((await listUsageRecords(database.db, "MS-1", { limit: 100 })).items).toHaveLength(before);
  });
});
