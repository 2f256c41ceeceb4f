import { findInstallationPolicies, saveInstallationPolicies } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { DEFAULT_TERMS_POLICY_SET } from "@kontor/terms";
import { DEFAULT_TICKETING_POLICIES } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { ADOBE_TEST_POLICY, defaultsWithAdobe } from "./licensing-policies-fixtures.js";

// The test clock stands at 2026-03-17T09:00Z (10:00 in Berlin).

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-03-17T09:00:00Z") });
}, 60_000);
afterAll(() => api.close());

const put = (path: string, policies: unknown, expectedVersion?: number) =>
  api.request({ method: "PUT", url: path, token: api.tokens.admin, payload: { policies, ...(expectedVersion === undefined ? {} : { expectedVersion }) } });
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const codes = (problem: { errors?: { path: string; code: string }[] }) => problem.errors?.map((error) => [error.path, error.code]);

describe(`installation policies must keep a version in force on ${testDatabaseKind()} (P1)`, () => {
  it("P1: a seat set whose only window starts tomorrow (2026-03-18) is 422 naming body.policies.purchaseOrderWindows; one starting today is stored", async () => {
    const tomorrow = expectProblem(await put("/v1/seat-policies", { purchaseOrderWindows: [{ effectiveFrom: "2026-03-18", reminderAfterDays: 10, windowDays: 20 }] }), 422, "body.policies.purchaseOrderWindows");
    expect(tomorrow.code).toBe("P1_NO_POLICY_IN_FORCE");
    // It also drops the shipped 1970-01-01 window: both guards answer in one 422.
    expect(codes(tomorrow)).toEqual([
      ["body.policies.purchaseOrderWindows", "P1_NO_POLICY_IN_FORCE"],
      ["body.policies.purchaseOrderWindows", "P1_HISTORY_SHORTENED"],
    ]);
    expect(tomorrow.detail).toContain("No version of purchaseOrderWindows is in force on 2026-03-17: keep the version in force now and add later ones beside it; ");
    expect(await findInstallationPolicies(api.database.db, "seats")).toBeUndefined();
    // A set that starts today can only replace one that starts today too (P1_HISTORY_SHORTENED
    // otherwise): one stored through the database, as before that guard existed.
    await saveInstallationPolicies(api.database.db, "seats", { policies: { purchaseOrderWindows: [{ effectiveFrom: "2026-03-17", reminderAfterDays: 30, windowDays: 60 }] }, updatedBy: api.users.admin }, 0, api.clock.now());
    const today = await put("/v1/seat-policies", { purchaseOrderWindows: [{ effectiveFrom: "2026-03-17", reminderAfterDays: 10, windowDays: 20 }] }, 1);
    expect(today.statusCode, today.body).toBe(200);
  });

  it("P1: terms: every history a rule needs is checked and named (sepa and tax from 2027 → two errors, and two for their shortened histories); US sales-tax tables may be empty", async () => {
    const set = json(DEFAULT_TERMS_POLICY_SET) as unknown as Record<string, { effectiveFrom: string }[]>;
    const later = (key: string) => (set[key] ?? []).map((version) => ({ ...version, effectiveFrom: "2027-01-01" }));
    const refused = expectProblem(await put("/v1/terms-policies", { ...set, sepa: later("sepa"), tax: later("tax") }), 422);
    expect(codes(refused)).toEqual([
      ["body.policies.sepa", "P1_NO_POLICY_IN_FORCE"],
      ["body.policies.tax", "P1_NO_POLICY_IN_FORCE"],
      ["body.policies.sepa", "P1_HISTORY_SHORTENED"],
      ["body.policies.tax", "P1_HISTORY_SHORTENED"],
    ]);
    expect((await put("/v1/terms-policies", { ...set, usSalesTaxTables: [] })).statusCode).toBe(201);
  });

  it("P1: ticketing versions start at an instant: one from 09:00:01Z is not yet in force at 09:00Z, one from 10:00+01:00 is", async () => {
    const [shipped] = json(DEFAULT_TICKETING_POLICIES);
    if (shipped === undefined) throw new Error("no shipped ticketing policy");
    // As for seats: the set replaced starts at 09:00Z itself (stored through the database), so only the instant in force is at stake.
    await saveInstallationPolicies(api.database.db, "ticketing", { policies: { serviceDesk: [{ ...shipped, effectiveFrom: "2026-03-17T09:00:00Z" }] }, updatedBy: api.users.admin }, 0, api.clock.now());
    const notYet = expectProblem(await put("/v1/ticketing-policies", { serviceDesk: [{ ...shipped, effectiveFrom: "2026-03-17T09:00:01Z" }] }, 1), 422, "body.policies.serviceDesk");
    expect(notYet.code).toBe("P1_NO_POLICY_IN_FORCE");
    expect((await put("/v1/ticketing-policies", { serviceDesk: [{ ...shipped, effectiveFrom: "2026-03-17T10:00:00+01:00" }] }, 1)).statusCode).toBe(200);
  });

  it("P1, L6: a vendor policy may start later (a vendor not sold yet), but the fulfilment policy may not", async () => {
    const defaults = defaultsWithAdobe();
    const adobeLater = { ...defaults, vendors: [...(defaults.vendors ?? []).filter((policy) => policy.vendorId !== "adobe"), { ...ADOBE_TEST_POLICY, effectiveFrom: "2027-01-01" }] };
    const fulfilmentLater = { ...adobeLater, fulfilment: (defaults.fulfilment ?? []).map((policy) => ({ ...policy, effectiveFrom: "2027-01-01" })) };
    expectProblem(await put("/v1/licensing-policies", fulfilmentLater), 422, "body.policies.fulfilment");
    expect((await put("/v1/licensing-policies", adobeLater)).statusCode).toBe(201);
  });
});
