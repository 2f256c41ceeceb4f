import { describe, expect, it } from "vitest";
import { HistoryBuilder } from "../testing/history-builder.js";
import { unwrap } from "../testing/unwrap.js";
import { evaluateSeats } from "./evaluate-seats.js";

/** 2 paid licenses, a PO for 1 more, and 3 users: `late` sits on the unpaid license. */
function history(placedAt: string): HistoryBuilder {
  return new HistoryBuilder()
    .bought("p", 2, "2026-01-01T00:00:00Z")
    .assigned("p", "a", "2026-01-02T00:00:00Z")
    .assigned("p", "b", "2026-01-02T00:01:00Z")
    .placed("PO", { p: 1 }, placedAt)
    .assigned("p", "late", placedAt);
}

const plusMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/** Checks the state on both sides of the day-30 and day-60 boundaries. */
function expectBoundaries(placedAt: string, day30End: string, day60End: string, zone?: string): void {
  const events = history(placedAt).build();
  const at = (asOf: string) => unwrap(evaluateSeats(events, zone === undefined ? { asOf } : { asOf, zone }));

  const beforeReminder = at(plusMs(day30End, -1));
  expect(beforeReminder.purchaseOrders[0]).toMatchObject({ state: "scenario-1", reminderAt: day30End, windowEndsAt: day60End });
  expect(beforeReminder.mails.map((mail) => mail.id)).not.toContain("s5-reminder:PO");

  const atReminder = at(day30End);
  expect(atReminder.purchaseOrders[0]?.state).toBe("scenario-2");
  expect(atReminder.mails.map((mail) => mail.id)).toContain("s5-reminder:PO");

  const beforeEnd = at(plusMs(day60End, -1));
  expect(beforeEnd.purchaseOrders[0]?.state).toBe("scenario-2");
  expect(beforeEnd.products[0]).toMatchObject({ used: 3, noAccess: 0 });

  const atEnd = at(day60End);
  expect(atEnd.purchaseOrders[0]?.state).toBe("suspended");
  expect(atEnd.products[0]).toMatchObject({ used: 2, noAccess: 1, noAccessUsers: [{ userId: "late", lostAccessAt: day60End }] });
  expect(atEnd.flags.purchaseOrdersBlocked).toBe(true);
}

describe("S5/S8 boundaries: day N ends at 24:00 local time of PO date + N days", () => {
  it("Berlin, no DST change: PO 2026-06-10 → day 30 ends 2026-07-10 22:00Z, day 60 ends 2026-08-09 22:00Z", () => {
    expectBoundaries("2026-06-10T15:00:00+02:00", "2026-07-10T22:00:00.000Z", "2026-08-09T22:00:00.000Z");
  });

  it("Berlin, window crosses the spring DST change (PO 2026-02-20): day 30 ends 23:00Z, day 60 ends 22:00Z", () => {
    expectBoundaries("2026-02-20T08:30:00+01:00", "2026-03-22T23:00:00.000Z", "2026-04-21T22:00:00.000Z");
  });

  it("Berlin, window crosses the autumn DST change (PO 2026-09-01): day 30 ends 22:00Z, day 60 ends 23:00Z", () => {
    expectBoundaries("2026-09-01T08:30:00+02:00", "2026-10-01T22:00:00.000Z", "2026-10-31T23:00:00.000Z");
  });

  it("PO placed one second before local midnight counts that day as day 0", () => {
    expectBoundaries("2026-06-10T23:59:59+02:00", "2026-07-10T22:00:00.000Z", "2026-08-09T22:00:00.000Z");
  });

  it("non-default zone America/New_York (DST starts 2026-03-08): PO 2026-02-20 → days end at 05:00Z / 04:00Z", () => {
    expectBoundaries("2026-02-20T10:00:00-05:00", "2026-03-23T04:00:00.000Z", "2026-04-22T04:00:00.000Z", "America/New_York");
  });

  it("the same PO instant has other boundaries in another zone (Asia/Tokyo, no DST)", () => {
    // 2026-02-20T23:30Z is already 2026-02-21 in Tokyo: day 30 is 2026-03-23, day 60 is 2026-04-22.
    expectBoundaries("2026-02-20T23:30:00Z", "2026-03-23T15:00:00.000Z", "2026-04-22T15:00:00.000Z", "Asia/Tokyo");
  });

  it("P2: the result does not depend on the machine's zone (tests run in Pacific/Kiritimati)", () => {
    expect(process.env.TZ).toBe("Pacific/Kiritimati");
    const evaluation = unwrap(evaluateSeats(history("2026-03-02T10:00:00+01:00").build(), { asOf: "2026-03-03T00:00:00Z" }));
    expect(evaluation.zone).toBe("Europe/Berlin");
    expect(evaluation.purchaseOrders[0]?.windowEndsAt).toBe("2026-05-01T22:00:00.000Z");
  });
});
