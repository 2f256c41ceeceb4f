import { billingSettingsSchema } from "@kontor/invoicing";
import { findBillingSettings } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";
import { NORDLICHT_BILLING_SETTINGS, WRONG_CHECK_DIGIT_IBAN } from "./billing-settings-fixtures.js";

// The test clock stands at 2026-11-16T09:00Z.

interface StoredBillingSettings {
  readonly settings: typeof NORDLICHT_BILLING_SETTINGS;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

const get = (who: keyof TestTokens) => api.request({ method: "GET", url: "/v1/billing-settings", token: api.tokens[who] });
const put = (body: unknown, who: keyof TestTokens = "admin", headers: Record<string, string> = {}) =>
  api.request({ method: "PUT", url: "/v1/billing-settings", token: api.tokens[who], payload: body as never, headers });

describe(`billing settings on ${testDatabaseKind()} (C8, T1, K10)`, () => {
  it("C8: before the first write GET is 404 saying the worker uses KONTOR_BILLING_SETTINGS_FILE or, embedded, the demo seller", async () => {
    const problem = expectProblem(await get("admin"), 404);
    expect(problem.code).toBe("BILLING_SETTINGS_NOT_STORED");
    expect(problem.detail).toContain("KONTOR_BILLING_SETTINGS_FILE");
    expect(problem.detail).toContain("demo seller");
  });

  it("K10: a technician may neither read nor write them (403); the back office may not write (403); portal users get 404", async () => {
    for (const who of ["technician", "dispatcher", "accountManager", "materialsManagement"] as const) {
      expect(expectProblem(await get(who), 403).code, who).toBe("K10_ACCESS_DENIED");
      expect(expectProblem(await put(NORDLICHT_BILLING_SETTINGS, who), 403).code, who).toBe("K10_ACCESS_DENIED");
    }
    expect(expectProblem(await put(NORDLICHT_BILLING_SETTINGS, "backOffice"), 403).code).toBe("K10_ACCESS_DENIED");
    for (const who of ["muellerManager", "muellerReporter", "baeckereiManager"] as const) {
      expectProblem(await get(who), 404);
      expectProblem(await put(NORDLICHT_BILLING_SETTINGS, who), 404);
    }
    expect(await findBillingSettings(api.database.db)).toBeUndefined();
  });

  it("T1: a wrong IBAN check digit is 400 naming body.paymentMeans.iban; net days over 365 and unknown keys are 400 too; nothing is stored", async () => {
    const wrongIban = { ...NORDLICHT_BILLING_SETTINGS, paymentMeans: { ...NORDLICHT_BILLING_SETTINGS.paymentMeans, iban: WRONG_CHECK_DIGIT_IBAN } };
    expect(expectProblem(await put(wrongIban), 400, "body.paymentMeans.iban").detail).toContain("check digits");
    expectProblem(await put({ ...NORDLICHT_BILLING_SETTINGS, netDays: 366 }), 400, "body.netDays");
    expectProblem(await put({ ...NORDLICHT_BILLING_SETTINGS, expectedVersion: -1 }), 400, "body.expectedVersion");
    expectProblem(await put({ ...NORDLICHT_BILLING_SETTINGS, currency: "EUR" }), 400);
    expectProblem(await put({ ...NORDLICHT_BILLING_SETTINGS, seller: { ...NORDLICHT_BILLING_SETTINGS.seller, contact: undefined } }), 400, "body.seller.contact");
    expect(await findBillingSettings(api.database.db)).toBeUndefined();
  });

  it("C8: an admin stores them (201, version 1) and reads back the checked settings (IBAN without spaces); the back office reads them too", async () => {
    const created = await put(NORDLICHT_BILLING_SETTINGS);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe("/v1/billing-settings");
    const checked = billingSettingsSchema.parse(NORDLICHT_BILLING_SETTINGS);
    const expected: StoredBillingSettings = { settings: checked, version: 1, updatedBy: api.users.admin, updatedAt: "2026-11-16T09:00:00.000Z" };
    expect(created.json()).toEqual(expected);
    for (const who of ["admin", "backOffice"] as const) {
      const read = await get(who);
      expect(read.statusCode, `${who}: ${read.body}`).toBe(200);
      expect(read.json()).toEqual(expected);
    }
    // The row holds the checked settings; they check again unchanged, as the worker reads them.
    const stored = (await findBillingSettings(api.database.db))?.settings;
    expect(stored).toEqual(checked);
    expect(billingSettingsSchema.parse(stored)).toEqual(stored);
  });

  it("T1: a replacement at the stored version bumps it (200); a stale or a repeated first write is 409 VERSION_CONFLICT and changes nothing", async () => {
    api.clock.set(new Date("2026-11-17T10:00:00Z"));
    try {
      const replaced = await put({ ...NORDLICHT_BILLING_SETTINGS, netDays: 30, expectedVersion: 1 });
      expect(replaced.statusCode, replaced.body).toBe(200);
      expect(replaced.json<StoredBillingSettings>()).toMatchObject({ version: 2, settings: { netDays: 30 }, updatedAt: "2026-11-17T10:00:00.000Z" });

      const stale = expectProblem(await put({ ...NORDLICHT_BILLING_SETTINGS, netDays: 7, expectedVersion: 1 }), 409);
      expect(stale.code).toBe("VERSION_CONFLICT");
      expect(stale.detail).toBe("Billing settings is at version 2, not 1");
      expect(expectProblem(await put({ ...NORDLICHT_BILLING_SETTINGS, netDays: 7 }), 409).code).toBe("VERSION_CONFLICT");
      expect((await get("admin")).json<StoredBillingSettings>()).toMatchObject({ version: 2, settings: { netDays: 30 } });
    } finally {
      api.clock.set(new Date("2026-11-16T09:00:00Z"));
    }
  });

  it("a PUT retried with the same Idempotency-Key stores once and replays the answer instead of a 409; the key with another body is 422", async () => {
    const body = { ...NORDLICHT_BILLING_SETTINGS, netDays: 21, expectedVersion: 2 };
    const first = await put(body, "admin", { "idempotency-key": "billing-settings-v3" });
    const replay = await put(body, "admin", { "idempotency-key": "billing-settings-v3" });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<StoredBillingSettings>().version).toBe(3);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(first.json());
    expect((await findBillingSettings(api.database.db))?.version).toBe(3);
    expect(expectProblem(await put({ ...body, netDays: 22 }, "admin", { "idempotency-key": "billing-settings-v3" }), 422).code).toBe("IDEMPOTENCY_KEY_REUSED");
    // Without a key the same retry is what optimistic locking makes of it.
    expect(expectProblem(await put(body), 409).code).toBe("VERSION_CONFLICT");
  });

  it("C8: a stored row that no longer parses is a 500 naming the field, not settings the worker would refuse", async () => {
    await api.database.query("UPDATE billing_settings SET settings = jsonb_set(settings, '{paymentMeans,iban}', $1::jsonb)", [JSON.stringify(WRONG_CHECK_DIGIT_IBAN)]);
    const problem = expectProblem(await get("admin"), 500);
    expect(problem.code).toBe("BILLING_SETTINGS_INVALID");
    expect(problem.detail).toContain("paymentMeans.iban");
    // An admin replaces it at its version.
    const fixed = await put({ ...NORDLICHT_BILLING_SETTINGS, expectedVersion: 3 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await get("backOffice")).json<StoredBillingSettings>().version).toBe(4);
  });

  it("C8, T7: the SEPA creditor ID for direct debits is stored and answered back; a wrong check digit is 400 naming body.sepaCreditorId", async () => {
    expectProblem(await put({ ...NORDLICHT_BILLING_SETTINGS, sepaCreditorId: "DE98ZZZ09999999998", expectedVersion: 4 }), 400, "body.sepaCreditorId");
    const stored = await put({ ...NORDLICHT_BILLING_SETTINGS, sepaCreditorId: "DE98ZZZ09999999999", expectedVersion: 4 });
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json<StoredBillingSettings>()).toMatchObject({ version: 5, settings: { sepaCreditorId: "DE98ZZZ09999999999" } });
    expect((await get("backOffice")).json<StoredBillingSettings>().settings).toMatchObject({ sepaCreditorId: "DE98ZZZ09999999999" });
    expect((await findBillingSettings(api.database.db))?.settings).toMatchObject({ sepaCreditorId: "DE98ZZZ09999999999" });
  });

