import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { entryInput } from "./contingent-fixtures.js";
import { concludeContingent, record, statement } from "./contingent-test-support.js";

let api: TestApi;

interface Closed {
  month: string;
  statement: { openingMinutes: number; creditMinutes: number; debitMinutes: number; closingMinutes: number; closingBeforeCorrectionMinutes: number; correctionMinutes: number; correctionTrigger: string | null };
  serviceReport: { id: string; entries: { id: string }[]; totals: { billedMinutes: number } };
  invoice: { presentation: string; lines: { kind: string; quantity: string; net: { amount: string; currency: string }; serviceReportId: string | null }[]; net: { amount: string } };
  flags: { overbooked: boolean; oversized: boolean };
}

async function close(contractId: string, month: string, at: string, token = api.tokens.backOffice) {
  api.clock.set(new Date(at));
  return api.request({ method: "POST", url: `/v1/contracts/${contractId}/month-closes`, payload: { month }, token });
}

beforeAll(async () => {
  api = await createTestApi();
  await concludeContingent(api, "K-MC-1");
  const recorded = await record(api, "K-MC-1", "2026-01-31T16:00:00.000Z", [
    entryInput("E-1", "2026-01-07", 150),
    entryInput("E-2", "2026-01-14", 5),
    entryInput("E-3", "2026-01-21", 285),
    entryInput("E-4", "2026-01-22", 30, { billable: false, justification: "Warranty repair" }),
  ]);
  expect(recorded.statusCode, recorded.body).toBe(201);
}, 60_000);
afterAll(() => api.close());

