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
  await concludeContingent(api, "K-CANCEL");
  // The README's contingent, 10 hours a month, from 1 January 2026: 150 minutes and a mistyped 285.
  const recorded = await record(api, "K-CANCEL", "2026-01-14T16:00:00.000Z", [entryInput("E-7", "2026-01-07", 150), entryInput("E-14", "2026-01-14", 285)]);
  expect(recorded.statusCode, recorded.body).toBe(201);
}, 60_000);
afterAll(() => api.close());

interface Cancelled {
  entry: { id: string; cancelled?: { at: string; reason: string } };
  posting: { cause: string; minutes: number; date: string } | null;
  events: { type: string }[];
}

async function cancel(entryId: string, reason: string, at: string, token = api.tokens.technician, contractId = "K-CANCEL") {
  api.clock.set(new Date(at));
  return api.request({ method: "POST", url: `/v1/contracts/${contractId}/time-entries/${entryId}/cancellation`, payload: { reason }, token });
}

describe(`cancelling time entries on ${testDatabaseKind()}`, () => {
  it("K10: the customer's portal manager may not cancel (403), another customer's user finds no contract (404); nothing changes", async () => {
    expectProblem(await cancel("E-14", "Tippfehler", "2026-01-20T11:00:00.000Z", api.tokens.muellerManager), 403);
    expectProblem(await cancel("E-14", "Tippfehler", "2026-01-20T11:00:00.000Z", api.tokens.baeckereiManager), 404);
    expect((await statement(api, "K-CANCEL", "2026-01-20T23:00:00+01:00")).balanceMinutes).toBe(600 - 150 - 285);
  });

  it("C6/C7: the technician cancels the mistyped 285 minutes; they come back on 20 January, the 19th keeps its balance", async () => {
    const response = await cancel("E-14", "285 statt 28 Minuten getippt", "2026-01-20T11:00:00.000Z");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Cancelled>();
    expect(body.entry).toMatchObject({ id: "E-14", cancelled: { at: "2026-01-20T11:00:00.000Z", reason: "285 statt 28 Minuten getippt" } });
    expect(body.posting).toMatchObject({ cause: "entry-cancelled", minutes: 285, date: "2026-01-20" });
    expect(body.events.map((event) => event.type)).toEqual(["time-entry-cancelled"]);
    expect((await statement(api, "K-CANCEL", "2026-01-19T23:00:00+01:00")).balanceMinutes).toBe(600 - 150 - 285);
    expect((await statement(api, "K-CANCEL", "2026-01-20T23:00:00+01:00")).balanceMinutes).toBe(600 - 150);
    const listed = (await api.request({ method: "GET", url: "/v1/contracts/K-CANCEL/time-entries", token: api.tokens.muellerManager })).json<{ items: { id: string; cancelled?: { reason: string } }[] }>();
    expect(listed.items.map((item) => [item.id, item.cancelled?.reason ?? null])).toEqual([
      ["E-7", null],
      ["E-14", "285 statt 28 Minuten getippt"],
    ]);
    const topics = (await outboxEventsOf(api.database.db, "contract", "K-CANCEL")).map((row) => row.topic);
    expect(topics).toContain("contingent.time-entry-cancelled");
  });

  it("C6: a second cancellation is 422 C6_ENTRY_CANCELLED, an unknown entry 404, an empty reason 400 on body.reason; the id stays taken", async () => {
    expect(expectProblem(await cancel("E-14", "noch einmal", "2026-01-21T11:00:00.000Z"), 422, "body.entryId").code).toBe("C6_ENTRY_CANCELLED");
    expectProblem(await cancel("E-404", "Tippfehler", "2026-01-21T11:00:00.000Z"), 404);
    expectProblem(await cancel("E-7", "", "2026-01-21T11:00:00.000Z"), 400, "body.reason");
    const again = await record(api, "K-CANCEL", "2026-01-21T11:00:00.000Z", [entryInput("E-14", "2026-01-14", 28)]);
    expect(expectProblem(again, 422, "body.entries.0.id").code).toBe("C6_DUPLICATE_ENTRY");
  });

  it("C8: January closes without the cancelled entry; afterwards its entries can no longer be cancelled (422 C6_ENTRY_NOT_OPEN)", async () => {
    expect((await record(api, "K-CANCEL", "2026-01-21T11:00:00.000Z", [entryInput("E-14b", "2026-01-14", 28)])).statusCode).toBe(201);
    api.clock.set(new Date("2026-02-01T05:00:00.000Z"));
    const closed = await api.request({ method: "POST", url: "/v1/contracts/K-CANCEL/month-closes", payload: { month: "2026-01" }, token: api.tokens.backOffice });
    expect(closed.statusCode, closed.body).toBe(201);
    const january = closed.json<{ serviceReport: { entries: { id: string }[] }; statement: { chargedMinutes: number; closingMinutes: number } }>();
    expect(january.serviceReport.entries.map((entry) => entry.id)).toEqual(["E-7", "E-14b"]);
    expect(january.statement).toMatchObject({ chargedMinutes: 180, closingMinutes: 420 });
    expect(expectProblem(await cancel("E-7", "zu spät", "2026-02-02T11:00:00.000Z"), 422, "body.entryId").code).toBe("C6_ENTRY_NOT_OPEN");
  });
});
