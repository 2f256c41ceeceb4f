import { describe, expect, it } from "vitest";
import { workedExample } from "../testing/history-builder.js";
import { errorsOf, unwrap } from "../testing/unwrap.js";
import { parseSeatHistory } from "./parse-history.js";

describe("parseSeatHistory (zod at the boundary)", () => {
  it("accepts a valid history (JSON round trip)", () => {
    const history = workedExample().build();
    expect(unwrap(parseSeatHistory(JSON.parse(JSON.stringify(history)) as unknown))).toEqual(history);
  });

  it("names every problem with its path", () => {
    const errors = errorsOf(
      parseSeatHistory([
        { type: "licenses-bought", id: "a", at: "2026-03-02T10:00:00", productId: "p", quantity: 1 },
        { type: "purchase-order-placed", id: "b", at: "2026-03-02T10:00:00Z", poId: "PO", lines: [] },
        { type: "user-assigned", id: "c", at: "2026-03-02T10:00:00Z", productId: "p", userId: "u\u0007", extra: true },
        { type: "licenses-bought", id: "a", at: "2026-03-02T10:00:00Z", productId: "p", quantity: 1.5 },
      ]),
    );
    expect(errors.map((error) => [error.code, error.path])).toEqual([
      ["S10_INVALID_INPUT", ["history", 0, "at"]],
      ["S10_INVALID_INPUT", ["history", 1, "lines"]],
      ["S10_INVALID_INPUT", ["history", 2, "userId"]],
      ["S10_INVALID_INPUT", ["history", 2]],
      ["S10_INVALID_INPUT", ["history", 3, "quantity"]],
    ]);
  });

  it("S10: event ids must be unique", () => {
    const errors = errorsOf(
      parseSeatHistory([
        { type: "licenses-bought", id: "a", at: "2026-03-02T10:00:00Z", productId: "p", quantity: 1 },
        { type: "licenses-bought", id: "a", at: "2026-03-02T11:00:00Z", productId: "p", quantity: 1 },
      ]),
    );
    expect(errors).toEqual([{ code: "S10_DUPLICATE_EVENT_ID", message: 'Event id "a" is used twice', path: ["history", 1, "id"] }]);
  });

  it("refuses what is not a list", () => {
    expect(errorsOf(parseSeatHistory({ events: [] }))).toMatchObject([{ code: "S10_INVALID_INPUT", path: ["history"] }]);
  });
});
