import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { errorCodes, unwrap } from "../test-support.js";
import { dateInputSchema, localDate } from "./date-input.js";

describe("P2 days of instants", () => {
  it("P2: a calendar day is taken as it is; an instant becomes its local day in the zone (default Berlin)", () => {
    expect(unwrap(localDate("2026-03-29"))).toBe("2026-03-29");
    expect(unwrap(localDate("2026-03-28T23:30:00Z"))).toBe("2026-03-29");
    expect(unwrap(localDate("2026-03-28T23:30:00Z", "UTC"))).toBe("2026-03-28");
    expect(unwrap(localDate(DateTime.fromISO("2026-12-31T23:00:00Z", { zone: "utc" }), "Europe/Berlin"))).toBe("2027-01-01");
  });

  it("P2: instants without an offset, invalid days and unknown zones are errors", () => {
    expect(errorCodes(localDate("2026-03-29T10:00:00"))).toEqual(["CALENDAR_INVALID_INSTANT"]);
    expect(errorCodes(localDate("2026-02-29"))).toEqual(["CALENDAR_INVALID_DATE"]);
    expect(errorCodes(localDate("2026-03-29", "Europe/Nowhere"))).toEqual(["CALENDAR_UNKNOWN_ZONE"]);
    expect(errorCodes(localDate(DateTime.invalid("test")))).toEqual(["CALENDAR_INVALID_INSTANT"]);
  });

  it("P2: the schema accepts the same forms", () => {
    expect(dateInputSchema.safeParse("2026-03-29").success).toBe(true);
    expect(dateInputSchema.safeParse("2026-03-29T10:00:00+02:00").success).toBe(true);
    expect(dateInputSchema.safeParse("2026-03-29T10:00:00").success).toBe(false);
  });
});
