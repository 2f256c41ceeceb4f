import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SeatEvent } from "../history/seat-event.js";
import { compareSlots, orderSlots, productOf } from "./schedule-order.js";

const BASE_MS = Date.UTC(2026, 0, 4);

/** Steps as the fold schedules them: few instants, ranks, products, users and ids, so ties abound. */
const stepsArbitrary = fc.array(
  fc.record({
    second: fc.integer({ min: 0, max: 5 }),
    rank: fc.integer({ min: 0, max: 9 }),
    event: fc.oneof(
      fc.record({
        type: fc.constantFrom("user-assigned" as const, "user-unassigned" as const),
        id: fc.constantFrom("e1", "e2", "e10", "E1"),
        productId: fc.constantFrom("p", "q", "P", "p2"),
        userId: fc.constantFrom("u1", "u2", "U1", "u10", ""),
      }),
      fc.record({
        type: fc.constantFrom("purchase-order-placed" as const, "purchase-order-paid" as const),
        id: fc.constantFrom("e1", "e2", "e3"),
        poId: fc.constantFrom("PO-1", "PO-2", "po-1"),
      }),
      fc.record({
        type: fc.constantFrom("licenses-bought" as const, "licenses-renewed" as const, "renewal-period-opened" as const),
        id: fc.constantFrom("e1", "e2", "e3"),
        productId: fc.constantFrom("p", "q", "P"),
      }),
    ),
  }),
  { maxLength: 80 },
);

describe("schedule order (S10)", () => {
  it("S10: the packed numeric sort orders the steps exactly like the comparator (stable, ties by product, key, id)", () => {
    fc.assert(
      fc.property(stepsArbitrary, fc.boolean(), (steps, negative) => {
        const history = steps.map((step) => step.event as unknown as SeatEvent);
        const n = steps.length;
        const ms = new Float64Array(n);
        const rank = new Uint8Array(n);
        const ref = new Int32Array(n);
        steps.forEach((step, slot) => {
          ms[slot] = (negative ? -BASE_MS : BASE_MS) + step.second * 1000;
          rank[slot] = step.rank;
          ref[slot] = slot;
        });
        const expected = Array.from({ length: n }, (_, slot) => slot).sort(compareSlots(history, ms, rank, ref));
        expect(orderSlots(history, ms, rank, ref)).toEqual(expected);
        // With each slot's product given by the caller (as the fold does).
        const names: string[] = [];
        const products = Int32Array.from(history, (event) => {
          const product = productOf(event);
          if (!names.includes(product)) names.push(product);
          return names.indexOf(product);
        });
        expect(orderSlots(history, ms, rank, ref, { products, names })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("S10: long runs of steps that share an instant, rank and product sort like the comparator too", () => {
    const n = 200;
    const history = Array.from({ length: n }, (_, i) => ({
      type: "user-assigned",
      id: `e${String((i * 37) % 50)}`,
      productId: "p",
      userId: `u${String((i * 13) % 40)}`,
    })) as unknown as SeatEvent[];
    const ms = new Float64Array(n).fill(BASE_MS);
    const rank = new Uint8Array(n).fill(9);
    const ref = Int32Array.from({ length: n }, (_, i) => i);
    const expected = Array.from({ length: n }, (_, slot) => slot).sort(compareSlots(history, ms, rank, ref));
    expect(orderSlots(history, ms, rank, ref)).toEqual(expected);
  });

  it("falls back to the comparator for instants that are not whole milliseconds", () => {
    const history = [
      { type: "user-assigned", id: "a", productId: "p", userId: "u1" },
      { type: "user-assigned", id: "b", productId: "p", userId: "u2" },
    ] as unknown as SeatEvent[];
    const ms = Float64Array.from([1.5, 1]);
    const rank = Uint8Array.from([0, 9]);
    const ref = Int32Array.from([0, 1]);
    expect(orderSlots(history, ms, rank, ref)).toEqual([1, 0]);
  });
});
