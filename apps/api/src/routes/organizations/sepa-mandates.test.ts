import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages } from "../../testing/all-pages.js";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi, type TestTokens } from "../../testing/test-api.js";

// The test clock stands at 2026-11-16T09:00Z (10:00 in Cologne).

/** A valid German IBAN as a customer writes it on the mandate form (check digits 89). */
const IBAN_WRITTEN = "DE89 3704 0044 0532 0130 00";
const IBAN = "DE89370400440532013000";
/** The account number part: appears nowhere in an answer or a stored row. */
const ACCOUNT_PART = "0532013000";

interface MandateBody {
  readonly id: string;
  readonly organizationId: string;
  readonly mandateReference: string;
  readonly debtorName: string;
  readonly debtorIbanMasked: string;
  readonly debtorIbanLast4: string;
  readonly signedOn: string;
  readonly preNotificationDays: number | null;
  readonly status: "active" | "revoked";
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
}, 60_000);
afterAll(() => api.close());

const urlOf = (organizationId: string) => `/v1/organizations/${organizationId}/sepa-mandates`;
const mandate = (reference: string, overrides: Record<string, unknown> = {}) => ({
  mandateReference: reference,
  debtorIban: IBAN_WRITTEN,
  debtorName: "Müller GmbH",
  signedOn: "2026-11-02",
  ...overrides,
});

function record(payload: unknown, who: keyof TestTokens = "backOffice", organizationId = api.organizations.mueller) {
  return api.request({ method: "POST", url: urlOf(organizationId), payload: payload as never, token: api.tokens[who] });
}

function revoke(mandateId: string, who: keyof TestTokens = "backOffice", organizationId = api.organizations.mueller) {
  return api.request({ method: "POST", url: `${urlOf(organizationId)}/${mandateId}/revocation`, payload: {}, token: api.tokens[who] });
}

/** Every row of the tables a mandate request writes to, as text. */
async function storedText(): Promise<string> {
  const dumps = await Promise.all(["sepa_mandates", "idempotency_keys", "outbox"].map(async (table) => JSON.stringify((await api.database.query(`SELECT * FROM ${table}`)).rows)));
  return dumps.join("\n");
}

