import { DEFAULT_POLICY_SET } from "@kontor/contingent";
import { outboxEventsOf } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { entryInput } from "../contingent/contingent-fixtures.js";
import { concludeContingent, record } from "../contingent/contingent-test-support.js";

interface StoredPolicies {
  readonly source: "stored" | "default";
  readonly version: number;
}

interface Recorded {
  readonly entries: { readonly id: string; readonly workDate: string; readonly rawMinutes: number; readonly billedMinutes: number }[];
}

interface Closed {
  readonly statement: { readonly closingBeforeCorrectionMinutes: number; readonly correctionMinutes: number; readonly closingMinutes: number; readonly correctionTrigger: string | null };
  readonly invoice: { readonly lines: { readonly kind: string; readonly net: { readonly amount: string } }[]; readonly net: { readonly amount: string } };
  readonly warnings: { readonly thresholdPercent: number }[];
}

const DEFAULTS = JSON.parse(JSON.stringify(DEFAULT_POLICY_SET)) as { timeBilling: object[]; contingent: object[] };

/** C6, P1: the shipped 15-minute version, then from 1 February 2026 30-minute increments rounded up, at least 30. */
const THIRTY_MINUTES_FROM_FEBRUARY = { effectiveFrom: "2026-02-01", incrementMinutes: 30, rounding: "up", minimumMinutes: 30 };

/** C4, P1: from 1 January 2026 a correction only below −75 % of the monthly hours; warnings at 50, 90 and 150 %. */
const LENIENT_CORRECTION_FROM_2026 = {
  effectiveFrom: "2026-01-01",
  correction: { consecutiveNegativeMonthEnds: 3, deficitPercentOfMonthly: 75 },
  oversizedAboveMonthsOfCredit: 3,
  warningThresholdsPercent: [50, 90, 150],
};

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-02-10T09:00:00Z") });
  for (const id of ["K-CP-1", "K-CP-A", "K-CP-B"]) await concludeContingent(api, id);
  // C3: 960 minutes worked in January against a credit of 600 on A and B: −360 at the month end.
  for (const id of ["K-CP-A", "K-CP-B"]) {
    const recorded = await record(api, id, "2026-01-30T16:00:00.000Z", [entryInput(`${id}-1`, "2026-01-12", 480), entryInput(`${id}-2`, "2026-01-13", 480)]);
    expect(recorded.statusCode, recorded.body).toBe(201);
  }
}, 60_000);
afterAll(() => api.close());

const get = (who: keyof TestTokens = "admin") => api.request({ method: "GET", url: "/v1/contingent-policies", token: api.tokens[who] });
const put = (body: unknown) => {
  api.clock.set(new Date("2026-02-10T09:00:00Z"));
  return api.request({ method: "PUT", url: "/v1/contingent-policies", token: api.tokens.admin, payload: body as never });
};
const billed = (response: Awaited<ReturnType<typeof record>>) => {
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Recorded>().entries.map((entry) => [entry.workDate, entry.rawMinutes, entry.billedMinutes]);
};
const close = (contractId: string) => {
  api.clock.set(new Date("2026-02-10T09:00:00Z"));
  return api.request({ method: "POST", url: `/v1/contracts/${contractId}/month-closes`, payload: { month: "2026-01" }, token: api.tokens.backOffice });
};

