import { activeMaintenancePlans } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { dueScheduledTickets, maintenancePlanSchema, type MaintenancePlan } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { allPages } from "../../testing/all-pages.js";
import { resourceRequests } from "../../testing/resource-requests.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";

// The test clock stands at 2026-11-16T09:00Z.

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

const { create, read, replace } = resourceRequests(() => api, "/v1/maintenance-plans", (tokens) => tokens.accountManager);

interface StoredPlan {
  plan: MaintenancePlan;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Müller's quarterly backup check without its id, first due on a month end: its second occurrence lies in February of the next year. */
function backupCheckRecord() {
  return {
    organizationId: api.organizations.mueller,
    source: "maintenance-plan",
    title: "Backup-Prüfung",
    checklist: ["Rücksicherung einer Datei testen", "Speicherplatz des NAS prüfen"],
    recurrence: { unit: "month", interval: 3 },
    firstDue: "2026-11-30",
  };
}

/** {@link backupCheckRecord} with an id, as POSTed. */
function backupCheck(id: string) {
  return { id, ...backupCheckRecord() };
}

/** The plans the scheduled-tickets job runs on, parsed as it parses them. */
async function plansTheWorkerRuns(): Promise<MaintenancePlan[]> {
  return (await activeMaintenancePlans(api.database.db)).map((row) => maintenancePlanSchema.parse(row.record));
}

/** Due days of one plan the worker would open tickets for in `(since, asOf]`, in Berlin. */
async function dueDays(planId: string, since: string, asOf: string): Promise<string[]> {
  const plans = (await plansTheWorkerRuns()).filter((plan) => plan.id === planId);
  return dueScheduledTickets(plans, since, asOf, "Europe/Berlin").map((occurrence) => occurrence.dueDate);
}

describe(`maintenance plans on ${testDatabaseKind()} (K9)`, () => {
  it("K9: a quarterly plan from 2026-11-30 is active by default and crosses the year end to 2027-02-28, then back to the 30th", async () => {
    const response = await create(backupCheck("plan-backup"));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.location).toBe("/v1/maintenance-plans/plan-backup");
    const body = response.json<StoredPlan>();
    expect(body).toMatchObject({ version: 1, createdAt: "2026-11-16T09:00:00.000Z", plan: { ...backupCheck("plan-backup"), active: true } });
    expect((await read("plan-backup", api.tokens.muellerManager)).json<StoredPlan>()).toEqual(body);

    expect((await plansTheWorkerRuns()).map((plan) => plan.id)).toContain("plan-backup");
    expect(await dueDays("plan-backup", "2026-11-16T09:00:00Z", "2027-06-01T00:00:00+02:00")).toEqual(["2026-11-30", "2027-02-28", "2027-05-30"]);
    const [first] = dueScheduledTickets(await plansTheWorkerRuns(), "2026-11-29T00:00:00+01:00", "2026-11-30T00:15:00+01:00", "Europe/Berlin");
    expect(first?.ticket).toMatchObject({ organizationId: "org-mueller", subject: "Wartung: Backup-Prüfung (2026-11-30)", scheduleKey: "plan-backup:2026-11-30" });
  });

  it("K9: a yearly needs-analysis item due on the leap day 2028-02-29 falls on 2029-02-28 and is back on 2032-02-29", async () => {
    const leap = { ...backupCheck("plan-leap"), source: "needs-analysis", title: "Firewall-Regeln prüfen", recurrence: { unit: "year", interval: 1 }, firstDue: "2028-02-29" };
    expect((await create(leap)).statusCode).toBe(201);
    expect(await dueDays("plan-leap", "2028-01-01T00:00:00+01:00", "2032-03-01T00:00:00+01:00")).toEqual(["2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"]);
    expectProblem(await create({ ...leap, id: "plan-leap-2", firstDue: "2027-02-29" }), 400, "body.firstDue");
  });

  it("K9: pausing by PUT takes the plan out of the worker's run, resuming puts it back; versions count up", async () => {
    await create(backupCheck("plan-pause"));
    const record = backupCheckRecord();
    const paused = await replace("plan-pause", { ...record, active: false, expectedVersion: 1 });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json<StoredPlan>()).toMatchObject({ version: 2, plan: { active: false } });
    expect((await plansTheWorkerRuns()).map((plan) => plan.id)).not.toContain("plan-pause");
    const pausedIds = (await api.request({ method: "GET", url: "/v1/maintenance-plans?active=false", token: api.tokens.dispatcher }))
      .json<{ items: StoredPlan[] }>()
      .items.map((item) => item.plan.id);
    expect(pausedIds).toEqual(["plan-pause"]);

    const resumed = await replace("plan-pause", { ...record, active: true, expectedVersion: 2 });
    expect(resumed.json<StoredPlan>()).toMatchObject({ version: 3, plan: { active: true } });
    expect((await plansTheWorkerRuns()).map((plan) => plan.id)).toContain("plan-pause");
  });

