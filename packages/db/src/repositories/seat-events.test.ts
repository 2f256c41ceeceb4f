import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { insertOrganization } from "./organizations.js";
import { appendSeatEvent, findSeatEvent, listSeatEvents, loadSeatHistory, lockSeatHistory } from "./seat-events.js";

const NOW = new Date("2026-03-02T09:00:00Z");

describe(`seat events on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 30 });
    await insertOrganization(database.db, { id: "org-1", name: "Müller GmbH" }, NOW);
  });
  afterAll(() => database.close());

  it("S10: 25 concurrent appends under the history lock keep every event, numbered 1–25", async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        database.db.transaction(async (tx) => {
          const version = await lockSeatHistory(tx, "org-1", NOW);
          await appendSeatEvent(tx, "org-1", version, { id: `e${index}`, type: "licenses-bought", at: NOW, event: { id: `e${index}` } }, NOW);
        }),
      ),
    );
    const history = await loadSeatHistory(database.db, "org-1");
    expect(history.map((row) => row.sequence)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(new Set(history.map((row) => row.eventId)).size).toBe(25);
    expect((await findSeatEvent(database.db, "org-1", "e3"))?.event).toEqual({ id: "e3" });
  });

  it("an append without the lock, at a taken sequence, is rejected by the unique key", async () => {
    await expect(
      database.db.transaction((tx) => appendSeatEvent(tx, "org-1", 0, { id: "late", type: "licenses-bought", at: NOW, event: {} }, NOW)),
    ).rejects.toThrow();
    expect(await loadSeatHistory(database.db, "org-1")).toHaveLength(25);
  });

  it("lists the history in append order, page by page", async () => {
    const first = await listSeatEvents(database.db, "org-1", { limit: 10 });
    const second = await listSeatEvents(database.db, "org-1", { limit: 20, after: first.next });
    expect([...first.items, ...second.items].map((row) => row.sequence)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(second.next).toBeUndefined();
  });
});
