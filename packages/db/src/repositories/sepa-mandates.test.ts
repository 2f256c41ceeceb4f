import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { applyMigration, databaseBefore, MIGRATION_TEST_TIMEOUT_MS } from "../testing/database-before.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertOrganization } from "./organizations.js";
import { findSepaMandate, findSepaMandatesByReference, insertSepaMandate, listSepaMandates, maskedIban, openActiveSepaMandate, revokeSepaMandate, type NewSepaMandate } from "./sepa-mandates.js";

const NOW = new Date("2026-11-16T09:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
/** A valid German IBAN (check digits 89), as a customer writes it on the mandate form. */
const IBAN_WRITTEN = "de89 3704 0044 0532 0130 00";
const IBAN = "DE89370400440532013000";
/** Another valid IBAN (the EPC example of a German account). */
const OTHER_IBAN = "DE02120300000000202051";

/** The SQLSTATE a rejected statement failed with (the driver's error may be wrapped as `cause`). */
async function sqlStateOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    for (let current: unknown = error; typeof current === "object" && current !== null; current = (current as { cause?: unknown }).cause) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === "string") return code;
    }
    return "no code";
  }
  return undefined;
}

describe(`SEPA mandates on ${testDatabaseKind()} (C8, T7)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 10 });
    await insertOrganization(database.db, { id: "org-mueller", name: "Müller GmbH" }, NOW);
    await insertOrganization(database.db, { id: "org-baeckerei", name: "Bäckerei Schmidt" }, NOW);
  });
  afterAll(() => database.close());

  const mandate = (id: string, overrides: Partial<NewSepaMandate> = {}): NewSepaMandate => ({
    id,
    organizationId: "org-mueller",
    mandateReference: `KONTOR-${id.toUpperCase()}`,
    debtorIban: IBAN_WRITTEN,
    debtorName: "Müller GmbH",
    signedOn: "2026-10-20",
    createdBy: "staff-back-office",
    ...overrides,
  });

  it("masks an IBAN to its country, check digits and last four characters", () => {
    expect(maskedIban(IBAN)).toBe("DE89 **** **** **** **30 00");
    expect(maskedIban("NO9386011117947")).toBe("NO93 **** ***7 947");
    expect(maskedIban("de89 3704 0044 0532 0130 00")).toBe("DE89 **** **** **** **30 00");
    expect(maskedIban("MT84MALT011000012345MTLCAST001S")).toBe("MT84 **** **** **** **** **** ***0 01S");
    // Too short to be an IBAN (a bank file may hold anything): only the country code shows.
    expect(maskedIban("DE123456")).toBe("DE** ****");
    expect(maskedIban("DE1234567")).toBe("DE12 *456 7");
  });

  it("T7: stores the IBAN only sealed, with the masked form and last four; rows never carry it; no agreed period unless given (T7: the SEPA policy decides) and active", async () => {
    const row = await insertSepaMandate(database.db, mandate("m1"), NOW);
    expect(row).toMatchObject({
      id: "m1",
      mandateReference: "KONTOR-M1",
      debtorIbanLast4: "3000",
      debtorIbanMasked: "DE89 **** **** **** **30 00",
      signedOn: "2026-10-20",
      preNotificationDays: null,
      status: "active",
      revokedAt: null,
      revokedBy: null,
    });
    expect(Object.keys(row)).not.toContain("debtorIbanSealed");
    expect(JSON.stringify(await findSepaMandate(database.db, "org-mueller", "m1"))).not.toContain("0532013000");
    const stored = await database.query("SELECT * FROM sepa_mandates WHERE id = $1", ["m1"]);
    expect(stored.rows[0]?.debtor_iban_sealed).toMatch(/^v1:/);
    // Neither the electronic form nor its account number part appear anywhere in the row.
    expect(JSON.stringify(stored.rows)).not.toContain(IBAN);
    expect(JSON.stringify(stored.rows)).not.toContain("370400440532013000");
  });

  it("C8: a mandate reference exists once per installation, regardless of case and of revocation", async () => {
    await insertSepaMandate(database.db, mandate("m2", { mandateReference: "MUE-2026-01" }), NOW);
    await revokeSepaMandate(database.db, "org-mueller", "m2", "staff-admin", at(1));
    expect(await sqlStateOf(insertSepaMandate(database.db, mandate("m3", { mandateReference: "MUE-2026-01" }), NOW))).toBe("23505");
    expect(await sqlStateOf(insertSepaMandate(database.db, mandate("m4", { mandateReference: "mue-2026-01", organizationId: "org-baeckerei" }), NOW))).toBe("23505");
  });

  it("refuses an invalid IBAN before writing, and the table refuses what the rules forbid", async () => {
    await expect(insertSepaMandate(database.db, mandate("m5", { debtorIban: "DE88 3704 0044 0532 0130 00" }), NOW)).rejects.toThrow(RangeError);
    expect(await findSepaMandate(database.db, "org-mueller", "m5")).toBeUndefined();
    // T7: the agreed period is 1–14 days.
    await expect(insertSepaMandate(database.db, mandate("m6", { preNotificationDays: 0 }), NOW)).rejects.toThrow();
    await expect(insertSepaMandate(database.db, mandate("m7", { preNotificationDays: 15 }), NOW)).rejects.toThrow();
    // SEPA character set, at most 35 characters, no leading '/' or '//'.
    for (const [id, reference] of [["m8", "MANDAT_1"], ["m9", "M".repeat(36)], ["m10", "/M-1"], ["m11", "M//1"], ["m12", "Mandat-Ä"]]) {
      await expect(insertSepaMandate(database.db, mandate(id ?? "?", { mandateReference: reference ?? "?" }), NOW), reference).rejects.toThrow();
    }
    await expect(
      database.query(
        "INSERT INTO sepa_mandates (id, organization_id, mandate_reference, debtor_iban_sealed, debtor_iban_last4, debtor_iban_masked, debtor_name, signed_on, created_by, created_at, updated_at) VALUES ('m-plain', 'org-mueller', 'PLAIN-1', $1, '3000', 'DE89 **** 3000', 'x', '2026-10-01', 's', now(), now())",
        [IBAN],
      ),
    ).rejects.toThrow();
    const agreed = await insertSepaMandate(database.db, mandate("m13", { preNotificationDays: 5, mandateReference: "MUE 2026/05 (kurz)" }), NOW);
    expect(agreed.preNotificationDays).toBe(5);
  });

  it("lists one organization's mandates in keyset pages; another organization's are neither listed nor found", async () => {
    await insertSepaMandate(database.db, mandate("b1", { organizationId: "org-baeckerei", debtorName: "Bäckerei Schmidt" }), at(5));
    await insertSepaMandate(database.db, mandate("b2", { organizationId: "org-baeckerei", debtorName: "Bäckerei Schmidt", debtorIban: OTHER_IBAN }), at(6));
    const first = await listSepaMandates(database.db, { organizationId: "org-baeckerei", limit: 1 });
    const second = await listSepaMandates(database.db, { organizationId: "org-baeckerei", limit: 1, after: first.next });
    expect([first.items.map((row) => row.id), second.items.map((row) => row.id), second.next]).toEqual([["b1"], ["b2"], undefined]);
    expect(second.items[0]?.debtorIbanMasked).toBe("DE02 **** **** **** **20 51");
    expect(await findSepaMandate(database.db, "org-mueller", "b1")).toBeUndefined();
    expect(await revokeSepaMandate(database.db, "org-mueller", "b1", "staff-admin", at(7))).toBeUndefined();
  });

  it("revokes an active mandate once; of concurrent revocations exactly one wins", async () => {
    await insertSepaMandate(database.db, mandate("r1"), NOW);
    const outcomes = await Promise.all([
      revokeSepaMandate(database.db, "org-mueller", "r1", "staff-admin", at(2)),
      revokeSepaMandate(database.db, "org-mueller", "r1", "staff-back-office", at(2)),
    ]);
    const winners = outcomes.filter((row) => row !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ status: "revoked", revokedAt: at(2), updatedAt: at(2) });
    expect(await revokeSepaMandate(database.db, "org-mueller", "r1", "staff-admin", at(3))).toBeUndefined();
  });

  it("C8: billing opens the latest signed active mandate signed by the day, with the IBAN in plain text", async () => {
    await insertOrganization(database.db, { id: "org-weber", name: "Weber Logistik GmbH" }, NOW);
    const weber = (id: string, signedOn: string, debtorIban = IBAN) =>
      mandate(id, { organizationId: "org-weber", signedOn, debtorIban, mandateReference: `WEBER-${id}` });
    expect(await openActiveSepaMandate(database.db, "org-weber", "2026-12-01")).toBeUndefined();
    await insertSepaMandate(database.db, weber("w-old", "2026-01-15"), NOW);
    await insertSepaMandate(database.db, weber("w-new", "2026-09-01", OTHER_IBAN), at(1));
    // Signed after the invoice day: not yet usable for it.
    await insertSepaMandate(database.db, weber("w-future", "2026-12-05"), at(2));
    const opened = await openActiveSepaMandate(database.db, "org-weber", "2026-12-01");
    expect(opened).toMatchObject({ id: "w-new", debtorIban: OTHER_IBAN, mandateReference: "WEBER-w-new", preNotificationDays: null });
    await revokeSepaMandate(database.db, "org-weber", "w-new", "staff-admin", at(3));
    expect(await openActiveSepaMandate(database.db, "org-weber", "2026-12-01")).toMatchObject({ id: "w-old", debtorIban: IBAN });
    expect((await openActiveSepaMandate(database.db, "org-weber", "2026-12-05"))?.id).toBe("w-future");
  });

  it("C8: a direct debit file finds the mandates of its invoices by reference in one query, regardless of case, revoked ones included, never the IBAN", async () => {
    await insertSepaMandate(database.db, mandate("f1", { mandateReference: "Kontor-F1" }), NOW);
    await insertSepaMandate(database.db, mandate("f2", { mandateReference: "KONTOR-F2", organizationId: "org-baeckerei", debtorName: "Bäckerei Schmidt" }), NOW);
    await revokeSepaMandate(database.db, "org-baeckerei", "f2", "staff-admin", at(1));
    const found = await findSepaMandatesByReference(database.db, ["KONTOR-F1", "kontor-f2", "Kontor-f2", "KONTOR-UNKNOWN"]);
    expect([...found.keys()].sort()).toEqual(["KONTOR-F1", "KONTOR-F2"]);
    expect(found.get("KONTOR-F1")).toMatchObject({ id: "f1", mandateReference: "Kontor-F1", status: "active", debtorName: "Müller GmbH", debtorIbanMasked: "DE89 **** **** **** **30 00" });
    expect(found.get("KONTOR-F2")).toMatchObject({ id: "f2", organizationId: "org-baeckerei", status: "revoked" });
    expect(Object.keys(found.get("KONTOR-F1") ?? {})).not.toContain("debtorIbanSealed");
    expect(await findSepaMandatesByReference(database.db, [])).toEqual(new Map());
    expect(await findSepaMandatesByReference(database.db, ["KONTOR-UNKNOWN"])).toEqual(new Map());
  });
});

describe(`migration 0023 on ${testDatabaseKind()} (T7, P1)`, () => {
  it("T7: the default 14 days become 'nothing agreed' (null), agreed shorter periods stay, and new rows may name none", async () => {
    const database = await databaseBefore("0023_sepa_mandate_agreed_days.sql");
    try {
      await insertOrganization(database.db, { id: "org-mueller", name: "Müller GmbH" }, NOW);
      const insert = (id: string, days: string) =>
        database.query(
          `INSERT INTO sepa_mandates (id, organization_id, mandate_reference, debtor_iban_sealed, debtor_iban_last4, debtor_iban_masked, debtor_name, signed_on, ${days === "" ? "" : "pre_notification_days, "}status, created_by, created_at, updated_at)
           VALUES ($1, 'org-mueller', $1, 'v1:x', '3000', 'DE89 **** **** **** **30 00', 'Kontoinhaber', '2026-10-20', ${days === "" ? "" : `${days}, `}'active', 'staff', now(), now())`,
          [id],
        );
      await insert("m-default", "");
      await insert("m-five", "5");
      await applyMigration(database, "0023_sepa_mandate_agreed_days.sql");
      const rows = await database.query<{ id: string; pre_notification_days: number | null }>("SELECT id, pre_notification_days FROM sepa_mandates ORDER BY id");
      expect(rows.rows.map((row) => [row.id, row.pre_notification_days])).toEqual([
        ["m-default", null],
        ["m-five", 5],
      ]);
      await insert("m-none", "NULL");
      await expect(insert("m-zero", "0")).rejects.toThrow();
    } finally {
      await database.close();
    }
  }, MIGRATION_TEST_TIMEOUT_MS);
});
