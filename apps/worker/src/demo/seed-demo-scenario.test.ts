import { buildApi, seedDemoData } from "@kontor/api";
import { activeMaintenancePlans, assetsExpiringBy, fixedClock, listLicensesEndingBetween, listMonthCloseCandidates, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase, testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dueRenewalReminder } from "../licensing/renewal-reminder-schedule.js";
import { seedDemoScenario, type DemoScenarioSummary } from "./seed-demo-scenario.js";
import { demoTimeline } from "./demo-timeline.js";

/** `SELECT count(*)` of a table (names are literals of this file). */
async function count(database: DatabaseHandle, table: string, where = "true"): Promise<number> {
  const result = await database.query<{ count: string | number }>(`SELECT count(*) AS count FROM ${table} WHERE ${where}`);
  return Number(result.rows[0]?.count);
}

async function counts(database: DatabaseHandle): Promise<Record<string, number>> {
  return {
    organizations: await count(database, "organizations"),
    licenses: await count(database, "licenses"),
    rentals: await count(database, "rental_subscriptions", "status = 'provisioned'"),
    contracts: await count(database, "contingent_contracts", "kind = 'contingent'"),
    timeEntries: await count(database, "contingent_time_entries"),
    tickets: await count(database, "tickets"),
    ordersToPurchase: await count(database, "license_orders", "status = 'purchase-due'"),
    assets: await count(database, "assets"),
    maintenancePlans: await count(database, "maintenance_plans", "active"),
  };
}

const EXPECTED = { organizations: 3, licenses: 3, rentals: 2, contracts: 1, timeEntries: 10, tickets: 6, ordersToPurchase: 1, assets: 2, maintenancePlans: 1 };

// A demo started with KONTOR_NOW at a month end, and one on New Year's morning (previous month
// in the previous year, hardly a day of the current month gone).
describe.each(["2026-11-30T16:00:00Z", "2027-01-01T05:30:00Z"])(`demo scenario at %s on ${testDatabaseKind()}`, (instant) => {
  const now = new Date(instant);
  const timeline = demoTimeline(now);
  let database: DatabaseHandle;
  let api: Awaited<ReturnType<typeof buildApi>>;
  let adminToken: string;
  let summary: DemoScenarioSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    adminToken = (await seedDemoData(database, now)).adminToken;
    summary = await seedDemoScenario(database, now);
    api = await buildApi({ database, clock: fixedClock(now), logLevel: false, rateLimitPerMinute: false });
  });

  afterAll(async () => {
    await api.close();
    await database.close();
  });

  async function get<T>(url: string): Promise<T> {
    const response = await api.inject({ method: "GET", url, headers: { authorization: `Bearer ${adminToken}` } });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<T>();
  }

  it("loads organizations, licenses, rentals, a contingent with entries, tickets and an overdue order", async () => {
    expect(summary.created).toBe(true);
    expect(await counts(database)).toEqual(EXPECTED);
    expect([summary.licenseIds.length, summary.rentalIds.length, summary.timeEntries]).toEqual([3, 2, 10]);
    expect(Object.keys(summary.ticketIds)).toHaveLength(6);
    const statuses = await database.query<{ status: string }>("SELECT status FROM tickets ORDER BY status");
    expect(statuses.rows.map((row) => row.status)).toEqual(["assigned", "in-progress", "new", "resolved", "resolved", "waiting-for-customer"]);
  });

  it("adds nothing when it runs again", async () => {
    const again = await seedDemoScenario(database, new Date(now.getTime() + 60_000));
    expect(again.created).toBe(false);
    expect(await counts(database)).toEqual(EXPECTED);
  });

  it("gives the worker's jobs something to do: renewal reminders, a month to close, a purchase due", async () => {
    const ending = await listLicensesEndingBetween(database.db, timeline.today, timeline.day(90));
    expect(ending.map(({ termEnd }) => dueRenewalReminder(termEnd, timeline.today)).sort()).toEqual([30, 90]);
    const candidates = await listMonthCloseCandidates(database.db, now, "Europe/Berlin");
    expect(candidates).toEqual([{ contractId: summary.contractId, firstOpenMonth: timeline.previousMonthStart.slice(0, 7), zone: "Europe/Berlin" }]);
    expect(summary.overdueOrder?.purchaseDueOn.localeCompare(timeline.today)).toBe(-1);
    // K11: the firewall's UTM subscription ends within the 30-day lead time, the NAS warranty does not.
    expect((await assetsExpiringBy(database.db, timeline.day(30))).map((row) => row.id)).toEqual(["demo-asset-firewall"]);
    // K9: the backup check is active and first due in a week, so the first start opens no ticket yet.
    expect((await activeMaintenancePlans(database.db)).map((row) => [row.id, (row.record as { firstDue: string }).firstDue])).toEqual([["demo-plan-backup", timeline.day(7)]]);
  });

  it("is readable through the API", async () => {
    const statement = await get<{ balanceMinutes: number }>(`/v1/contracts/${summary.contractId ?? ""}/statement`);
    // 2 × 600 credited minus 435 (last month) and 420 (this month) billable minutes.
    expect(statement.balanceMinutes).toBe(345);
    const order = await get<{ order: { status: string; purchaseDueOn: string } }>(`/v1/orders/${summary.overdueOrder?.id ?? ""}`);
    expect(order.order).toMatchObject({ status: "purchase-due", purchaseDueOn: summary.overdueOrder?.purchaseDueOn });
    const rentals = await get<{ items: { overview: { startDate: string } }[] }>("/v1/rental-subscriptions?organizationId=org-baeckerei");
    expect(rentals.items.map((item) => item.overview.startDate)).toEqual([timeline.currentMonthStart]);
    await get(`/v1/licenses/${summary.licenseIds[0] ?? ""}`);
    await get(`/v1/tickets/${summary.ticketIds.vpn ?? ""}`);
    await get(`/v1/assets/${summary.assetIds[0] ?? ""}`);
    await get(`/v1/maintenance-plans/${summary.planIds[0] ?? ""}`);
    // K12: the firewall login is listed with its pending request; its password is stored sealed.
    await get(`/v1/credentials/${summary.credentialIds[0] ?? ""}`);
    const requests = await get<{ items: { status: string }[] }>(`/v1/credentials/${summary.credentialIds[0] ?? ""}/access-requests`);
    expect(requests.items.map((item) => item.status)).toEqual(["pending"]);
    const stored = await database.query<{ secret_sealed: string }>("SELECT secret_sealed FROM access_credentials WHERE id = $1", [summary.credentialIds[0]]);
    expect(stored.rows[0]?.secret_sealed).toMatch(/^v1:/);
  });
});
