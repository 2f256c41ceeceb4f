import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { findCustomerPriceList, saveCustomerPriceList } from "./customer-price-lists.js";
import { insertOrganization } from "./organizations.js";

const NOW = new Date("2026-11-16T09:00:00Z");
const LATER = new Date("2026-11-17T10:00:00Z");

const MUELLER = { id: "org-mueller", name: "Müller GmbH" };

const PRICES = [{ productId: "m365-bs", pricePerUser: { amount: "10.90", currency: "EUR" } }];

describe(`customer price lists on ${testDatabaseKind()} (M1)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 10 });
    await insertOrganization(database.db, MUELLER, NOW);
  });
  afterAll(() => database.close());

  it("M1: none at first; version 0 inserts version 1 with the prices as given", async () => {
    expect(await findCustomerPriceList(database.db, MUELLER.id)).toBeUndefined();
    const row = await saveCustomerPriceList(database.db, { organizationId: MUELLER.id, prices: PRICES, updatedBy: "staff-am" }, 0, NOW);
    expect(row).toEqual({ organizationId: MUELLER.id, prices: PRICES, version: 1, updatedBy: "staff-am", updatedAt: NOW });
    expect(await findCustomerPriceList(database.db, MUELLER.id)).toEqual(row);
  });

  it("M1: a replacement at the stored version bumps it; a stale version or a second first write changes nothing", async () => {
    const cheaper = [{ productId: "m365-bs", pricePerUser: { amount: "10.50", currency: "EUR" } }];
    expect(await saveCustomerPriceList(database.db, { organizationId: MUELLER.id, prices: cheaper, updatedBy: "staff-admin" }, 1, LATER)).toMatchObject({ version: 2, prices: cheaper });
    expect(await saveCustomerPriceList(database.db, { organizationId: MUELLER.id, prices: PRICES, updatedBy: "staff-am" }, 1, LATER)).toBeUndefined();
    expect(await saveCustomerPriceList(database.db, { organizationId: MUELLER.id, prices: PRICES, updatedBy: "staff-am" }, 0, LATER)).toBeUndefined();
    expect((await findCustomerPriceList(database.db, MUELLER.id))?.prices).toEqual(cheaper);
  });

  it("M1: of two concurrent replacements of one version exactly one wins", async () => {
    const writes = ["9.90", "9.80"].map((amount) =>
      saveCustomerPriceList(database.db, { organizationId: MUELLER.id, prices: [{ productId: "m365-bs", pricePerUser: { amount, currency: "EUR" } }], updatedBy: "staff-am" }, 2, LATER),
    );
    const results = await Promise.all(writes);
    expect(results.filter((row) => row !== undefined)).toHaveLength(1);
    expect((await findCustomerPriceList(database.db, MUELLER.id))?.version).toBe(3);
  });

  it("refuses an expected version that is not a whole number ≥ 0", async () => {
    await expect(saveCustomerPriceList(database.db, { organizationId: MUELLER.id, prices: PRICES, updatedBy: "x" }, -1, NOW)).rejects.toThrow(RangeError);
  });
});
