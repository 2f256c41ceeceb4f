import { DEFAULT_POLICY_SET } from "@kontor/contingent";
import { findInstallationPolicies } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_POLICIES } from "@kontor/licensing";
import { DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES } from "@kontor/seats";
import { DEFAULT_TICKETING_POLICIES } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { ADOBE_TEST_POLICY } from "./licensing-policies-fixtures.js";

// The test clock stands at 2026-03-17T09:00Z (10:00 in Berlin). The shipped contingent and seat
// histories start on 1970-01-01, the shipped ticketing version at 2020-01-01T00:00:00+01:00.

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-03-17T09:00:00Z") });
}, 60_000);
afterAll(() => api.close());

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const put = (path: string, policies: unknown, expectedVersion?: number) =>
  api.request({ method: "PUT", url: path, token: api.tokens.admin, payload: { policies, ...(expectedVersion === undefined ? {} : { expectedVersion }) } });
const get = (path: string) => api.request({ method: "GET", url: path, token: api.tokens.admin });
const codes = (problem: { errors?: { path: string; code: string }[] }) => problem.errors?.map((error) => [error.path, error.code]);

interface Answer<Policies> {
  readonly policies: Policies;
  readonly source: "stored" | "default";
  readonly version: number;
}

describe(`installation policies keep the start of every history on ${testDatabaseKind()} (P1)`, () => {
  describe("contingent: the current set is the shipped defaults until one is stored, then the stored one", () => {
    type ContingentSet = { timeBilling: { effectiveFrom: string }[]; contingent: { effectiveFrom: string }[] };
    const DEFAULTS = json(DEFAULT_POLICY_SET) as unknown as ContingentSet;
    const [SHIPPED_TIME_BILLING] = DEFAULTS.timeBilling;
    /** C6: from 2026-02-01 30-minute increments, rounded up, at least 30 minutes. */
    const THIRTY_MINUTES_FROM_FEBRUARY = { effectiveFrom: "2026-02-01", incrementMinutes: 30, rounding: "up", minimumMinutes: 30 };
    /** C6: from 2026-04-01 10-minute increments. */
    const TEN_MINUTES_FROM_APRIL = { effectiveFrom: "2026-04-01", incrementMinutes: 10, rounding: "up", minimumMinutes: 10 };
    const path = "/v1/contingent-policies";

    it("P1, C6: a set whose timeBilling starts 2026-02-01 (the shipped 1970-01-01 version dropped) is 422 P1_HISTORY_SHORTENED naming body.policies.timeBilling; nothing is stored", async () => {
      expect(SHIPPED_TIME_BILLING?.effectiveFrom).toBe("1970-01-01");
      const refused = expectProblem(await put(path, { ...DEFAULTS, timeBilling: [THIRTY_MINUTES_FROM_FEBRUARY] }), 422, "body.policies.timeBilling");
      expect(refused.code).toBe("P1_HISTORY_SHORTENED");
      // 2026-02-01 is in force on 2026-03-17: only the shortened history is at fault.
      expect(codes(refused)).toEqual([["body.policies.timeBilling", "P1_HISTORY_SHORTENED"]]);
      expect(refused.detail).toBe(
        "timeBilling would start on 2026-02-01, later than the current set's earliest version (from 1970-01-01), and records dated before 2026-02-01 would find no version: " +
          "keep the earliest version (from 1970-01-01) and add later versions beside it",
      );
      expect(await findInstallationPolicies(api.database.db, "contingent")).toBeUndefined();
      const read = await get(path);
      expect(read.json<Answer<ContingentSet>>()).toMatchObject({ policies: DEFAULTS, source: "default", version: 0 });
    });

    it("P1, C6: the same set with the shipped 1970-01-01 version kept beside the 2026-02-01 one is stored (201, version 1)", async () => {
      const stored = await put(path, { ...DEFAULTS, timeBilling: [...DEFAULTS.timeBilling, THIRTY_MINUTES_FROM_FEBRUARY] });
      expect(stored.statusCode, stored.body).toBe(201);
      expect(stored.json<Answer<ContingentSet>>()).toMatchObject({ source: "stored", version: 1 });
    });

    it("P1, C6: a second PUT that drops the stored 1970-01-01 version is 422 (version 1 stays); one that adds a 2026-04-01 version beside the stored ones is stored (200, version 2)", async () => {
      const dropped = expectProblem(await put(path, { ...DEFAULTS, timeBilling: [THIRTY_MINUTES_FROM_FEBRUARY] }, 1), 422, "body.policies.timeBilling");
      expect(codes(dropped)).toEqual([["body.policies.timeBilling", "P1_HISTORY_SHORTENED"]]);
      const unchanged = (await get(path)).json<Answer<ContingentSet>>();
      expect(unchanged.version).toBe(1);
      expect(unchanged.policies.timeBilling.map((version) => version.effectiveFrom)).toEqual(["1970-01-01", "2026-02-01"]);

      const added = await put(path, { ...DEFAULTS, timeBilling: [...DEFAULTS.timeBilling, THIRTY_MINUTES_FROM_FEBRUARY, TEN_MINUTES_FROM_APRIL] }, 1);
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json<Answer<ContingentSet>>().version).toBe(2);
    });

    it("P1, C4: a history may grow backwards (contingent from 1960-01-01 is stored, version 3); then the stored set is the reference: going back to the shipped 1970-01-01 start is 422 naming both days", async () => {
      const earlier = DEFAULTS.contingent.map((version) => ({ ...version, effectiveFrom: "1960-01-01" }));
      const timeBilling = [...DEFAULTS.timeBilling, THIRTY_MINUTES_FROM_FEBRUARY, TEN_MINUTES_FROM_APRIL];
      const grown = await put(path, { timeBilling, contingent: earlier }, 2);
      expect(grown.statusCode, grown.body).toBe(200);
      expect(grown.json<Answer<ContingentSet>>().version).toBe(3);

      const back = expectProblem(await put(path, { timeBilling, contingent: DEFAULTS.contingent }, 3), 422, "body.policies.contingent");
      expect(codes(back)).toEqual([["body.policies.contingent", "P1_HISTORY_SHORTENED"]]);
      expect(back.detail).toContain("contingent would start on 1970-01-01, later than the current set's earliest version (from 1960-01-01)");
      expect((await findInstallationPolicies(api.database.db, "contingent"))?.version).toBe(3);
    });

    it("P1: a stale expectedVersion is 409 VERSION_CONFLICT before the history is compared (it would be compared with a set the client did not read)", async () => {
      const stale = expectProblem(await put(path, { ...DEFAULTS, timeBilling: [THIRTY_MINUTES_FROM_FEBRUARY] }, 1), 409);
      expect(stale.code).toBe("VERSION_CONFLICT");
    });
  });

  describe("seats: purchase-order windows", () => {
    type SeatSet = { purchaseOrderWindows: { effectiveFrom: string; reminderAfterDays: number; windowDays: number }[] };
    const SHIPPED = json(DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES) as SeatSet["purchaseOrderWindows"];
    /** S2, S5, S8: from 2026-02-01 reminder after day 10, window closes after day 20. */
    const SHORT_FROM_FEBRUARY = { effectiveFrom: "2026-02-01", reminderAfterDays: 10, windowDays: 20 };
    const path = "/v1/seat-policies";

    it("P1, S2: a set whose only window starts 2026-02-01 is 422 P1_HISTORY_SHORTENED naming body.policies.purchaseOrderWindows (GET still answers the defaults, version 0); with the shipped 1970-01-01 window kept it is stored (201)", async () => {
      expect(SHIPPED.map((window) => window.effectiveFrom)).toEqual(["1970-01-01"]);
      const refused = expectProblem(await put(path, { purchaseOrderWindows: [SHORT_FROM_FEBRUARY] }), 422, "body.policies.purchaseOrderWindows");
      expect(refused.code).toBe("P1_HISTORY_SHORTENED");
      expect(codes(refused)).toEqual([["body.policies.purchaseOrderWindows", "P1_HISTORY_SHORTENED"]]);
      expect(refused.detail).toContain("from 1970-01-01");
      expect(refused.detail).toContain("2026-02-01");
      expect((await get(path)).json<Answer<SeatSet>>()).toMatchObject({ policies: { purchaseOrderWindows: SHIPPED }, source: "default", version: 0 });
      expect(await findInstallationPolicies(api.database.db, "seats")).toBeUndefined();

      const stored = await put(path, { purchaseOrderWindows: [...SHIPPED, SHORT_FROM_FEBRUARY] });
      expect(stored.statusCode, stored.body).toBe(201);
      expect(stored.json<Answer<SeatSet>>().version).toBe(1);
    });

    it("P1, S2: after storing, dropping the earliest window is 422 (version 1 stays), adding a 2026-06-01 window is stored (200), and an earlier start (1969-12-31) is stored too (200)", async () => {
      expectProblem(await put(path, { purchaseOrderWindows: [SHORT_FROM_FEBRUARY] }, 1), 422, "body.policies.purchaseOrderWindows");
      expect((await findInstallationPolicies(api.database.db, "seats"))?.version).toBe(1);

      const later = { effectiveFrom: "2026-06-01", reminderAfterDays: 14, windowDays: 28 };
      const added = await put(path, { purchaseOrderWindows: [...SHIPPED, SHORT_FROM_FEBRUARY, later] }, 1);
      expect(added.statusCode, added.body).toBe(200);
      const backwards = await put(path, { purchaseOrderWindows: [{ effectiveFrom: "1969-12-31", reminderAfterDays: 30, windowDays: 60 }, ...SHIPPED, SHORT_FROM_FEBRUARY, later] }, 2);
      expect(backwards.statusCode, backwards.body).toBe(200);
      expect(backwards.json<Answer<SeatSet>>().version).toBe(3);
    });
  });

  describe("ticketing: versions start at an instant", () => {
    const path = "/v1/ticketing-policies";

    it("P1: the shipped version starts 2020-01-01T00:00:00+01:00: the same instant written 2019-12-31T23:00:00Z keeps the history (201), one second later is 422 P1_HISTORY_SHORTENED", async () => {
      const [shipped] = json(DEFAULT_TICKETING_POLICIES);
      if (shipped === undefined) throw new Error("no shipped ticketing policy");
      expect(shipped.effectiveFrom).toBe("2020-01-01T00:00:00+01:00");
      const later = expectProblem(await put(path, { serviceDesk: [{ ...shipped, effectiveFrom: "2019-12-31T23:00:01Z" }] }), 422, "body.policies.serviceDesk");
      expect(codes(later)).toEqual([["body.policies.serviceDesk", "P1_HISTORY_SHORTENED"]]);
      expect((await put(path, { serviceDesk: [{ ...shipped, effectiveFrom: "2019-12-31T23:00:00Z" }] })).statusCode).toBe(201);
    });
  });
  describe("licensing: a stored set that no longer parses", () => {
    const path = "/v1/licensing-policies";

    it("P1: repairing it (as its 500 asks) still keeps its histories: fulfilment from 2026-02-01 is 422 P1_HISTORY_SHORTENED (not 500), the shipped set from 2022-07-14 is stored (200)", async () => {
      type LicensingSet = { fulfilment: { effectiveFrom: string }[] } & Record<string, unknown>;
      const defaults = json(DEFAULT_POLICIES) as unknown as LicensingSet;
      expect(defaults.fulfilment.map((version) => version.effectiveFrom)).toEqual(["2022-07-14"]);
      const stored = await put(path, defaults);
      expect(stored.statusCode, stored.body).toBe(201);
      await api.database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{vendors,0,quoteValidityDays}', '0'::jsonb) WHERE domain = 'licensing'");
      expect(expectProblem(await get(path), 500).code).toBe("LICENSING_POLICIES_INVALID");

      const shortened = expectProblem(await put(path, { ...defaults, fulfilment: defaults.fulfilment.map((version) => ({ ...version, effectiveFrom: "2026-02-01" })) }, 1), 422, "body.policies.fulfilment");
      expect(codes(shortened)).toEqual([["body.policies.fulfilment", "P1_HISTORY_SHORTENED"]]);
      expect(shortened.detail).toContain("(from 2022-07-14)");
      const fixed = await put(path, defaults, 1);
      expect(fixed.statusCode, fixed.body).toBe(200);
    });
  });
  // Runs after the repair above: the licensing row is stored and parses.
  describe("licensing: every vendor's and marketplace's history keeps its start once it is in the set", () => {
    const path = "/v1/licensing-policies";
    type VendorVersion = { id: string; vendorId: string; effectiveFrom: string };
    type LicensingSet = { fulfilment: { effectiveFrom: string }[]; vendors: VendorVersion[]; rental: VendorVersion[] };
    const current = async () => (await get(path)).json<Answer<LicensingSet>>();

    it("P1, L14, M2: a set without the Atlassian policy (from 2021-02-02) and the Microsoft marketplace's (from 2021-01-01) is 422 P1_HISTORY_SHORTENED on both lists; nothing changes", async () => {
      const before = await current();
      expect(before.source).toBe("stored");
      const refused = expectProblem(await put(path, { ...before.policies, vendors: [], rental: [] }, before.version), 422, "body.policies.vendors");
      expect(codes(refused)).toEqual([
        ["body.policies.vendors", "P1_HISTORY_SHORTENED"],
        ["body.policies.rental", "P1_HISTORY_SHORTENED"],
      ]);
      expect(refused.detail).toContain("vendors of atlassian would have no version, the current set's earliest is from 2021-02-02");
      expect(refused.detail).toContain("rental of microsoft would have no version, the current set's earliest is from 2021-01-01");
      expect(await current()).toEqual(before);
    });

    it("P1: a new vendor may start after today (Adobe from 2027-01-01 is stored); once stored, starting it on 2027-06-01 instead is 422 naming adobe", async () => {
      const before = await current();
      const adobe = { ...ADOBE_TEST_POLICY, id: "adobe-test-2027-01-01", effectiveFrom: "2027-01-01" };
      const stored = await put(path, { ...before.policies, vendors: [...before.policies.vendors, adobe] }, before.version);
      expect(stored.statusCode, stored.body).toBe(200);
      const withAdobe = await current();
      const later = withAdobe.policies.vendors.map((version) => (version.vendorId === "adobe" ? { ...version, effectiveFrom: "2027-06-01" } : version));
      const moved = expectProblem(await put(path, { ...withAdobe.policies, vendors: later }, withAdobe.version), 422, "body.policies.vendors");
      expect(codes(moved)).toEqual([["body.policies.vendors", "P1_HISTORY_SHORTENED"]]);
      expect(moved.detail).toContain("vendors of adobe would start on 2027-06-01, later than the current set's earliest version (from 2027-01-01)");
    });
  });
});
