import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { contingentContractInput, entryInput, managedServicesContractInput } from "./contingent-fixtures.js";
import { record } from "./contingent-test-support.js";

let api: TestApi;

interface Point {
  month: string;
  status: string;
  through: string;
  openingMinutes: number;
  creditMinutes: number;
  chargedMinutes: number;
  adjustmentMinutes: number;
  correctionMinutes: number;
  closingMinutes: number;
  openingHours: string;
  creditHours: string;
  chargedHours: string;
  adjustmentHours: string;
  closingHours: string;
}

interface Series {
  contractId: string;
  date: string;
  from: string;
  to: string;
  monthlyMinutes: number;
  points: Point[];
}

function consumption(query: string, token = api.tokens.muellerManager, id = "K-CS-1") {
  return api.request({ method: "GET", url: `/v1/contracts/${id}/consumption${query}`, token });
}

async function close(month: string, at: string): Promise<void> {
  api.clock.set(new Date(at));
  const response = await api.request({ method: "POST", url: "/v1/contracts/K-CS-1/month-closes", payload: { month }, token: api.tokens.backOffice });
  expect(response.statusCode, response.body).toBe(201);
}

async function recorded(at: string, entries: ReturnType<typeof entryInput>[]): Promise<void> {
  const response = await record(api, "K-CS-1", at, entries);
  expect(response.statusCode, response.body).toBe(201);
}

beforeAll(async () => {
  api = await createTestApi();
  // Müller's 10-hour contingent (600 minutes a month), from August 2026.
  const created = await api.request({
    method: "POST",
    url: "/v1/contracts",
    payload: contingentContractInput("K-CS-1", api.organizations.mueller, { startDate: "2026-08-01" }),
    token: api.tokens.accountManager,
  });
  expect(created.statusCode, created.body).toBe(201);
  // August: 150 + 5 (billed 15) + 285 = 450; 600 − 450 = 150 carried (C2).
  await recorded("2026-08-31T16:00:00.000Z", [entryInput("E-1", "2026-08-06", 150), entryInput("E-2", "2026-08-13", 5), entryInput("E-3", "2026-08-20", 285)]);
  await close("2026-08", "2026-09-01T05:00:00.000Z");
  // September: 480 + 330 = 810; 150 + 600 − 810 = −60 (C3), no correction yet (C4).
  await recorded("2026-09-30T16:00:00.000Z", [entryInput("E-4", "2026-09-08", 480), entryInput("E-5", "2026-09-22", 330)]);
  await close("2026-09", "2026-10-01T05:00:00.000Z");
  // October: 60 worked on 29 September, back-dated into October (C8); +30 goodwill (C7); 480 + 360.
  await recorded("2026-10-05T08:00:00.000Z", [entryInput("E-6", "2026-09-29", 60)]);
  api.clock.set(new Date("2026-10-20T10:00:00.000Z"));
  const goodwill = await api.request({
    method: "POST",
    url: "/v1/contracts/K-CS-1/adjustments",
    payload: { id: "goodwill-oct", date: "2026-10-20", minutes: 30, reason: "Kulanz" },
    token: api.tokens.accountManager,
  });
  expect(goodwill.statusCode, goodwill.body).toBe(201);
  await recorded("2026-10-27T17:00:00.000Z", [entryInput("E-7", "2026-10-14", 480), entryInput("E-8", "2026-10-27", 360)]);
  // −60 + 600 − 900 + 30 = −330 < −300: C4 bills 330 and credits them back. 23:30Z on 31 October
  // is already 1 November in Berlin (CET since the 25th), so October may be closed.
  await close("2026-10", "2026-10-31T23:30:00.000Z");
  // November so far: 120 + 200 (billed 210) = 330.
  await recorded("2026-11-16T08:00:00.000Z", [entryInput("E-9", "2026-11-03", 120), entryInput("E-10", "2026-11-10", 200)]);
  api.clock.set(new Date("2026-11-16T09:00:00.000Z"));
}, 120_000);
afterAll(() => api.close());

