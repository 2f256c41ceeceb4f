import { fromEpochDay, toEpochDay } from "@kontor/calendar";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysOverdue, duePaymentReminder } from "./payment-reminder-schedule.js";

describe("duePaymentReminder (Zahlungserinnerung from 7, Mahnung from 30 days overdue)", () => {
  it("due 2026-10-15: 6 days nothing, 7 → 1, 29 → 1, 30 → 2, later 2; on and before the due date nothing", () => {
    expect(duePaymentReminder("2026-10-15", "2026-10-14")).toBeUndefined();
    expect(duePaymentReminder("2026-10-15", "2026-10-15")).toBeUndefined();
    expect(duePaymentReminder("2026-10-15", "2026-10-21")).toBeUndefined();
    expect(duePaymentReminder("2026-10-15", "2026-10-22")).toBe(1);
    expect(duePaymentReminder("2026-10-15", "2026-11-13")).toBe(1);
    expect(duePaymentReminder("2026-10-15", "2026-11-14")).toBe(2);
    expect(duePaymentReminder("2026-10-15", "2027-10-15")).toBe(2);
  });

  it("across month ends and a leap day: due 2028-01-31 → 7 days on 2028-02-07, 30 days on 2028-03-01 (29 on 2028-02-29)", () => {
    expect(daysOverdue("2028-01-31", "2028-02-06")).toBe(6);
    expect(duePaymentReminder("2028-01-31", "2028-02-06")).toBeUndefined();
    expect(duePaymentReminder("2028-01-31", "2028-02-07")).toBe(1);
    expect(daysOverdue("2028-01-31", "2028-02-29")).toBe(29);
    expect(duePaymentReminder("2028-01-31", "2028-02-29")).toBe(1);
    expect(duePaymentReminder("2028-01-31", "2028-03-01")).toBe(2);
  });

  it("across a year end and a short February: due 2026-12-28 → 7 days on 2027-01-04; due 2027-01-30 → 30 days on 2027-03-01", () => {
    expect(duePaymentReminder("2026-12-28", "2027-01-03")).toBeUndefined();
    expect(duePaymentReminder("2026-12-28", "2027-01-04")).toBe(1);
    expect(duePaymentReminder("2027-01-30", "2027-02-28")).toBe(1);
    expect(duePaymentReminder("2027-01-30", "2027-03-01")).toBe(2);
  });

  it("over any due date, nothing up to 6 days overdue, stage 1 on 7…29 and stage 2 from 30", () => {
    const day = fc.integer({ min: toEpochDay("2020-01-01"), max: toEpochDay("2050-12-31") }).map(fromEpochDay);
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 400 }), (dueDate, offset) => {
        const today = fromEpochDay(toEpochDay(dueDate) + offset);
        expect(daysOverdue(dueDate, today)).toBe(Math.max(0, offset));
        expect(duePaymentReminder(dueDate, today)).toBe(offset >= 30 ? 2 : offset >= 7 ? 1 : undefined);
      }),
    );
  });
});
