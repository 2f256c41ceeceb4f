import { expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessMinutes,
  businessDaysBetween,
  businessHours,
  daysInYearTerm,
  deadlineBgb193,
  getCalendar,
  monthContaining,
  monthlyAnniversary,
} from "./index.js";

// The README's example, with its printed values turned into assertions.
it("README example runs as documented", () => {
  const nrw = getCalendar("DE-NW");
  expect(nrw.isHoliday("2026-06-04")).toBe(true);
  expect(nrw.holidays(2026).map((h) => `${h.date} ${h.nameDe}`)).toContain("2026-06-04 Fronleichnam");

  expect(addBusinessDays("2026-12-18", 5, "DE")).toBe("2026-12-28");
  expect(businessDaysBetween("2026-12-18", "2026-12-28", "DE")).toBe(5);
  expect(addBusinessDays("2026-04-02", 1, ["DE-NW", "TARGET2"])).toBe("2026-04-07");
  expect(deadlineBgb193("2026-10-03", "DE")).toBe("2026-10-05");

  const day = [{ start: "08:00", end: "17:00" }];
  const hours = businessHours(
    { zone: "Europe/Berlin", weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } },
    "DE-NW",
  );
  expect(addBusinessMinutes("2026-03-27T16:00:00+01:00", 120, hours).toISO()).toBe(
    "2026-03-30T09:00:00.000+02:00",
  );

  const month = monthContaining("2026-10-31T23:30:00Z", "Europe/Berlin");
  expect([month.firstDay, month.lastDay, month.start.toISO()]).toEqual([
    "2026-11-01",
    "2026-11-30",
    "2026-11-01T00:00:00.000+01:00",
  ]);
  expect(monthlyAnniversary("2024-01-31", 1)).toBe("2024-02-29");
  expect(daysInYearTerm("2027-06-01")).toBe(366);
});
