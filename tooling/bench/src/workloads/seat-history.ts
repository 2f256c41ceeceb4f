import type { SeatEvent } from "@kontor/seats";
import { seededRandom } from "./seeded-random.js";

/** The instant the seat benchmark evaluates at: day 45 of the first purchase orders' windows. */
export const SEAT_AS_OF = "2026-02-15T12:00:00Z";

const PRODUCTS = 10;

/**
 * One organization's history: for each of 10 products 5,000 licenses bought outright, 100
 * purchase orders of 50 licenses each (every third one paid), and 10,000 users assigned in
 * shuffled order with many equal timestamps. `scale` shrinks every count for smoke tests.
 * Totals at scale 1: 100,000 users, 1,000 purchase orders.
 */
export function seatHistory(scale = 1): SeatEvent[] {
  const random = seededRandom(4711);
  const boughtPerProduct = Math.max(1, Math.round(5_000 * scale));
  const posPerProduct = Math.max(1, Math.round(100 * scale));
  const poQuantity = 50;
  const usersPerProduct = boughtPerProduct + posPerProduct * poQuantity;
  const events: SeatEvent[] = [];
  let id = 0;
  const next = () => `e${String(id++)}`;
  for (let p = 0; p < PRODUCTS; p++) {
    const productId = `product-${String(p)}`;
    events.push({ type: "licenses-bought", id: next(), at: "2026-01-02T08:00:00Z", productId, quantity: boughtPerProduct });
    for (let o = 0; o < posPerProduct; o++) {
      const poId = `PO-${String(p)}-${String(o)}`;
      const minute = String(o % 60).padStart(2, "0");
      events.push({
        type: "purchase-order-placed",
        id: next(),
        at: `2026-01-03T09:${minute}:00Z`,
        poId,
        lines: [{ productId, quantity: poQuantity }],
      });
      if (o % 3 === 0) events.push({ type: "purchase-order-paid", id: next(), at: "2026-01-20T10:00:00Z", poId });
    }
    for (let u = 0; u < usersPerProduct; u++) {
      // Ten users share each second: ties resolve by event id (S10: input order must not matter).
      const second = Math.floor(u / 10);
      const at = new Date(Date.UTC(2026, 0, 4) + second * 1000).toISOString();
      events.push({ type: "user-assigned", id: next(), at, productId, userId: `user-${String(p)}-${String(u)}` });
    }
  }
  // Shuffle (Fisher–Yates): the evaluator must not rely on the input being sorted.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = events[i];
    const b = events[j];
    if (a !== undefined && b !== undefined) {
      events[i] = b;
      events[j] = a;
    }
  }
  return events;
}
