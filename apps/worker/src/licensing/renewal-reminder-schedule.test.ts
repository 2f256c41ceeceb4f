import { addDays } from "@kontor/licensing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueRenewalReminder } from "./renewal-reminder-schedule.js";

describe("dueRenewalReminder (L15 renewal reminders)", () => {
  it("term ending 2028-02-29: 91 days before nothing, 90 → 90, 31 → 90, 30 → 30, 1 → 30, the end day and after nothing", () => {
    expect(dueRenewalReminder("2028-02-29", "2027-11-30")).toBeUndefined();
    expect(dueRenewalReminder("2028-02-29", "2027-12-01")).toBe(90);
    expect(dueRenewalReminder("2028-02-29", "2027-12-02")).toBe(90);
    expect(dueRenewalReminder("2028-02-29", "2028-01-29")).toBe(90);
    expect(dueRenewalReminder("2028-02-29", "2028-01-30")).toBe(30);
    expect(dueRenewalReminder("2028-02-29", "2028-02-28")).toBe(30);
    expect(dueRenewalReminder("2028-02-29", "2028-02-29")).toBeUndefined();
    expect(dueRenewalReminder("2028-02-29", "2028-03-01")).toBeUndefined();
  });

  it("over any term end, the 90-day reminder is due on days −90…−31 and the 30-day one on −30…−1", () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => addDays("2020-01-01", offset));
    fc.assert(
      fc.property(day, fc.integer({ min: -200, max: 10 }), (termEnd, offset) => {
        const due = dueRenewalReminder(termEnd, addDays(termEnd, offset));
        const expected = offset >= -90 && offset <= -31 ? 90 : offset >= -30 && offset <= -1 ? 30 : undefined;
        expect(due).toBe(expected);
      }),
    );
  });
});
