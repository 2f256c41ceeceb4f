import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { concludeContingent, record, statement } from "./contingent-test-support.js";
import { entryInput } from "./contingent-fixtures.js";

let api: TestApi;

function adjust(body: unknown, token = api.tokens.accountManager, headers: Record<string, string> = {}) {
  return api.request({ method: "POST", url: "/v1/contracts/K-ADJ-1/adjustments", payload: body as never, token, headers });
}

beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-02-10T09:00:00Z") });
  await concludeContingent(api, "K-ADJ-1");
  // January: 600 credited, 150 billed; then January is closed (balance 450).
  expect((await record(api, "K-ADJ-1", "2026-01-31T16:00:00.000Z", [entryInput("E-1", "2026-01-07", 150)])).statusCode).toBe(201);
  api.clock.set(new Date("2026-02-01T06:00:00Z"));
  const closed = await api.request({ method: "POST", url: "/v1/contracts/K-ADJ-1/month-closes", payload: { month: "2026-01" }, token: api.tokens.backOffice });
  expect(closed.statusCode, closed.body).toBe(201);
  api.clock.set(new Date("2026-02-10T09:00:00Z"));
}, 60_000);
afterAll(() => api.close());

describe(`manual adjustments on ${testDatabaseKind()} (C7)`, () => {
  it("C7: the account manager credits 2 hours of goodwill on 2026-02-09; February's statement shows it beside the credit", async () => {
    const response = await adjust({ id: "goodwill-1", date: "2026-02-09", minutes: 120, reason: "Kulanz: Ausfall des Druckers am 06.02." });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ posting: { kind: "adjustment", id: "manual:goodwill-1", cause: "manual", minutes: 120 }, events: [{ type: "balance-adjusted", minutes: 120 }] });
    // 450 carried from January + 600 credited for February + 120.
    expect(await statement(api, "K-ADJ-1", "2026-02-10T09:00:00Z")).toMatchObject({ openingMinutes: 450, creditMinutes: 600, adjustmentMinutes: 120, balanceMinutes: 1170 });
    // The day before it counts, the balance does not have it yet.
    expect((await statement(api, "K-ADJ-1", "2026-02-08T12:00:00Z")).balanceMinutes).toBe(1050);
  });

  it("C7, C8: a closed month never changes, a future day and a repeated id are refused, zero minutes name the field", async () => {
    expect(expectProblem(await adjust({ id: "late", date: "2026-01-30", minutes: -30, reason: "Nachbuchung" }), 422).code).toBe("C7_MONTH_CLOSED");
    expectProblem(await adjust({ id: "future", date: "2026-02-11", minutes: 30, reason: "Vorgriff" }), 422);
    expect(expectProblem(await adjust({ id: "goodwill-1", date: "2026-02-09", minutes: 60, reason: "noch einmal" }), 422).code).toBe("C7_DUPLICATE_ADJUSTMENT");
    expectProblem(await adjust({ id: "zero", date: "2026-02-09", minutes: 0, reason: "nichts" }), 400, "body.minutes");
  });

  it("K10: only account managers and admins book; technicians 403, the customer's manager 404, another customer 404", async () => {
    const body = { id: "who", date: "2026-02-09", minutes: 15, reason: "Test" };
    expectProblem(await adjust(body, api.tokens.technician), 403);
    expectProblem(await adjust(body, api.tokens.muellerManager), 404);
    expectProblem(await adjust(body, api.tokens.baeckereiManager), 404);
    expect((await adjust(body, api.tokens.admin)).statusCode).toBe(201);
  });

  it("a retry with the same Idempotency-Key books once", async () => {
    const body = { id: "retry-1", date: "2026-02-09", minutes: -45, reason: "Doppelt erfasster Einsatz" };
    const first = await adjust(body, api.tokens.accountManager, { "idempotency-key": "adjust-retry-1" });
    const again = await adjust(body, api.tokens.accountManager, { "idempotency-key": "adjust-retry-1" });
    expect([first.statusCode, again.statusCode, again.headers["idempotent-replayed"]]).toEqual([201, 201, "true"]);
    // 1170 + 15 (admin) − 45.
    expect((await statement(api, "K-ADJ-1", "2026-02-10T09:00:00Z")).balanceMinutes).toBe(1140);
  });
});