describe(`month close on ${testDatabaseKind()}`, () => {
  it("C8: January cannot be closed before it has ended in Berlin (23:00Z on 31 January is already February 1st there)", async () => {
    expect(expectProblem(await close("K-MC-1", "2026-01", "2026-01-31T22:59:59.000Z"), 422).code).toBe("C8_MONTH_NOT_ENDED");
  });

  it("C2, C8: closing January bills 950.00 EUR for the contingent, carries 150 minutes and writes report before invoice to the outbox", async () => {
    const response = await close("K-MC-1", "2026-01", "2026-02-01T05:00:00.000Z");
    expect(response.statusCode, response.body).toBe(201);
    const closed = response.json<Closed>();
    expect(closed.statement).toMatchObject({ openingMinutes: 0, creditMinutes: 600, debitMinutes: 450, closingMinutes: 150, correctionTrigger: null });
    expect(closed.invoice).toMatchObject({ presentation: "service-report-id-and-amount", net: { amount: "950.00" } });
    expect(closed.invoice.lines).toEqual([expect.objectContaining({ kind: "contingent-monthly", quantity: "1", net: { amount: "950.00", currency: "EUR" }, serviceReportId: "SR-K-MC-1-2026-01" })]);
    // C5: the non-billable entry is on the report, with 0 billed minutes.
    expect(closed.serviceReport).toMatchObject({ id: "SR-K-MC-1-2026-01", totals: { billedMinutes: 450 } });
    expect(closed.serviceReport.entries.map((entry) => entry.id)).toEqual(["E-1", "E-2", "E-3", "E-4"]);
    const topics = (await outboxEventsOf(api.database.db, "contract", "K-MC-1")).map((row) => row.topic).filter((topic) => topic !== "contingent.time-entry-recorded");
    expect(topics).toEqual(["contingent.service-report-ready", "contingent.invoice-due", "contingent.month-closed"]);
  });

  it("idempotent: closing January again answers 200 with the same record and bills nothing twice", async () => {
    const before = await outboxEventsOf(api.database.db, "contract", "K-MC-1");
    const first = await api.request({ method: "GET", url: "/v1/contracts/K-MC-1", token: api.tokens.admin });
    const again = await close("K-MC-1", "2026-01", "2026-02-03T09:00:00.000Z", api.tokens.admin);
    expect(again.statusCode).toBe(200);
    expect(again.json<Closed>().statement.closingMinutes).toBe(150);
    const after = await outboxEventsOf(api.database.db, "contract", "K-MC-1");
    expect(after).toHaveLength(before.length);
    expect(after.filter((row) => row.topic === "contingent.invoice-due")).toHaveLength(1);
    const contract = await api.request({ method: "GET", url: "/v1/contracts/K-MC-1", token: api.tokens.admin });
    expect(contract.json<{ firstOpenMonth: string; version: number }>()).toEqual(expect.objectContaining({ firstOpenMonth: "2026-02", version: first.json<{ version: number }>().version }));
  });

  it("C8: only the first open month can be closed next", async () => {
    expect(expectProblem(await close("K-MC-1", "2026-03", "2026-04-01T05:00:00.000Z"), 422).code).toBe("C8_MONTH_NOT_OPEN");
  });

  it("C2, C7: February opens with the 150 minutes carried over: 750 on 2 February; 14 January reads from the closed month", async () => {
    expect(await statement(api, "K-MC-1", "2026-02-02T12:00:00+01:00")).toMatchObject({ month: "2026-02", openingMinutes: 150, creditMinutes: 600, balanceMinutes: 750, balanceHours: "12.5", closed: false });
    expect(await statement(api, "K-MC-1", "2026-01-14T12:00:00+01:00")).toMatchObject({ month: "2026-01", closed: true, balanceMinutes: 435 });
  });

  it("C8: an entry worked in closed January is booked into February; its id stays unique after the close", async () => {
    const late = await record(api, "K-MC-1", "2026-02-03T09:00:00.000Z", [entryInput("E-5", "2026-01-30", 60)]);
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json<{ entries: { bookingMonth: string }[] }>().entries[0]?.bookingMonth).toBe("2026-02");
    expect((await statement(api, "K-MC-1", "2026-02-03T12:00:00+01:00")).balanceMinutes).toBe(690);
    const duplicate = await record(api, "K-MC-1", "2026-02-03T09:00:00.000Z", [entryInput("E-1", "2026-02-02", 15)]);
    expect(expectProblem(duplicate, 422, "body.entries.0.id").code).toBe("C6_DUPLICATE_ENTRY");
  });

  it("C4: a month ending below −50 % of the monthly hours bills the 6 deficit hours at 95.00 EUR (570.00) and flags the account manager", async () => {
    await concludeContingent(api, "K-MC-2");
    // 960 minutes worked against 600: −360 < −300.
    await record(api, "K-MC-2", "2026-01-30T16:00:00.000Z", [entryInput("E-1", "2026-01-12", 480), entryInput("E-2", "2026-01-13", 480)]);
    const response = await close("K-MC-2", "2026-01", "2026-02-01T05:00:00.000Z");
    expect(response.statusCode, response.body).toBe(201);
    const closed = response.json<Closed>();
    expect(closed.statement).toMatchObject({ closingBeforeCorrectionMinutes: -360, correctionMinutes: 360, closingMinutes: 0, correctionTrigger: "deficit-below-limit" });
    expect(closed.invoice.lines.map((line) => [line.kind, line.quantity, line.net.amount])).toEqual([
      ["contingent-monthly", "1", "950.00"],
      ["correction", "6", "570.00"],
    ]);
    expect(closed.invoice.net.amount).toBe("1520.00");
    const keys = (await outboxEventsOf(api.database.db, "contract", "K-MC-2")).map((row) => row.dedupeKey);
    expect(keys).toEqual(expect.arrayContaining(["contingent:K-MC-2:2026-01:correction-invoice-due", "contingent:K-MC-2:2026-01:flag:overbooked"]));
  });

  it("K10: back office and admin close months; an account manager gets 403, the customer's manager and another customer 404", async () => {
    expectProblem(await close("K-MC-1", "2026-02", "2026-03-01T05:00:00.000Z", api.tokens.accountManager), 403);
    expectProblem(await close("K-MC-1", "2026-02", "2026-03-01T05:00:00.000Z", api.tokens.muellerManager), 404);
    expectProblem(await close("K-MC-1", "2026-02", "2026-03-01T05:00:00.000Z", api.tokens.baeckereiManager), 404);
  });
});