describe(`SEPA mandates on ${testDatabaseKind()} (C8, T7)`, () => {
  it("C8, T7: the back office records Müller's mandate; the answer and the stored row show the IBAN only masked, sealed at rest", async () => {
    const response = await record(mandate("MUE-2026-01"));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<MandateBody>();
    expect(response.headers.location).toBe(`/v1/organizations/${api.organizations.mueller}/sepa-mandates/${body.id}`);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      organizationId: api.organizations.mueller,
      mandateReference: "MUE-2026-01",
      debtorName: "Müller GmbH",
      debtorIbanMasked: "DE89 **** **** **** **30 00",
      debtorIbanLast4: "3000",
      signedOn: "2026-11-02",
      // T7: 14 calendar days unless a shorter period was agreed.
      preNotificationDays: null,
      status: "active",
      revokedAt: null,
      revokedBy: null,
      createdBy: api.users.backOffice,
      createdAt: "2026-11-16T09:00:00.000Z",
      updatedAt: "2026-11-16T09:00:00.000Z",
    });
    expect(response.body).not.toContain(ACCOUNT_PART);
    const rows = await api.database.query<{ debtor_iban_sealed: string }>("SELECT * FROM sepa_mandates WHERE id = $1", [body.id]);
    expect(rows.rows[0]?.debtor_iban_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(rows.rows)).not.toContain(IBAN);
    expect(JSON.stringify(rows.rows)).not.toContain(ACCOUNT_PART);
  });

  it("T7: an agreed shorter period of 5 days is kept; 0 and 15 days are 400 naming the field", async () => {
    const response = await record(mandate("MUE-2026-05", { preNotificationDays: 5 }), "admin");
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<MandateBody>().preNotificationDays).toBe(5);
    expectProblem(await record(mandate("MUE-2026-06", { preNotificationDays: 0 })), 400, "body.preNotificationDays");
    expectProblem(await record(mandate("MUE-2026-07", { preNotificationDays: 15 })), 400, "body.preNotificationDays");
  });

  it("an IBAN with a mistyped check digit is 422 naming body.debtorIban; nothing is stored", async () => {
    const before = await api.database.query("SELECT id FROM sepa_mandates");
    const problem = expectProblem(await record(mandate("MUE-BAD-IBAN", { debtorIban: "DE88 3704 0044 0532 0130 00" })), 422, "body.debtorIban");
    expect(problem.code).toBe("SEPA_IBAN_INVALID");
    expect(problem.detail).toContain("check digits");
    // A German IBAN one character short: the country's length.
    expectProblem(await record(mandate("MUE-BAD-IBAN", { debtorIban: "DE89 3704 0044 0532 0130 0" })), 422, "body.debtorIban");
    expect((await api.database.query("SELECT id FROM sepa_mandates")).rows).toHaveLength(before.rows.length);
  });

  it("refuses a reference outside the SEPA character set or over 35 characters (400), and a signature after today (422)", async () => {
    expectProblem(await record(mandate("MÜLLER-1")), 400, "body.mandateReference");
    expectProblem(await record(mandate("M".repeat(36))), 400, "body.mandateReference");
    expectProblem(await record(mandate("MUE//1")), 400, "body.mandateReference");
    expectProblem(await record(mandate("MUE-X", { debtorIban: 4711 })), 400, "body.debtorIban");
    // 16 November 2026 in Cologne: the 17th has not come yet.
    const future = expectProblem(await record(mandate("MUE-FUTURE", { signedOn: "2026-11-17" })), 422, "body.signedOn");
    expect(future.code).toBe("SEPA_MANDATE_SIGNED_IN_FUTURE");
    expect((await record(mandate("MUE-TODAY", { signedOn: "2026-11-16" }))).statusCode).toBe(201);
  });

  it("C8: a mandate reference exists once per installation: 409, regardless of case and customer", async () => {
    expect((await record(mandate("MUE-DUP-1"))).statusCode).toBe(201);
    expect(expectProblem(await record(mandate("MUE-DUP-1")), 409).code).toBe("SEPA_MANDATE_REFERENCE_TAKEN");
    expect(expectProblem(await record(mandate("mue-dup-1", { debtorName: "Bäckerei Schmidt" }), "admin", api.organizations.baeckerei), 409).code).toBe("SEPA_MANDATE_REFERENCE_TAKEN");
  });

  it("K10: only the back office and admins record mandates; other staff and Müller's own users 403, another customer 404", async () => {
    for (const who of ["dispatcher", "technician", "accountManager", "materialsManagement", "muellerManager", "muellerReporter"] as const) {
      expect(expectProblem(await record(mandate(`MUE-ROLE-${who}`), who), 403).code, who).toBe("K10_ACCESS_DENIED");
    }
    expectProblem(await record(mandate("MUE-FOREIGN"), "baeckereiManager"), 404);
    expectProblem(await record(mandate("MUE-NOWHERE"), "admin", "org-missing"), 404);
  });

  it("K10: staff and Müller's portal manager list Müller's mandates, IBANs masked; the reporter 403; Bäckerei's manager 404 and sees only its own", async () => {
    const bakery = await record(mandate("BAE-2026-01", { debtorName: "Bäckerei Schmidt", debtorIban: "DE02 1203 0000 0000 2020 51" }), "backOffice", api.organizations.baeckerei);
    expect(bakery.statusCode, bakery.body).toBe(201);
    const byStaff = (await allPages(api, `${urlOf(api.organizations.mueller)}?limit=2`, api.tokens.technician)) as MandateBody[];
    const byManager = (await allPages(api, urlOf(api.organizations.mueller), api.tokens.muellerManager)) as MandateBody[];
    expect(byManager).toEqual(byStaff);
    // Recorded at one instant, so listed in id order: compare the references sorted.
    expect(byStaff.map((item) => item.mandateReference).sort()).toEqual(["MUE-2026-01", "MUE-2026-05", "MUE-DUP-1", "MUE-TODAY"]);
    expect(new Set(byStaff.map((item) => item.organizationId))).toEqual(new Set([api.organizations.mueller]));
    expect(new Set(byStaff.map((item) => item.debtorIbanMasked))).toEqual(new Set(["DE89 **** **** **** **30 00"]));
    expect(JSON.stringify(byStaff)).not.toContain(ACCOUNT_PART);
    expect((await api.request({ method: "GET", url: urlOf(api.organizations.mueller), token: api.tokens.muellerReporter })).statusCode).toBe(403);
    expectProblem(await api.request({ method: "GET", url: urlOf(api.organizations.mueller), token: api.tokens.baeckereiManager }), 404);
    const own = (await allPages(api, urlOf(api.organizations.baeckerei), api.tokens.baeckereiManager)) as MandateBody[];
    expect(own.map((item) => [item.mandateReference, item.debtorIbanMasked])).toEqual([["BAE-2026-01", "DE02 **** **** **** **20 51"]]);
  });

  it("C8: revoking a mandate answers it revoked, once; a second revocation is 409; others' attempts 403 and 404", async () => {
    const created = (await record(mandate("MUE-REVOKE-1"))).json<MandateBody>();
    expect(expectProblem(await revoke(created.id, "muellerManager"), 403).code).toBe("K10_ACCESS_DENIED");
    expect(expectProblem(await revoke(created.id, "technician"), 403).code).toBe("K10_ACCESS_DENIED");
    expectProblem(await revoke(created.id, "baeckereiManager"), 404);
    // Through the other organization's path the mandate does not exist, even for an admin.
    expectProblem(await revoke(created.id, "admin", api.organizations.baeckerei), 404);
    expectProblem(await revoke("mandate-missing", "admin"), 404);

    api.clock.set(new Date("2026-11-20T08:30:00Z"));
    const revoked = await revoke(created.id, "admin");
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<MandateBody>()).toMatchObject({
      id: created.id,
      status: "revoked",
      revokedAt: "2026-11-20T08:30:00.000Z",
      revokedBy: api.users.admin,
      updatedAt: "2026-11-20T08:30:00.000Z",
      debtorIbanMasked: "DE89 **** **** **** **30 00",
    });
    expect(expectProblem(await revoke(created.id, "backOffice"), 409).code).toBe("SEPA_MANDATE_REVOKED");
    const listed = (await allPages(api, urlOf(api.organizations.mueller), api.tokens.admin)) as MandateBody[];
    expect(listed.find((item) => item.id === created.id)?.status).toBe("revoked");
    api.clock.set(new Date("2026-11-16T09:00:00Z"));
  });

  it("no answer, idempotency record or stored row holds the IBAN in full, even after an Idempotency-Key replay", async () => {
    const send = () =>
      api.request({ method: "POST", url: urlOf(api.organizations.mueller), payload: mandate("MUE-IDEM-1"), token: api.tokens.backOffice, headers: { "idempotency-key": "mandate-mue-idem-1" } });
    const first = await send();
    const replay = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(first.json());
    const stored = await storedText();
    expect(stored).not.toContain(IBAN);
    expect(stored).not.toContain(ACCOUNT_PART);
    expect(stored).toContain("DE89 **** **** **** **30 00");
  });
});
