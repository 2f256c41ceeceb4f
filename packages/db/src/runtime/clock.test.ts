import { describe, expect, it } from "vitest";
import { clockFromEnvironment } from "./clock.js";

describe("clockFromEnvironment", () => {
  it("KONTOR_NOW starts the clock at an instant, e.g. the last day of February in a leap year, and lets it run on", async () => {
    const clock = clockFromEnvironment({ KONTOR_NOW: "2028-02-29T22:59:00Z" });
    const start = Date.parse("2028-02-29T22:59:00Z");
    const first = clock.now().getTime();
    expect(first - start).toBeGreaterThanOrEqual(0);
    expect(first - start).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
  });

  it("KONTOR_CLOCK_OFFSET shifts the system clock by a duration or milliseconds", () => {
    const before = Date.now();
    const shifted = clockFromEnvironment({ KONTOR_CLOCK_OFFSET: "P8DT2H" }).now().getTime();
    expect(shifted - before).toBeGreaterThanOrEqual((8 * 24 + 2) * 3_600_000);
    expect(shifted - before).toBeLessThan((8 * 24 + 2) * 3_600_000 + 60_000);
    const back = clockFromEnvironment({ KONTOR_CLOCK_OFFSET: "-60000" }).now().getTime();
    expect(back).toBeLessThan(Date.now() - 59_000);
  });

  it("rejects values it cannot read instead of running at the wrong time", () => {
    expect(() => clockFromEnvironment({ KONTOR_NOW: "end of month" })).toThrow(/KONTOR_NOW/);
    expect(() => clockFromEnvironment({ KONTOR_CLOCK_OFFSET: "P" })).toThrow(/KONTOR_CLOCK_OFFSET/);
    expect(() => clockFromEnvironment({ KONTOR_CLOCK_OFFSET: "8 days" })).toThrow(/KONTOR_CLOCK_OFFSET/);
  });
});