describe(`contingent policies on ${testDatabaseKind()} (P1, C4, C6)`, () => {
  it("P1: before the first write staff read the shipped defaults with version 0", async () => {
    for (const who of ["admin", "accountManager", "backOffice"] as const) {
      const read = await get(who);
      expect(read.statusCode, `${who}: ${read.body}`).toBe(200);
      expect(read.json()).toEqual({ policies: DEFAULTS, source: "default", version: 0, updatedBy: null, updatedAt: null });
    }
  });

  it("C6: with nothing stored, 10 and 40 raw minutes worked on 2 February bill 15 and 45 (the shipped 15-minute increments)", async () => {
    expect(billed(await record(api, "K-CP-1", "2026-02-10T09:00:00.000Z", [entryInput("E-0a", "2026-02-02", 10), entryInput("E-0b", "2026-02-02", 40)]))).toEqual([
      ["2026-02-02", 10, 15],
      ["2026-02-02", 40, 45],
    ]);
  });

  it("P1, C6: after an admin stores a 30-minute version from 1 February, the version in force on each work date bills: 10 and 40 raw minutes are 15 and 45 on 30 January, 30 and 60 on 2 February", async () => {
    const stored = await put({ policies: { ...DEFAULTS, timeBilling: [...DEFAULTS.timeBilling, THIRTY_MINUTES_FROM_FEBRUARY] } });
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json<StoredPolicies>()).toMatchObject({ source: "stored", version: 1 });
    // One request, both versions: each entry takes the version in force on its work date.
    const response = await record(api, "K-CP-1", "2026-02-10T09:00:00.000Z", [
      entryInput("E-1", "2026-01-30", 10),
      entryInput("E-2", "2026-01-30", 40),
      entryInput("E-3", "2026-02-02", 10),
      entryInput("E-4", "2026-02-02", 40),
    ]);
    expect(billed(response)).toEqual([
      ["2026-01-30", 10, 15],
      ["2026-01-30", 40, 45],
      ["2026-02-02", 10, 30],
      ["2026-02-02", 40, 60],
    ]);
    // The other contingent routes run under the stored set too (C7).
    expect((await api.request({ method: "GET", url: "/v1/contracts/K-CP-1/statement?asOf=2026-02-10T12:00:00%2B01:00", token: api.tokens.muellerManager })).statusCode).toBe(200);
    expect((await api.request({ method: "GET", url: "/v1/contracts/K-CP-1/consumption?from=2026-01", token: api.tokens.muellerManager })).statusCode).toBe(200);
  });

  it("C4, P1: the month close follows the stored contingent policy: −360 minutes bill a 6-hour correction (570.00 EUR) under the shipped rule, none under a −75 % rule (closing −360, warnings 50/90/150 %)", async () => {
    // Version 1 keeps the shipped contingent policy: −360 < −50 % of 600.
    const shipped = await close("K-CP-A");
    expect(shipped.statusCode, shipped.body).toBe(201);
    const a = shipped.json<Closed>();
    expect(a.statement).toMatchObject({ closingBeforeCorrectionMinutes: -360, correctionMinutes: 360, closingMinutes: 0, correctionTrigger: "deficit-below-limit" });
    expect(a.warnings.map((warning) => warning.thresholdPercent)).toEqual([80, 100]);
    expect(a.invoice.net.amount).toBe("1520.00");

    const replaced = await put({ policies: { timeBilling: [...DEFAULTS.timeBilling, THIRTY_MINUTES_FROM_FEBRUARY], contingent: [...DEFAULTS.contingent, LENIENT_CORRECTION_FROM_2026] }, expectedVersion: 1 });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<StoredPolicies>().version).toBe(2);

    const lenient = await close("K-CP-B");
    expect(lenient.statusCode, lenient.body).toBe(201);
    const b = lenient.json<Closed>();
    // −360 is not below −75 % of 600 (−450) and the first negative month end: carried over.
    expect(b.statement).toMatchObject({ closingBeforeCorrectionMinutes: -360, correctionMinutes: 0, closingMinutes: -360, correctionTrigger: null });
    expect(b.warnings.map((warning) => warning.thresholdPercent)).toEqual([50, 90, 150]);
    expect(b.invoice.lines.map((line) => [line.kind, line.net.amount])).toEqual([["contingent-monthly", "950.00"]]);
    const topics = (await outboxEventsOf(api.database.db, "contract", "K-CP-B")).map((row) => row.topic);
    expect(topics).not.toContain("contingent.correction-invoice-due");
    expect((await outboxEventsOf(api.database.db, "contract", "K-CP-A")).map((row) => row.topic)).toContain("contingent.correction-invoice-due");
  });

  it("P1: a stored set that no longer parses makes time entries, month closes and reads answer 500 CONTINGENT_POLICIES_INVALID instead of billing by the defaults", async () => {
    await api.database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{timeBilling,1,incrementMinutes}', '0'::jsonb) WHERE domain = 'contingent'");
    const refused = expectProblem(await record(api, "K-CP-1", "2026-02-10T09:00:00.000Z", [entryInput("E-5", "2026-02-03", 10)]), 500);
    expect(refused.code).toBe("CONTINGENT_POLICIES_INVALID");
    expect(refused.detail).toContain("timeBilling.1.incrementMinutes");
    expect(expectProblem(await get(), 500).code).toBe("CONTINGENT_POLICIES_INVALID");
    expect(expectProblem(await close("K-CP-1"), 500).code).toBe("CONTINGENT_POLICIES_INVALID");
    // Nothing was recorded or closed.
    const list = await api.request({ method: "GET", url: "/v1/contracts/K-CP-1/time-entries", token: api.tokens.technician });
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual(["E-0a", "E-0b", "E-1", "E-2", "E-3", "E-4"]);
    expect((await api.request({ method: "GET", url: "/v1/contracts/K-CP-1", token: api.tokens.admin })).json<{ firstOpenMonth: string }>().firstOpenMonth).toBe("2026-01");
  });
});
