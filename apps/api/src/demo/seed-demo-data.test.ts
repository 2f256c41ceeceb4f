import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByApiToken, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase, testDatabaseKind } from "@kontor/db/testing";
import { seedDemoData } from "./seed-demo-data.js";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe(`demo data on ${testDatabaseKind()}`, () => {
  it("loads once and issues working tokens on every start", async () => {
    const now = new Date("2026-11-30T08:00:00Z");
    const first = await seedDemoData(database, now);
    const second = await seedDemoData(database, now);
    expect(second.adminToken).not.toBe(first.adminToken);
    for (const token of [first.adminToken, second.adminToken]) {
      expect((await findUserByApiToken(database.db, token, now))?.user.role).toBe("admin");
    }
    const organizations = await database.query<{ count: string | number }>("SELECT count(*) AS count FROM organizations");
    expect(Number(organizations.rows[0]?.count)).toBe(2);
  });
});
