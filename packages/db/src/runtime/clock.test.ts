import { describe, expect, it } from "vitest";
import { clockFromEnvironment } from "./clock.js";

describe("clockFromEnvironment", () => {
  it("KONTOR_NOW fixes the instant, e.g. the last day of February in a leap year", () => {
    expect(clockFromEnvironment({ KONTOR_NOW: "2028-02-29T22:59:00Z" }).now().toISOString()).toBe("2028-02-29T22:59:00.000Z");
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
