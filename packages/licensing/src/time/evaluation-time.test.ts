import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { codesOf, errorsOf, valueOf } from "../testing/expect-result.js";
import { addDays, daysFromTo } from "./day-arithmetic.js";
import { readEvaluationTime } from "./evaluation-time.js";

describe("evaluation time", () => {
  it("P2: the day of asOf is counted in the given zone (default Europe/Berlin), never the machine's", () => {
    expect(valueOf(readEvaluationTime("2026-10-31T23:30:00Z")).today).toBe("2026-11-01");
    expect(valueOf(readEvaluationTime("2026-10-31T23:30:00Z", "UTC")).today).toBe("2026-10-31");
    expect(valueOf(readEvaluationTime("2026-10-31T23:30:00Z", "Pacific/Kiritimati")).today).toBe("2026-11-01");
    expect(valueOf(readEvaluationTime(DateTime.fromISO("2026-03-29T01:30:00Z", { zone: "utc" }))).today).toBe("2026-03-29");
  });

  it("P2: an instant without offset or an unknown zone is a typed error, never a guess", () => {
    expect(errorsOf(readEvaluationTime("2026-03-17T10:00:00"))[0]).toMatchObject({ code: "INVALID_INSTANT", path: ["asOf"] });
    expect(codesOf(readEvaluationTime("2026-03-17"))).toEqual(["INVALID_INSTANT"]);
    expect(codesOf(readEvaluationTime(DateTime.invalid("test")))).toEqual(["INVALID_INSTANT"]);
    expect(errorsOf(readEvaluationTime("2026-03-17T10:00:00Z", "Europe/Atlantis"))[0]).toMatchObject({ code: "INVALID_ZONE", path: ["zone"] });
  });

  it("counts calendar days across month ends and Feb 29", () => {
    expect(daysFromTo("2027-03-15", "2027-06-30")).toBe(107);
    expect(daysFromTo("2027-11-01", "2027-06-30")).toBe(-124);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
  });
});
