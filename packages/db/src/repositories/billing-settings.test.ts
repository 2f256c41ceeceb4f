import type { BillingSettings } from "@kontor/invoicing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { findBillingSettings, saveBillingSettings } from "./billing-settings.js";

const NOW = new Date("2026-11-16T09:00:00Z");
const LATER = new Date("2026-11-17T10:00:00Z");

const SETTINGS: BillingSettings = {
  seller: {
    name: "Nordlicht IT GmbH",
    address: { lines: ["Hafenstraße 3"], postcode: "20457", city: "Hamburg", countryCode: "DE" },
    vatId: "DE811907980",
    contact: { name: "Jana Petersen", phone: "+49 40 1234567", email: "rechnung@nordlicht-it.example" },
    electronicAddress: { scheme: "EM", value: "rechnung@nordlicht-it.example" },
  },
  // As written: the input form is stored, spaces included.
  paymentMeans: { kind: "sepa-credit-transfer", iban: "DE02 1203 0000 0000 2020 51", bic: "BYLADEM1001" },
  netDays: 14,
};

describe(`billing settings on ${testDatabaseKind()} (C8, T1)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 10 });
  });
  afterAll(() => database.close());

  it("C8: none are stored at first; expected version 0 inserts version 1 with the settings as given", async () => {
    expect(await findBillingSettings(database.db)).toBeUndefined();
    const row = await saveBillingSettings(database.db, { settings: SETTINGS, updatedBy: "staff-admin" }, 0, NOW);
    expect(row).toEqual({ id: "installation", settings: SETTINGS, version: 1, updatedBy: "staff-admin", updatedAt: NOW });
    expect(await findBillingSettings(database.db)).toEqual(row);
  });

  it("T1: a replacement at the stored version bumps it; a stale version or a second first write changes nothing", async () => {
    const replaced = await saveBillingSettings(database.db, { settings: { ...SETTINGS, netDays: 30 }, updatedBy: "staff-admin-2" }, 1, LATER);
    expect(replaced).toMatchObject({ version: 2, updatedBy: "staff-admin-2", updatedAt: LATER, settings: { netDays: 30 } });
    expect(await saveBillingSettings(database.db, { settings: SETTINGS, updatedBy: "staff-admin" }, 1, LATER)).toBeUndefined();
    expect(await saveBillingSettings(database.db, { settings: SETTINGS, updatedBy: "staff-admin" }, 0, LATER)).toBeUndefined();
    expect(await saveBillingSettings(database.db, { settings: SETTINGS, updatedBy: "staff-admin" }, 7, LATER)).toBeUndefined();
    expect(await findBillingSettings(database.db)).toEqual(replaced);
    await expect(saveBillingSettings(database.db, { settings: SETTINGS, updatedBy: "staff-admin" }, -1, LATER)).rejects.toThrow(RangeError);
  });

  it("of concurrent writes on one version exactly one wins", async () => {
    const current = await findBillingSettings(database.db);
    const version = current?.version ?? 0;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => saveBillingSettings(database.db, { settings: { ...SETTINGS, netDays: index }, updatedBy: `staff-${String(index)}` }, version, LATER)),
    );
    const winners = results.filter((row) => row !== undefined);
    expect(winners).toHaveLength(1);
    expect(await findBillingSettings(database.db)).toEqual(winners[0]);
  });

  it("the table holds one row only, and only a JSON object", async () => {
    await expect(database.query("INSERT INTO billing_settings (id, settings, version, updated_by, updated_at) VALUES ('other', '{}', 1, 'x', now())")).rejects.toThrow();
    await expect(database.query("UPDATE billing_settings SET settings = '[]'")).rejects.toThrow();
    await expect(database.query("UPDATE billing_settings SET version = 0")).rejects.toThrow();
  });
});
