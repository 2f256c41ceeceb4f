import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { organizationRecordsForSender, portalUserContactsOf } from "./intake-lookups.js";
import { insertOrganization } from "./organizations.js";
import { disableUser, insertUser } from "./users.js";

const NOW = new Date("2026-06-03T07:15:00Z");

/** What intake loads to place one sender (O1, O2), instead of every customer for every mail. */
describe(`intake lookups on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  const ids = (records: unknown[]) => records.map((record) => (record as { id: string }).id).sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    const organization = (id: string, name: string, mailDomains: string[]) => {
      const record = { id, name, mailDomains };
      return insertOrganization(database.db, record, NOW);
    };
    await organization("org-mueller", "Müller GmbH", ["mueller-gmbh.de", "mueller.de"]);
    await organization("org-mueller-2", "Müller Logistik", ["mueller.de"]);
    await organization("org-baeckerei", "Bäckerei Schmidt", ["baeckerei-schmidt.de"]);
    await organization("org-kanzlei", "Kanzlei Berger", []);
    await insertUser(database.db, { kind: "portal", id: "pu-anna", organizationId: "org-mueller", role: "portal-manager", email: "Anna.Becker@mueller-gmbh.de", profile: {} }, NOW);
    // Senders with a free-mail address: known only through their portal account (one of them switched off).
    await insertUser(database.db, { kind: "portal", id: "pu-max", organizationId: "org-baeckerei", role: "portal-reporter", email: "max@gmail.com", profile: {} }, NOW);
    await insertUser(database.db, { kind: "portal", id: "pu-eva", organizationId: "org-kanzlei", role: "portal-reporter", email: "eva@gmail.com", profile: {} }, NOW);
    await disableUser(database.db, "pu-eva", NOW);
  });
  afterAll(() => database.close());

  it("O1: the organizations of the sender's domain, case-insensitively; a shared domain brings both", async () => {
    expect(ids(await organizationRecordsForSender(database.db, "ben.wolf@mueller-gmbh.de"))).toEqual(["org-mueller"]);
    expect(ids(await organizationRecordsForSender(database.db, "Lager@MUELLER.de"))).toEqual(["org-mueller", "org-mueller-2"]);
    expect(await organizationRecordsForSender(database.db, "jemand@unbekannt.example")).toEqual([]);
  });

  it("O2: the organizations of the sender's enabled portal accounts, and the ones asked for", async () => {
    expect(ids(await organizationRecordsForSender(database.db, "MAX@gmail.com"))).toEqual(["org-baeckerei"]);
    expect(await organizationRecordsForSender(database.db, "eva@gmail.com")).toEqual([]);
    expect(ids(await organizationRecordsForSender(database.db, "eva@gmail.com", ["org-kanzlei"]))).toEqual(["org-kanzlei"]);
    expect(ids(await organizationRecordsForSender(database.db, "max@gmail.com", ["org-kanzlei"]))).toEqual(["org-baeckerei", "org-kanzlei"]);
    expect(ids(await organizationRecordsForSender(database.db, "kein-at-zeichen"))).toEqual([]);
  });

  it("O2: the sender's enabled portal accounts, case-insensitively", async () => {
    expect(await portalUserContactsOf(database.db, "anna.becker@MUELLER-GMBH.de")).toEqual([{ id: "pu-anna", email: "Anna.Becker@mueller-gmbh.de", organizationId: "org-mueller" }]);
    expect((await portalUserContactsOf(database.db, "max@gmail.com")).map((user) => user.id)).toEqual(["pu-max"]);
    expect(await portalUserContactsOf(database.db, "eva@gmail.com")).toEqual([]);
    expect(await portalUserContactsOf(database.db, "niemand@mueller-gmbh.de")).toEqual([]);
  });
});
