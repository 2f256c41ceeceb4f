import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { entryInput } from "./contingent-fixtures.js";
import { concludeContingent, record, statement } from "./contingent-test-support.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

interface Recorded {
  entries: { id: string; rawMinutes: number; billedMinutes: number; bookingMonth: string; contractId: string }[];
  events: { type: string; thresholdPercent?: number; balanceMinutes?: number }[];
}

describe(`time entries on ${testDatabaseKind()}`, () => {
  it("C6: 150, 5 and 285 raw minutes bill 150, 15 and 285 (15-minute increments, rounded up); C7: 2.5 hours left on 31 January", async () => {
    await concludeContingent(api, "K-TE-1");
    const response = await record(api, "K-TE-1", "2026-01-31T16:00:00.000Z", [
      entryInput("E-1", "2026-01-07", 150),
      entryInput("E-2", "2026-01-14", 5),
      entryInput("E-3", "2026-01-21", 285),
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Recorded>();
    expect(body.entries.map((entry) => [entry.id, entry.rawMinutes, entry.billedMinutes, entry.bookingMonth, entry.contractId])).toEqual([
      ["E-1", 150, 150, "2026-01", "K-TE-1"],
      ["E-2", 5, 15, "2026-01", "K-TE-1"],
      ["E-3", 285, 285, "2026-01", "K-TE-1"],
    ]);
    expect(await statement(api, "K-TE-1", "2026-01-31T18:00:00+01:00")).toMatchObject({ creditMinutes: 600, debitMinutes: 450, balanceMinutes: 150, balanceHours: "2.5", closed: false });
    // The entries' events were committed with them.
    const outbox = await outboxEventsOf(api.database.db, "contract", "K-TE-1");
    expect(outbox.map((row) => row.dedupeKey)).toEqual(["contingent:K-TE-1:entry:E-1", "contingent:K-TE-1:entry:E-2", "contingent:K-TE-1:entry:E-3"]);
    expect(outbox[0]?.topic).toBe("contingent.time-entry-recorded");
  });

  it("C6: the balance counts entries by work date; C7: the statement of 14 January shows 600 − 150 − 15", async () => {
    expect(await statement(api, "K-TE-1", "2026-01-14T12:00:00+01:00")).toMatchObject({ debitMinutes: 165, balanceMinutes: 435 });
  });

  it("C3, C4, C6: overdraft goes negative (−60 minutes) with threshold and balance-exhausted events in the outbox", async () => {
    // 200 raw minutes bill 210 (C6: 15-minute increments, rounded up): 150 − 210 = −60.
    const response = await record(api, "K-TE-1", "2026-01-31T17:00:00.000Z", [entryInput("E-4", "2026-01-28", 200)]);
    expect(response.statusCode, response.body).toBe(201);
    const events = response.json<Recorded>().events;
    expect(events.filter((event) => event.type === "threshold-reached").map((event) => event.thresholdPercent)).toEqual([80, 100]);
    expect(events.find((event) => event.type === "balance-exhausted")).toMatchObject({ balanceMinutes: -60 });
    expect(await statement(api, "K-TE-1", "2026-01-31T20:00:00+01:00")).toMatchObject({ balanceMinutes: -60, balanceHours: "-1" });
    const keys = (await outboxEventsOf(api.database.db, "contract", "K-TE-1")).map((row) => row.dedupeKey);
    expect(keys).toEqual(expect.arrayContaining(["contingent:K-TE-1:2026-01:threshold:80", "contingent:K-TE-1:2026-01:threshold:100", "contingent:K-TE-1:balance-exhausted:E-4"]));
  });

  it("C5: a non-billable entry without justification is 422 naming body.entries.1.justification, and nothing is recorded", async () => {
    const response = await record(api, "K-TE-1", "2026-01-31T17:30:00.000Z", [entryInput("E-5", "2026-01-29", 30), entryInput("E-6", "2026-01-29", 40, { billable: false })]);
    expect(expectProblem(response, 422, "body.entries.1.justification").code).toBe("C5_JUSTIFICATION_REQUIRED");
    const list = await api.request({ method: "GET", url: "/v1/contracts/K-TE-1/time-entries", token: api.tokens.technician });
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual(["E-1", "E-2", "E-3", "E-4"]);
  });

  it("C5: a justified non-billable entry bills 0 minutes and leaves the balance alone", async () => {
    const response = await record(api, "K-TE-1", "2026-01-31T17:40:00.000Z", [entryInput("E-7", "2026-01-29", 40, { billable: false, justification: "Follow-up of our own mistake" })]);
    expect(response.json<Recorded>().entries[0]?.billedMinutes).toBe(0);
    expect((await statement(api, "K-TE-1", "2026-01-31T20:00:00+01:00")).balanceMinutes).toBe(-60);
  });

  it("C6: a future work date and a duplicate id are refused with their rule codes", async () => {
    const future = await record(api, "K-TE-1", "2026-01-31T17:50:00.000Z", [entryInput("E-8", "2026-02-02", 30)]);
    expect(expectProblem(future, 422, "body.entries.0.workDate").code).toBe("C6_WORK_DATE_IN_FUTURE");
    const duplicate = await record(api, "K-TE-1", "2026-01-31T17:50:00.000Z", [entryInput("E-1", "2026-01-30", 30)]);
    expect(expectProblem(duplicate, 422, "body.entries.0.id").code).toBe("C6_DUPLICATE_ENTRY");
  });

  it("K10: technicians and dispatchers record (ticket:work); back office and the customer's manager get 403, another customer 404", async () => {
    const entry = (id: string) => [entryInput(id, "2026-01-30", 15)];
    expect((await record(api, "K-TE-1", "2026-01-31T18:00:00.000Z", entry("E-D"), api.tokens.dispatcher)).statusCode).toBe(201);
    expectProblem(await record(api, "K-TE-1", "2026-01-31T18:00:00.000Z", entry("E-X"), api.tokens.backOffice), 403);
    expectProblem(await record(api, "K-TE-1", "2026-01-31T18:00:00.000Z", entry("E-X"), api.tokens.muellerManager), 403);
    expectProblem(await record(api, "K-TE-1", "2026-01-31T18:00:00.000Z", entry("E-X"), api.tokens.baeckereiManager), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/contracts/K-TE-1/time-entries", token: api.tokens.baeckereiManager }), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/contracts/K-TE-1/statement", token: api.tokens.muellerReporter }), 404);
  });

  it("pages through the entries with the cursor", async () => {
    const seen: string[] = [];
    let url: string | undefined = "/v1/contracts/K-TE-1/time-entries?limit=2";
    while (url !== undefined) {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await api.request({ method: "GET", url, token: api.tokens.muellerManager })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      url = page.nextCursor === null ? undefined : `/v1/contracts/K-TE-1/time-entries?limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(["E-1", "E-2", "E-3", "E-4", "E-7", "E-D"]);
  });

  it("C2: a statement before the contract starts is 422 C1_OUTSIDE_CONTRACT_TERM", async () => {
    const response = await api.request({ method: "GET", url: "/v1/contracts/K-TE-1/statement?asOf=2025-12-31T12:00:00Z", token: api.tokens.admin });
    expect(expectProblem(response, 422).code).toBe("C1_OUTSIDE_CONTRACT_TERM");
  });
});
