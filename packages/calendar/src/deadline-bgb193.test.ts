import { describe, expect, it } from "vitest";
import { deadlineBgb193, getCalendar } from "./index.js";

describe("§193 BGB deadlines", () => {
  it("§193 BGB: a deadline on Saturday 2026-10-03 (German Unity Day) moves to Monday 2026-10-05", () => {
    expect(deadlineBgb193("2026-10-03", "DE")).toBe("2026-10-05");
  });

  it("§193 BGB: a deadline on Good Friday 2026-04-03 moves to Tuesday 2026-04-07", () => {
    expect(deadlineBgb193("2026-04-03", "DE")).toBe("2026-04-07");
  });

  it("§193 BGB: a deadline on a business day stays", () => {
    expect(deadlineBgb193("2026-04-02", "DE")).toBe("2026-04-02");
  });

  it("§193 BGB: state holidays of the place of performance count (Corpus Christi in NW)", () => {
    expect(deadlineBgb193("2026-06-04", "DE-NW")).toBe("2026-06-05");
    expect(deadlineBgb193("2026-06-04", "DE-BE")).toBe("2026-06-04");
  });

  it("§193 BGB: only Saturday, Sunday and holidays move a deadline, whatever the configured weekend", () => {
    const fridayWeekend = getCalendar("DE", { weekendDays: [5, 6, 7] });
    expect(deadlineBgb193("2026-03-06", fridayWeekend)).toBe("2026-03-06");
    expect(deadlineBgb193("2026-03-07", fridayWeekend)).toBe("2026-03-09");
  });
});
