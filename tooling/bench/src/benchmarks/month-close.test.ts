import { expect, it } from "vitest";
import { contingentWorkload } from "../workloads/contingent-contracts.js";
import { baselineTotals, kontorTotals, recordedAccounts } from "./month-close.js";

// The ratio only means something if both sides compute the same totals (C2, C6).
it("Kontor's month close and the integer baseline agree on balances and invoiced cents", () => {
  const workload = contingentWorkload(50, 40);
  const kontor = kontorTotals(recordedAccounts(workload));
  const baseline = baselineTotals(workload);
  expect(kontor).toEqual(baseline);
  expect(baseline.invoicedCents).toBe(50n * 190_000n);
  expect(baseline.closingMinutes).toBeGreaterThan(0);
});
