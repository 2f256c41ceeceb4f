import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { appendToOutbox, markOutboxDelivered, outboxEventsOf, type OutboxEvent } from "../outbox/outbox.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { missingOutboxDedupeKeys } from "./outbox-dedupe-keys.js";

const NOW = new Date("2026-04-03T01:15:00Z");

function charge(subscriptionId: string, month: string): OutboxEvent {
  return {
    topic: "licensing.rental-invoice-due",
    aggregateType: "rental-subscription",
    aggregateId: subscriptionId,
    dedupeKey: `rental-charge:${subscriptionId}:${month}`,
    payload: { subscriptionId, month },
  };
}

describe(`missing outbox dedupe keys on ${testDatabaseKind()} (M5)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await appendToOutbox(database.db, [charge("R-1", "2026-01"), charge("R-1", "2026-03"), charge("R-2", "2026-02")], NOW);
    // A delivered event still counts as written.
    const [january] = await outboxEventsOf(database.db, "rental-subscription", "R-1");
    if (january === undefined) throw new Error("event missing");
    await markOutboxDelivered(database.db, january.id, NOW);
  });
  afterAll(() => database.close());

  it("M5: returns the keys no event has, in the order asked, each once; written keys (delivered or not) are left out", async () => {
    const missing = await missingOutboxDedupeKeys(database.db, [
      "rental-charge:R-1:2026-01",
      "rental-charge:R-1:2026-02",
      "rental-charge:R-1:2026-03",
      "rental-charge:R-2:2026-03",
      "rental-charge:R-2:2026-02",
      "rental-charge:R-1:2026-02",
      // Not a prefix or pattern match: a key is found only when it is equal.
      "rental-charge:R-1:2026-0",
      "rental-charge:R-1:2026-01 ",
    ]);
    expect(missing).toEqual(["rental-charge:R-1:2026-02", "rental-charge:R-2:2026-03", "rental-charge:R-1:2026-0", "rental-charge:R-1:2026-01 "]);
  });

  it("M5: no keys ask nothing; keys with quotes and backslashes are compared literally", async () => {
    expect(await missingOutboxDedupeKeys(database.db, [])).toEqual([]);
    await appendToOutbox(database.db, [charge(`R-"quoted"\\x`, "2026-03")], NOW);
    expect(await missingOutboxDedupeKeys(database.db, [`rental-charge:R-"quoted"\\x:2026-03`, `rental-charge:R-"quoted"\\x:2026-04`])).toEqual([
      `rental-charge:R-"quoted"\\x:2026-04`,
    ]);
  });

  it("M5: 80,000 candidate keys (more than a statement's 65,535 bind parameters) fit in one statement (one JSON parameter)", async () => {
    const keys = Array.from({ length: 80_000 }, (_, index) => `rental-charge:R-${String(index)}:2026-03`);
    const missing = await missingOutboxDedupeKeys(database.db, ["rental-charge:R-1:2026-03", ...keys]);
    expect(missing).toHaveLength(79_999);
    expect(missing.slice(0, 2)).toEqual(["rental-charge:R-0:2026-03", "rental-charge:R-2:2026-03"]);
  });
});
