import { isBusinessDay } from "@kontor/calendar";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { errorCodes, unwrap } from "../test-support.js";
import { netDueDate } from "./net-due-date.js";

describe("net due dates with the §193 BGB move", () => {
  it("T1: net 30 from the policy; a due date on a weekday stays", () => {
    const due = unwrap(netDueDate({ invoiceDate: "2026-03-02" }));
    expect(due).toMatchObject({ netDays: 30, nominalDueDate: "2026-04-01", dueDate: "2026-04-01", holidays: [] });
    expect(due.policies[0]?.id).toBe("kontor.payment-terms");
  });

  it("T1: a due date on Christmas Day moves past the Christmas weekend to Monday 2026-12-28", () => {
    const due = unwrap(netDueDate({ invoiceDate: "2026-11-25" }));
    expect(due).toMatchObject({ nominalDueDate: "2026-12-25", dueDate: "2026-12-28" });
    expect(due.holidays.map((h) => h.date)).toEqual(["2026-12-25", "2026-12-26"]);
    expect(due.reason).toContain("§193 BGB");
  });

  it("T1: German Unity Day on a Saturday moves the due date to Monday 2026-10-05", () => {
    expect(unwrap(netDueDate({ invoiceDate: "2026-09-03" })).dueDate).toBe("2026-10-05");
  });

  it("T1: the place of performance decides: Epiphany (2027-01-06) moves a due date in Bavaria, not in Hamburg", () => {
    expect(unwrap(netDueDate({ invoiceDate: "2026-12-07", calendar: "DE-BY" })).dueDate).toBe("2027-01-07");
    expect(unwrap(netDueDate({ invoiceDate: "2026-12-07", calendar: "DE-HH" })).dueDate).toBe("2027-01-06");
  });

  it("T1: month ends and Feb 29: net 30 from 2028-01-30 is Tuesday 2028-02-29", () => {
    expect(unwrap(netDueDate({ invoiceDate: "2028-01-30" })).dueDate).toBe("2028-02-29");
    expect(unwrap(netDueDate({ invoiceDate: "2027-01-30" })).dueDate).toBe("2027-03-01");
  });

  it("T1: explicit net days override the policy, net 0 included", () => {
    expect(unwrap(netDueDate({ invoiceDate: "2026-03-02", netDays: 14 })).dueDate).toBe("2026-03-16");
    expect(unwrap(netDueDate({ invoiceDate: "2026-03-07", netDays: 0 })).dueDate).toBe("2026-03-09");
  });

  it("T1: bad input is an error value", () => {
    expect(errorCodes(netDueDate({ invoiceDate: "2026-02-30" }))).toEqual(["CALENDAR_INVALID_DATE"]);
    expect(errorCodes(netDueDate({ invoiceDate: "2026-03-02", netDays: -1 }))).toEqual(["NET_DAYS_INVALID"]);
  });

  it("T1: the due date is the first business day on or after the nominal day (property)", () => {
    const start = DateTime.fromISO("2024-01-01", { zone: "utc" });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 366 }), fc.integer({ min: 0, max: 90 }), (offset, netDays) => {
        const due = unwrap(netDueDate({ invoiceDate: start.plus({ days: offset }).toISODate()!, netDays }));
        expect(due.dueDate >= due.nominalDueDate).toBe(true);
        expect(isBusinessDay(due.dueDate, "DE")).toBe(true);
        for (let d = DateTime.fromISO(due.nominalDueDate, { zone: "utc" }); d.toISODate()! < due.dueDate; d = d.plus({ days: 1 })) {
          expect(isBusinessDay(d.toISODate()!, "DE")).toBe(false);
        }
      }),
    );
  });
});
