import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVOICE_NUMBER_SERIES, checkNumberSequence } from "@kontor/invoicing";
import type { DatabaseHandle } from "../connection/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { DocumentNumberError, issueDocumentNumber } from "./number-series.js";

const NOW = new Date("2026-11-30T10:00:00Z");

describe(`number series on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 60 });
  });
  afterAll(() => database.close());

  it("50 concurrent transactions issue RE-2026-000001 … RE-2026-000050 with no gap or duplicate", async () => {
    const numbers = await Promise.all(
      Array.from({ length: 50 }, () => database.db.transaction((tx) => issueDocumentNumber(tx, INVOICE_NUMBER_SERIES, 2026, NOW))),
    );
    expect(new Set(numbers).size).toBe(50);
    expect(checkNumberSequence(INVOICE_NUMBER_SERIES, numbers)).toEqual({ ok: true, value: true });
    expect([...numbers].sort().at(-1)).toBe("RE-2026-000050");
  });

  it("a rolled-back transaction gives its number back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await issueDocumentNumber(tx, INVOICE_NUMBER_SERIES, 2026, NOW);
        throw new Error("finalization failed after numbering");
      }),
    ).rejects.toThrow("finalization failed");
    const next = await database.db.transaction((tx) => issueDocumentNumber(tx, INVOICE_NUMBER_SERIES, 2026, NOW));
    expect(next).toBe("RE-2026-000051");
  });

  it("the sequence starts again at 1 in a new year", async () => {
    const next = await database.db.transaction((tx) => issueDocumentNumber(tx, INVOICE_NUMBER_SERIES, 2027, NOW));
    expect(next).toBe("RE-2027-000001");
  });

  it("a document dated in 2026 after RE-2027-000001 is refused with a typed error, and the series is left as it was", async () => {
    const refused = database.db.transaction((tx) => issueDocumentNumber(tx, INVOICE_NUMBER_SERIES, 2026, NOW));
    await expect(refused).rejects.toBeInstanceOf(DocumentNumberError);
    await expect(refused).rejects.toMatchObject({ code: "NUMBER_YEAR_MISMATCH" });
    const next = await database.db.transaction((tx) => issueDocumentNumber(tx, INVOICE_NUMBER_SERIES, 2027, NOW));
    expect(next).toBe("RE-2027-000002");
  });
});