describe(`contingent consumption on ${testDatabaseKind()} (K13)`, () => {
  it("K13: Müller's manager sees August–November month by month; July (before the start) and December (to come) are left out", async () => {
    const response = await consumption("?from=2026-07&to=2026-12");
    expect(response.statusCode, response.body).toBe(200);
    const series = response.json<Series>();
    expect(series).toMatchObject({ contractId: "K-CS-1", date: "2026-11-16", from: "2026-07", to: "2026-12", monthlyMinutes: 600 });
    // [month, status, through, opening, credit, charged, adjustment, correction, closing]
    expect(series.points.map((p) => [p.month, p.status, p.through, p.openingMinutes, p.creditMinutes, p.chargedMinutes, p.adjustmentMinutes, p.correctionMinutes, p.closingMinutes])).toEqual([
      ["2026-08", "closed", "2026-08-31", 0, 600, 450, 0, 0, 150],
      ["2026-09", "closed", "2026-09-30", 150, 600, 810, 0, 0, -60],
      // charged 480 + 360 + 60 back-dated; adjustment 30 goodwill + 330 correction.
      ["2026-10", "closed", "2026-10-31", -60, 600, 900, 360, 330, 0],
      // 0 + 600 − 330 = 270 on the 16th, the open month so far.
      ["2026-11", "open", "2026-11-16", 0, 600, 330, 0, 0, 270],
    ]);
    expect(series.points.map((p) => [p.openingHours, p.creditHours, p.chargedHours, p.adjustmentHours, p.closingHours])).toEqual([
      ["0", "10", "7.5", "0", "2.5"],
      ["2.5", "10", "13.5", "0", "-1"],
      ["-1", "10", "15", "6", "0"],
      ["0", "10", "5.5", "0", "4.5"],
    ]);
    // The current month ends where the statement of today does (C7).
    const statement = await api.request({ method: "GET", url: "/v1/contracts/K-CS-1/statement", token: api.tokens.muellerManager });
    expect(statement.json<{ balanceMinutes: number }>().balanceMinutes).toBe(270);
  });

  it("`to` defaults to the current month in the contract's zone; staff with contingent:read see the same", async () => {
    const response = await consumption("?from=2026-10", api.tokens.accountManager);
    expect(response.statusCode, response.body).toBe(200);
    const series = response.json<Series>();
    expect(series.to).toBe("2026-11");
    expect(series.points.map((p) => [p.month, p.closingMinutes])).toEqual([["2026-10", 0], ["2026-11", 270]]);
    // 23:30Z on 31 October: already November in Berlin; its credit counts from the 1st (C2).
    api.clock.set(new Date("2026-10-31T23:30:00.000Z"));
    try {
      const early = (await consumption("?from=2026-10")).json<Series>();
      expect(early).toMatchObject({ date: "2026-11-01", to: "2026-11" });
      expect(early.points.map((p) => [p.month, p.openingMinutes, p.creditMinutes, p.chargedMinutes, p.closingMinutes])).toEqual([
        ["2026-10", -60, 600, 900, 0],
        ["2026-11", 0, 600, 0, 600],
      ]);
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00.000Z"));
    }
  });

  it("K10: Bäckerei's manager gets 404; Müller's reporter too (contingent:read is the manager's); a technician 404", async () => {
    expectProblem(await consumption("?from=2026-08", api.tokens.baeckereiManager), 404);
    expectProblem(await consumption("?from=2026-08", api.tokens.muellerReporter), 404);
    expectProblem(await consumption("?from=2026-08", api.tokens.technician), 404);
    expectProblem(await consumption("?from=2026-08", api.tokens.muellerManager, "K-NOPE"), 404);
  });

  it("400 names query.from or query.to for a malformed month; a missing from is 400 too", async () => {
    expectProblem(await consumption("?from=2026-13"), 400, "query.from");
    expectProblem(await consumption("?from=2026-08&to=Nov"), 400, "query.to");
    expectProblem(await consumption(""), 400, "query.from");
  });

  it("422 names the field: a reversed range, a range over 36 months", async () => {
    expect(expectProblem(await consumption("?from=2026-11&to=2026-08"), 422, "query.to").code).toBe("C7_RANGE_REVERSED");
    // No `to`: the current month (November) is before December.
    expect(expectProblem(await consumption("?from=2026-12"), 422, "query.from").code).toBe("C7_RANGE_REVERSED");
    // 2024-01 … 2027-01 is 37 months; 2024-01 … 2026-12 (36) is answered.
    expect(expectProblem(await consumption("?from=2024-01&to=2027-01"), 422, "query.to").code).toBe("C7_RANGE_TOO_LONG");
    expect(expectProblem(await consumption("?from=2023-11"), 422, "query.from").code).toBe("C7_RANGE_TOO_LONG");
    const longest = await consumption("?from=2024-01&to=2026-12");
    expect(longest.statusCode, longest.body).toBe(200);
    expect(longest.json<Series>().points.map((p) => p.month)).toEqual(["2026-08", "2026-09", "2026-10", "2026-11"]);
  });

  it("C2: only a contingent has a balance: managed services are 422 C2_NOT_A_CONTINGENT naming params.id", async () => {
    const created = await api.request({ method: "POST", url: "/v1/contracts", payload: managedServicesContractInput("MS-CS-1", api.organizations.mueller), token: api.tokens.accountManager });
    expect(created.statusCode, created.body).toBe(201);
    expect(expectProblem(await consumption("?from=2026-08", api.tokens.muellerManager, "MS-CS-1"), 422, "params.id").code).toBe("C2_NOT_A_CONTINGENT");
  });
});