  it("K9: changing the interval to every 2 weeks (a full replacement) changes the due days the worker computes, across the year end", async () => {
    await create(backupCheck("plan-interval"));
    const record = backupCheckRecord();
    const biweekly = { ...record, recurrence: { unit: "week", interval: 2 }, firstDue: "2026-12-21", expectedVersion: 1 };
    // PUT replaces the whole plan: `active` is not defaulted as on create.
    expectProblem(await replace("plan-interval", biweekly), 400, "body.active");
    const changed = await replace("plan-interval", { ...biweekly, active: true });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await dueDays("plan-interval", "2026-12-20T00:00:00+01:00", "2027-01-19T00:00:00+01:00")).toEqual(["2026-12-21", "2027-01-04", "2027-01-18"]);
  });

  it("K9: a PUT based on an old version is 409 VERSION_CONFLICT; moving the plan to another organization is 400 on body.organizationId", async () => {
    await create(backupCheck("plan-race"));
    const record = backupCheckRecord();
    expect((await replace("plan-race", { ...record, title: "Backup-Prüfung Zentrale", active: true, expectedVersion: 1 })).statusCode).toBe(200);
    expect(expectProblem(await replace("plan-race", { ...record, active: false, expectedVersion: 1 }), 409).code).toBe("VERSION_CONFLICT");
    expect((await read("plan-race")).json<StoredPlan>()).toMatchObject({ version: 2, plan: { active: true, title: "Backup-Prüfung Zentrale" } });
    expectProblem(await replace("plan-race", { ...record, active: true, organizationId: api.organizations.baeckerei, expectedVersion: 2 }), 400, "body.organizationId");
  });

  it("K9: bad input names the field: last day before the first due day, empty checklist, unknown unit, unknown organization (404), taken id (409)", async () => {
    expectProblem(await create({ ...backupCheck("plan-bad"), endsOn: "2026-11-29" }), 400, "body.endsOn");
    expectProblem(await create({ ...backupCheck("plan-bad"), checklist: [] }), 400, "body.checklist");
    expectProblem(await create({ ...backupCheck("plan-bad"), recurrence: { unit: "fortnight", interval: 1 } }), 400, "body.recurrence.unit");
    expectProblem(await create({ ...backupCheck("plan-bad"), organizationId: "org-unknown" }), 404, "body.organizationId");
    expectProblem(await read("plan-bad"), 404);
    expect((await create({ ...backupCheck("plan-ends"), endsOn: "2026-11-30" })).statusCode).toBe(201);
    expect(expectProblem(await create(backupCheck("plan-ends")), 409).code).toBe("MAINTENANCE_PLAN_ID_TAKEN");
  });

  it("K10: account managers and admins manage plans; technician, dispatcher and the customer's manager get 403, Bäckerei Schmidt 404", async () => {
    expectProblem(await create(backupCheck("plan-access"), api.tokens.technician), 403);
    expectProblem(await create(backupCheck("plan-access"), api.tokens.dispatcher), 403);
    expectProblem(await create(backupCheck("plan-access"), api.tokens.muellerManager), 403);
    expectProblem(await create(backupCheck("plan-access"), api.tokens.baeckereiManager), 404);
    expect((await create(backupCheck("plan-access"), api.tokens.admin)).statusCode).toBe(201);
    const record = backupCheckRecord();
    expectProblem(await replace("plan-access", { ...record, active: false, expectedVersion: 1 }, api.tokens.technician), 403);
    expectProblem(await replace("plan-access", { ...record, active: false, expectedVersion: 1 }, api.tokens.baeckereiManager), 404);
  });

  it("K10: plans are contract status: Müller's manager and staff read them; the reporter and Bäckerei Schmidt's manager get 404", async () => {
    expect((await read("plan-backup", api.tokens.technician)).statusCode).toBe(200);
    expect((await read("plan-backup", api.tokens.backOffice)).statusCode).toBe(200);
    expectProblem(await read("plan-backup", api.tokens.muellerReporter), 404);
    expectProblem(await read("plan-backup", api.tokens.baeckereiManager), 404);
  });

  it("K10: lists are keyset pages per organization; a portal manager sees only their own", async () => {
    const bakery = { ...backupCheck("plan-ofen"), organizationId: api.organizations.baeckerei, title: "Backofen-Steuerung warten", recurrence: { unit: "year", interval: 1 } };
    expect((await create(bakery)).statusCode).toBe(201);
    const ids = async (url: string, token: string) => (await allPages(api, url, token)).map((item) => (item as StoredPlan).plan.id);
    const mine = await ids("/v1/maintenance-plans?limit=2", api.tokens.muellerManager);
    expect(mine).toEqual(await ids(`/v1/maintenance-plans?organizationId=${api.organizations.mueller}`, api.tokens.accountManager));
    expect(mine).toEqual(expect.arrayContaining(["plan-backup", "plan-leap", "plan-pause"]));
    expect(mine).not.toContain("plan-ofen");
    expect(new Set(mine).size).toBe(mine.length);
    expect(await ids(`/v1/maintenance-plans?organizationId=${api.organizations.mueller}`, api.tokens.baeckereiManager)).toEqual(["plan-ofen"]);
    expect(await ids(`/v1/maintenance-plans?organizationId=${api.organizations.baeckerei}&active=true`, api.tokens.dispatcher)).toEqual(["plan-ofen"]);
    expectProblem(await api.request({ method: "GET", url: "/v1/maintenance-plans", token: api.tokens.muellerReporter }), 404);
  });
});
