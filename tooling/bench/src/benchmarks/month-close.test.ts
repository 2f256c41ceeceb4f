import { expect, it } from "vitest";
import { contingentWorkload } from "../workloads/contingent-contracts.js";
import { baselineTotals, cents, kontorTotals, recordedAccounts } from "./month-close.js";

// The ratio only means something if both sides compute the same totals (C2, C6).
it("Kontor's month close and the integer baseline agree on balances and invoiced cents", () => {
  const workload = contingentWorkload(50, 40);
  const kontor = kontorTotals(recordedAccounts(workload));
  const baseline = baselineTotals(workload);
  expect(kontor).toEqual(baseline);
  expect(baseline.invoicedCents).toBe(50n * 190_000n);
  expect(baseline.closingMinutes).toBeGreaterThan(0);
});

it("reads Kontor's decimal amounts as exact integer cents", () => {
  expect(["1900.00", "0.05", "-12.5", "7", "-0.99"].map(cents)).toEqual([190_000, 5, -1250, 700, -99]);
});
