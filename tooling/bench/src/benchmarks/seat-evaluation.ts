import { evaluateSeats, type SeatEvent } from "@kontor/seats";
import type { Benchmark } from "../benchmark.js";
import { SEAT_AS_OF, seatHistory } from "../workloads/seat-history.js";

/**
 * The baseline: per product, paid licenses = bought + paid purchase orders; sort the
 * assignments by (time, event id) and slice off everyone past the paid count.
 */
export function sortAndSliceDeficit(history: readonly SeatEvent[]): Map<string, string[]> {
  const paid = new Map<string, number>();
  const poLines = new Map<string, { productId: string; quantity: number }[]>();
  const paidPos: string[] = [];
  const assignments = new Map<string, { at: number; id: string; userId: string }[]>();
  for (const event of history) {
    switch (event.type) {
      case "licenses-bought":
        paid.set(event.productId, (paid.get(event.productId) ?? 0) + event.quantity);
        break;
      case "purchase-order-placed":
        poLines.set(event.poId, event.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })));
        break;
      case "purchase-order-paid":
        paidPos.push(event.poId);
        break;
      case "user-assigned": {
        let list = assignments.get(event.productId);
        if (list === undefined) assignments.set(event.productId, (list = []));
        list.push({ at: Date.parse(event.at), id: event.id, userId: event.userId });
        break;
      }
      default:
        break;
    }
  }
  for (const poId of paidPos) {
    for (const line of poLines.get(poId) ?? []) {
      paid.set(line.productId, (paid.get(line.productId) ?? 0) + line.quantity);
    }
  }
  const mustBePaid = new Map<string, string[]>();
  for (const [productId, list] of assignments) {
    list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    mustBePaid.set(productId, list.slice(paid.get(productId) ?? 0).map((entry) => entry.userId));
  }
  return mustBePaid;
}

/** Kontor's interactive read: the full evaluation without the mail list. */
export function kontorMustBePaid(history: readonly SeatEvent[]): Map<string, string[]> {
  const result = evaluateSeats(history, { asOf: SEAT_AS_OF, includeMails: false });
  if (!result.ok) throw new Error(`seat evaluation failed: ${JSON.stringify(result.errors)}`);
  return new Map(result.value.products.map((p) => [p.productId, p.mustBePaidUsers.map((u) => u.userId)]));
}

/**
 * Issue 11, benchmark 2 (and issue 4): one organization with 100,000 users and 1,000 purchase
 * orders, against sorting the assignments and slicing the deficit. Goal: at most 2× the baseline.
 */
export const seatEvaluation: Benchmark = {
  id: "seat-evaluation",
  title: "Seat evaluation, 100,000 users / 1,000 POs",
  goal: { kind: "max-ratio", value: 2 },
  prepare(scale) {
    const history = seatHistory(scale);
    const users = history.filter((event) => event.type === "user-assigned").length;
    return {
      units: users,
      unitName: "users",
      subject: () => kontorMustBePaid(history).size,
      baseline: () => sortAndSliceDeficit(history).size,
    };
  },
};