  it("K1, C8: the billing release is stored and answered back (back-office, then automatic again); absent it is not invented; another value is 400 naming body.billingRelease", async () => {
    // Stored before the option existed: answered without it (the worker reads absent as automatic).
    expect((await get("admin")).json<StoredBillingSettings>().settings).not.toHaveProperty("billingRelease");
    expectProblem(await put({ ...NORDLICHT_BILLING_SETTINGS, billingRelease: "manual", expectedVersion: 5 }), 400, "body.billingRelease");
    const held = await put({ ...NORDLICHT_BILLING_SETTINGS, billingRelease: "back-office", expectedVersion: 5 });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json<StoredBillingSettings>()).toMatchObject({ version: 6, settings: { billingRelease: "back-office" } });
    expect((await get("backOffice")).json<StoredBillingSettings>().settings).toMatchObject({ billingRelease: "back-office", netDays: 14 });
    expect((await findBillingSettings(api.database.db))?.settings).toMatchObject({ billingRelease: "back-office" });
    const automatic = await put({ ...NORDLICHT_BILLING_SETTINGS, billingRelease: "automatic", expectedVersion: 6 });
    expect(automatic.json<StoredBillingSettings>()).toMatchObject({ version: 7, settings: { billingRelease: "automatic" } });
  });
});
