import { expect, it } from "vitest";
import { seatHistory } from "../workloads/seat-history.js";
import { kontorMustBePaid, sortAndSliceDeficit } from "./seat-evaluation.js";

// The ratio only means something if both sides compute the same "must be paid" lists.
it("Kontor and the sort-and-slice baseline name the same users (S6, S10)", () => {
  const history = seatHistory(0.02);
  const kontor = kontorMustBePaid(history);
  const baseline = sortAndSliceDeficit(history);
  expect(kontor.size).toBe(10);
  expect([...kontor.keys()].sort()).toEqual([...baseline.keys()].sort());
  for (const [productId, users] of kontor) {
    expect(users.length).toBeGreaterThan(0);
    expect(users).toEqual(baseline.get(productId));
  }
});
