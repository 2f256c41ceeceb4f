import { describe, expect, it } from "vitest";
import { endToEndSettingsFromEnvironment } from "../end-to-end/end-to-end-settings.js";
import { WORKER_MONTH_CLOSE_GOAL, workerMonthClose } from "./worker-month-close.js";

// The times only mean something if the worker closed every month and agrees with the baseline
// (the run throws otherwise); 50 contracts prove the whole chain quickly.
describe("worker month close smoke test", () => {
  it("closes every month through the worker and reports both sides", { timeout: 180_000 }, async () => {
    const row = await workerMonthClose.run({ contracts: 50, timeoutMs: 120_000 });
    expect(row.closedMonths).toBe(50);
    expect(row.subject.wallMs).toBeGreaterThan(0);
    expect(row.subject.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(row.baseline.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(row.baseline.wallMs).toBe(row.baseline.loadMs + row.baseline.closeMs);
    expect(row.itemConcurrency).toBeGreaterThan(0);
    expect(row.goal).toEqual(WORKER_MONTH_CLOSE_GOAL);
    // The goal is stated for 10,000 contracts; a smaller run gives no verdict.
    expect(row.goalMet).toBeUndefined();
  });

  it("reads its size from the environment", () => {
    expect(endToEndSettingsFromEnvironment({})).toEqual({ contracts: 10_000, timeoutMs: 600_000 });
    expect(endToEndSettingsFromEnvironment({ KONTOR_BENCH_CONTRACTS: "500", KONTOR_BENCH_TIMEOUT_SECONDS: "30" })).toEqual({ contracts: 500, timeoutMs: 30_000 });
    expect(() => endToEndSettingsFromEnvironment({ KONTOR_BENCH_CONTRACTS: "lots" })).toThrow(/KONTOR_BENCH_CONTRACTS/);
  });
});
