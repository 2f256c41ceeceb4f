import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { applyMigration, databaseBefore, MIGRATION_TEST_TIMEOUT_MS } from "../testing/database-before.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertContract } from "./contracts.js";
import { insertOrganization } from "./organizations.js";
import {
  AUTOMATIC_SERVICE_REPORT_RELEASE,
  findServiceReport,
  findServiceReportSummary,
  insertServiceReportIfAbsent,
  listServiceReports,
  markServiceReportReleased,
} from "./service-reports.js";

const STORED_AT = new Date("2026-12-01T05:00:00Z");
const RELEASED_AT = new Date("2026-12-02T08:30:00Z");
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);

/** A report of contract `K-<n>` for `month`, stored with the given release. */
function report(contract: number, month: string, releasedBy: string | null) {
  return { id: `SR-K-${contract}-${month}`, contractId: `K-${contract}`, organizationId: "org-1", month, pdf: PDF, releasedBy };
}

describe(`service reports' billing release on ${testDatabaseKind()} (K1, C8, K13)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, { id: "org-1", name: "Müller GmbH" }, STORED_AT);
    for (const id of ["K-1", "K-2", "K-3"]) {
      await insertContract(database.db, { id, organizationId: "org-1", kind: "contingent", contract: { id }, account: { firstOpenMonth: "2026-12", entries: [] } }, STORED_AT);
    }
    // November: K-1 billed automatically, K-2 and K-3 held for the back office; October: K-1 automatically.
    await insertServiceReportIfAbsent(database.db, report(1, "2026-11", AUTOMATIC_SERVICE_REPORT_RELEASE), STORED_AT);
    await insertServiceReportIfAbsent(database.db, report(2, "2026-11", null), STORED_AT);
    await insertServiceReportIfAbsent(database.db, report(3, "2026-11", null), STORED_AT);
    await insertServiceReportIfAbsent(database.db, report(1, "2026-10", AUTOMATIC_SERVICE_REPORT_RELEASE), new Date("2026-11-01T05:00:00Z"));
  });
  afterAll(() => database.close());

  it("C8: a report stored automatically is released at its storing instant by 'automatic'; a held one has neither", async () => {
    expect(await findServiceReportSummary(database.db, "SR-K-1-2026-11")).toMatchObject({ releasedAt: STORED_AT, releasedBy: "automatic", sizeBytes: 5 });
    expect(await findServiceReportSummary(database.db, "SR-K-2-2026-11")).toMatchObject({ releasedAt: null, releasedBy: null, sizeBytes: 5 });
  });

  it("C8: storing a contract month again keeps the first row and its release state", async () => {
    const again = await insertServiceReportIfAbsent(database.db, { ...report(2, "2026-11", AUTOMATIC_SERVICE_REPORT_RELEASE), pdf: new Uint8Array([1]) }, RELEASED_AT);
    expect([again.releasedAt, again.releasedBy, again.pdf.byteLength, again.createdAt]).toEqual([null, null, 5, STORED_AT]);
  });

  it("K1, K13: lists filter by release state: released (what a customer may see), held (the back office's work list) or both", async () => {
    const ids = async (released: boolean | undefined) => (await listServiceReports(database.db, { limit: 10, released })).items.map((item) => item.id);
    expect(await ids(undefined)).toEqual(["SR-K-3-2026-11", "SR-K-2-2026-11", "SR-K-1-2026-11", "SR-K-1-2026-10"]);
    expect(await ids(true)).toEqual(["SR-K-1-2026-11", "SR-K-1-2026-10"]);
    expect(await ids(false)).toEqual(["SR-K-3-2026-11", "SR-K-2-2026-11"]);
    // Combined with the other filters and paginated like before.
    const page = await listServiceReports(database.db, { limit: 1, released: false, organizationId: "org-1", month: "2026-11" });
    expect([page.items.map((item) => item.id), page.next]).toEqual([["SR-K-3-2026-11"], { month: "2026-11", id: "SR-K-3-2026-11" }]);
    const rest = await listServiceReports(database.db, { limit: 1, released: false, organizationId: "org-1", after: page.next });
    expect([rest.items.map((item) => item.id), rest.next]).toEqual([["SR-K-2-2026-11"], undefined]);
  });

  it("K1: the back office releases a held report once; a second release, a released report and an unknown id get nothing", async () => {
    const released = await markServiceReportReleased(database.db, "SR-K-2-2026-11", "staff-back-office", RELEASED_AT);
    expect(released).toEqual({
      id: "SR-K-2-2026-11",
      contractId: "K-2",
      organizationId: "org-1",
      month: "2026-11",
      createdAt: STORED_AT,
      sizeBytes: 5,
      releasedAt: RELEASED_AT,
      releasedBy: "staff-back-office",
    });
    expect(await markServiceReportReleased(database.db, "SR-K-2-2026-11", "staff-admin", new Date("2026-12-03T08:00:00Z"))).toBeUndefined();
    expect(await markServiceReportReleased(database.db, "SR-K-1-2026-11", "staff-admin", RELEASED_AT)).toBeUndefined();
    expect(await markServiceReportReleased(database.db, "SR-K-9-2026-11", "staff-admin", RELEASED_AT)).toBeUndefined();
    // The first release stands; the automatic one is untouched.
    expect(await findServiceReport(database.db, "K-2", "2026-11")).toMatchObject({ releasedAt: RELEASED_AT, releasedBy: "staff-back-office" });
    expect(await findServiceReport(database.db, "K-1", "2026-11")).toMatchObject({ releasedAt: STORED_AT, releasedBy: "automatic" });
  });

  it("K1: of two concurrent releases, each in its own transaction, exactly one wins", async () => {
    const attempts = await Promise.all(
      ["staff-back-office", "staff-admin"].map((who) => database.db.transaction(async (tx) => markServiceReportReleased(tx, "SR-K-3-2026-11", who, RELEASED_AT))),
    );
    const winners = attempts.filter((attempt) => attempt !== undefined);
    expect(winners).toHaveLength(1);
    expect((await findServiceReport(database.db, "K-3", "2026-11"))?.releasedBy).toBe(winners[0]?.releasedBy);
  });

  it("a release names who made it: release instant and releaser are set both or neither", async () => {
    await expect(database.query("UPDATE service_reports SET released_by = NULL WHERE id = 'SR-K-1-2026-10'")).rejects.toThrow(/service_reports_release_check/);
    await expect(database.query("UPDATE service_reports SET released_at = NULL WHERE id = 'SR-K-1-2026-10'")).rejects.toThrow(/service_reports_release_check/);
    await expect(database.query("UPDATE service_reports SET released_by = '' WHERE id = 'SR-K-1-2026-10'")).rejects.toThrow(/service_reports_release_check/);
  });
});

describe(`migration 0020 on ${testDatabaseKind()} (K1, C8)`, () => {
  it("C8: every report stored before it was mailed when stored: it becomes released at its storing instant by 'automatic'", async () => {
    const database = await databaseBefore("0020_service_report_release.sql");
    try {
      await insertOrganization(database.db, { id: "org-1", name: "Müller GmbH" }, STORED_AT);
      await database.query("INSERT INTO contingent_contracts (id, organization_id, kind, contract, account, first_open_month, created_at, updated_at) SELECT 'K-1', 'org-1', 'contingent', '{}', '{}', '2026-12', $1, $1", [STORED_AT.toISOString()]);
      await database.query("INSERT INTO service_reports (id, contract_id, organization_id, month, pdf, created_at) VALUES ('SR-K-1-2026-10', 'K-1', 'org-1', '2026-10', '\\x25504446'::bytea, '2026-11-01T05:00:00Z'), ('SR-K-1-2026-11', 'K-1', 'org-1', '2026-11', '\\x25504446'::bytea, $1)", [STORED_AT.toISOString()]);

      await applyMigration(database, "0020_service_report_release.sql");

      const rows = await database.query<{ id: string; released_at: Date | string; released_by: string }>("SELECT id, released_at, released_by FROM service_reports ORDER BY id");
      expect(rows.rows.map((row) => [row.id, new Date(row.released_at).toISOString(), row.released_by])).toEqual([
        ["SR-K-1-2026-10", "2026-11-01T05:00:00.000Z", "automatic"],
        ["SR-K-1-2026-11", "2026-12-01T05:00:00.000Z", "automatic"],
      ]);
    } finally {
      await database.close();
    }
  }, MIGRATION_TEST_TIMEOUT_MS);
});
