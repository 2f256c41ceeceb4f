import { describe, expect, it } from "vitest";
import { CUSTOMER, DISPATCHER, TECHNICIAN, NRW_TERMS_INPUT, newTicket, run, slaTerms, unwrap } from "../test-support/fixtures.js";
import { computeSlaClocks } from "./compute-sla-clocks.js";
import { createSlaTerms } from "./sla-terms.js";

const terms = slaTerms();

describe("computeSlaClocks across a weekend", () => {
  // Friday 2026-03-06 15:00 CET: two business hours left on Friday, the rest on Monday.
  const ticket = newTicket("2026-03-06T15:00:00+01:00");

  it("K7: first response is due Monday 10:00 after a Friday 15:00 ticket (Fri 120 min + Mon 120 min)", () => {
    const report = unwrap(computeSlaClocks(ticket.history, terms, "2026-03-07T12:00:00+01:00"));
    expect(report.firstResponse).toMatchObject({
      state: "running",
      targetMinutes: 240,
      elapsedMinutes: 120,
      remainingMinutes: 120,
      breached: false,
      dueAt: "2026-03-09T09:00:00.000Z",
    });
    expect(report.events).toEqual([]);
  });

  it("K7: the 80 % warning fires Monday 09:12 (192 business minutes), the breach Monday 10:00", () => {
    const report = unwrap(computeSlaClocks(ticket.history, terms, "2026-03-09T10:30:00+01:00"));
    expect(report.firstResponse.elapsedMinutes).toBe(270);
    expect(report.firstResponse.breached).toBe(true);
    expect(report.events).toEqual([
      { type: "sla-warning", ticketId: "t-1", clock: "first-response", at: "2026-03-09T08:12:00.000Z", targetMinutes: 240, dedupeKey: "t-1:first-response:sla-warning" },
      { type: "sla-breached", ticketId: "t-1", clock: "first-response", at: "2026-03-09T09:00:00.000Z", targetMinutes: 240, dedupeKey: "t-1:first-response:sla-breached" },
    ]);
  });

  it("K7: a response at exactly the due minute meets the target; one minute later breaches it", () => {
    const onTime = run(ticket, [["2026-03-09T10:00:00+01:00", { type: "add-comment", by: TECHNICIAN, commentId: "c1", visibility: "public", text: "Wir kümmern uns." }]]);
    const late = run(ticket, [["2026-03-09T10:01:00+01:00", { type: "add-comment", by: TECHNICIAN, commentId: "c1", visibility: "public", text: "Wir kümmern uns." }]]);
    const asOf = "2026-03-09T12:00:00+01:00";
    expect(unwrap(computeSlaClocks(onTime.history, terms, asOf)).firstResponse).toMatchObject({ state: "stopped", elapsedMinutes: 240, breached: false, stoppedAt: "2026-03-09T09:00:00.000Z" });
    expect(unwrap(computeSlaClocks(late.history, terms, asOf)).firstResponse).toMatchObject({ state: "stopped", elapsedMinutes: 241, breached: true, breachedAt: "2026-03-09T09:00:00.000Z" });
  });

  it("K7: a response after hours, when the target ran out at 17:00, loses no business minute and is on time", () => {
    const evening = newTicket("2026-03-09T13:00:00+01:00");
    const answered = run(evening, [["2026-03-09T17:30:00+01:00", { type: "add-comment", by: TECHNICIAN, commentId: "c1", visibility: "public", text: "Rückruf morgen früh." }]]);
    const report = unwrap(computeSlaClocks(answered.history, terms, "2026-03-10T12:00:00+01:00"));
    expect(report.firstResponse).toMatchObject({ elapsedMinutes: 240, breached: false });
    expect(report.events.map((event) => event.type)).toEqual(["sla-warning"]);
  });
});

describe("computeSlaClocks across a German state holiday", () => {
  // Wednesday 2026-06-03 16:00 CEST; Thursday 2026-06-04 is Corpus Christi (Fronleichnam),
  // a holiday in North Rhine-Westphalia but not in Berlin.
  const ticket = newTicket("2026-06-03T16:00:00+02:00");

  it("K7: in DE-NW the clock skips Corpus Christi: due Friday 11:00", () => {
    const report = unwrap(computeSlaClocks(ticket.history, terms, "2026-06-04T12:00:00+02:00"));
    expect(report.firstResponse.elapsedMinutes).toBe(60);
    expect(report.firstResponse.dueAt).toBe("2026-06-05T09:00:00.000Z");
  });

  it("K7: the same ticket under a DE-BE calendar is due on the Thursday", () => {
    const berlin = unwrap(createSlaTerms({ ...NRW_TERMS_INPUT, calendar: "DE-BE" }));
    const report = unwrap(computeSlaClocks(ticket.history, berlin, "2026-06-04T09:00:00+02:00"));
    expect(report.firstResponse.dueAt).toBe("2026-06-04T09:00:00.000Z");
  });

  it("K7: resolution (1080 min = two business days) runs Wed 60 + Fri 540 + Mon 480 → Monday 16:00", () => {
    const report = unwrap(computeSlaClocks(ticket.history, terms, "2026-06-05T08:00:00+02:00"));
    expect(report.resolution.dueAt).toBe("2026-06-08T14:00:00.000Z");
  });
});

describe("computeSlaClocks across the DST changes", () => {
  it("K7: spring forward (2026-03-29): Friday 16:00 CET + 240 min is Monday 11:00 CEST (09:00Z, not 10:00Z)", () => {
    const ticket = newTicket("2026-03-27T16:00:00+01:00");
    const report = unwrap(computeSlaClocks(ticket.history, terms, "2026-03-28T12:00:00+01:00"));
    expect(report.firstResponse.dueAt).toBe("2026-03-30T09:00:00.000Z");
  });

  it("K7: fall back (2026-10-25): Friday 16:00 CEST + 240 min is Monday 11:00 CET (10:00Z)", () => {
    const ticket = newTicket("2026-10-23T16:00:00+02:00");
    const report = unwrap(computeSlaClocks(ticket.history, terms, "2026-10-24T12:00:00+02:00"));
    expect(report.firstResponse.dueAt).toBe("2026-10-26T10:00:00.000Z");
  });

  const allWeekInput = {
    calendar: "DE-NW",
    businessHours: {
      zone: "Europe/Berlin",
      weekly: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [{ start: "00:00", end: "24:00" }]])),
    },
    targets: { normal: { firstResponseMinutes: 240, resolutionMinutes: 600 } },
  } as const;
  const allWeek = unwrap(createSlaTerms(allWeekInput));

  it("K7: a 24/7 clock counts the short spring night as 4 real hours (23:00 CET → 04:00 CEST)", () => {
    const ticket = newTicket("2026-03-28T23:00:00+01:00");
    const report = unwrap(computeSlaClocks(ticket.history, allWeek, "2026-03-29T05:00:00+02:00"));
    expect(report.firstResponse.breachedAt).toBe("2026-03-29T02:00:00.000Z");
    expect(report.firstResponse.elapsedMinutes).toBe(300);
  });

  it("K7: 24/7 without a holiday calendar runs through Easter Monday; with DE-NW the holiday is closed", () => {
    const roundTheClock = unwrap(createSlaTerms({ ...allWeekInput, calendar: null, targets: { normal: { firstResponseMinutes: 60, resolutionMinutes: 600 } } }));
    const ticket = newTicket("2026-04-06T10:00:00+02:00");
    const report = unwrap(computeSlaClocks(ticket.history, roundTheClock, "2026-04-06T12:00:00+02:00"));
    expect(report.firstResponse).toMatchObject({ elapsedMinutes: 120, breachedAt: "2026-04-06T09:00:00.000Z" });
    const withHolidays = unwrap(createSlaTerms({ ...allWeekInput, targets: { normal: { firstResponseMinutes: 60, resolutionMinutes: 600 } } }));
    expect(unwrap(computeSlaClocks(ticket.history, withHolidays, "2026-04-06T12:00:00+02:00")).firstResponse.elapsedMinutes).toBe(0);
  });

  it("K7: a 24/7 clock counts the long autumn night as 4 real hours (23:00 CEST → 02:00 CET)", () => {
    const ticket = newTicket("2026-10-24T23:00:00+02:00");
    // 02:00 CEST (the first 02:00 of the night) is three real hours after 23:00 CEST.
    const report = unwrap(computeSlaClocks(ticket.history, allWeek, "2026-10-25T02:00:00+02:00"));
    expect(report.firstResponse).toMatchObject({ elapsedMinutes: 180, dueAt: "2026-10-25T01:00:00.000Z" });
  });
});

describe("computeSlaClocks pausing and resuming", () => {
  // Monday 2026-06-08 09:00 CEST.
  const base = run(newTicket("2026-06-08T09:00:00+02:00"), [
    ["2026-06-08T09:10:00+02:00", { type: "assign", by: DISPATCHER, assignee: { id: TECHNICIAN.id, role: "technician" } }],
    ["2026-06-08T09:30:00+02:00", { type: "record-customer-contact", by: TECHNICIAN, via: "phone" }],
    ["2026-06-08T09:45:00+02:00", { type: "start-work", by: TECHNICIAN }],
    ["2026-06-08T10:00:00+02:00", { type: "wait-for-customer", by: TECHNICIAN }],
  ]);

  it("K7: the phone call (K6) stops the first-response clock after 30 minutes", () => {
    const report = unwrap(computeSlaClocks(base.history, terms, "2026-06-08T12:00:00+02:00"));
    expect(report.firstResponse).toMatchObject({ state: "stopped", elapsedMinutes: 30, breached: false });
  });

  it("K7: waiting for the customer pauses the resolution clock (no due date while paused)", () => {
    const report = unwrap(computeSlaClocks(base.history, terms, "2026-06-09T16:00:00+02:00"));
    expect(report.resolution).toMatchObject({ state: "paused", elapsedMinutes: 60, remainingMinutes: 1020, breached: false });
    expect(report.resolution.dueAt).toBeUndefined();
  });

  it("K7: the customer's reply resumes it; only the running stretches count", () => {
    const resumed = run(base, [
      ["2026-06-10T10:00:00+02:00", { type: "add-comment", by: CUSTOMER, commentId: "c2", visibility: "public", text: "Jetzt geht es wieder nicht." }],
    ]);
    expect(resumed.status).toBe("in-progress");
    const report = unwrap(computeSlaClocks(resumed.history, terms, "2026-06-10T11:00:00+02:00"));
    expect(report.resolution).toMatchObject({ state: "running", elapsedMinutes: 120 });
    // 960 minutes left at Wed 11:00: Wed 360 (until 17:00) + Thu 540 + Fri 60 → Fri 09:00.
    expect(report.resolution.dueAt).toBe("2026-06-12T07:00:00.000Z");
  });

  it("K7: resolving stops the clock; reopening resumes it from the elapsed time", () => {
    const resolved = run(base, [
      ["2026-06-08T11:00:00+02:00", { type: "resume-work", by: TECHNICIAN }],
      ["2026-06-08T12:00:00+02:00", { type: "resolve", by: TECHNICIAN }],
    ]);
    const stopped = unwrap(computeSlaClocks(resolved.history, terms, "2026-06-09T12:00:00+02:00"));
    expect(stopped.resolution).toMatchObject({ state: "stopped", elapsedMinutes: 120, stoppedAt: "2026-06-08T10:00:00.000Z" });
    const reopened = run(resolved, [["2026-06-09T09:00:00+02:00", { type: "reopen", by: CUSTOMER }]]);
    const running = unwrap(computeSlaClocks(reopened.history, terms, "2026-06-09T12:00:00+02:00"));
    expect(running.resolution).toMatchObject({ state: "running", elapsedMinutes: 300 });
  });
});

describe("computeSlaClocks priorities and input", () => {
  it("K7: a raised priority holds the time already elapsed against the tighter target", () => {
    const ticket = run(newTicket("2026-06-08T09:00:00+02:00"), [["2026-06-08T09:20:00+02:00", { type: "set-priority", by: DISPATCHER, priority: "high" }]]);
    const report = unwrap(computeSlaClocks(ticket.history, terms, "2026-06-08T10:30:00+02:00"));
    expect(report.priority).toBe("high");
    expect(report.firstResponse).toMatchObject({ targetMinutes: 60, breached: true, breachedAt: "2026-06-08T08:00:00.000Z" });
  });

  it("K7: raising the priority after its tighter target already ran out breaches at that moment, without rewriting the past", () => {
    const ticket = run(newTicket("2026-06-08T09:00:00+02:00"), [["2026-06-08T11:00:00+02:00", { type: "set-priority", by: DISPATCHER, priority: "high" }]]);
    const before = unwrap(computeSlaClocks(ticket.history, terms, "2026-06-08T10:59:00+02:00"));
    expect(before.firstResponse).toMatchObject({ targetMinutes: 240, breached: false });
    const after = unwrap(computeSlaClocks(ticket.history, terms, "2026-06-08T11:05:00+02:00"));
    expect(after.events.map((event) => [event.type, event.at, event.targetMinutes])).toEqual([
      ["sla-warning", "2026-06-08T09:00:00.000Z", 60],
      ["sla-breached", "2026-06-08T09:00:00.000Z", 60],
    ]);
  });

  it("K7: priorities without their own target fall back to normal", () => {
    const ticket = newTicket("2026-06-08T09:00:00+02:00", { priority: "low" });
    expect(unwrap(computeSlaClocks(ticket.history, terms, "2026-06-08T09:00:00+02:00")).firstResponse.targetMinutes).toBe(240);
  });

  it("K7: entries after asOf are ignored, and a history without creation is an INVALID_INPUT value", () => {
    const ticket = newTicket("2026-06-08T09:00:00+02:00");
    const result = computeSlaClocks(ticket.history, terms, "2026-06-08T08:00:00+02:00");
    expect(result).toMatchObject({ ok: false, errors: [{ code: "INVALID_INPUT", path: ["history"] }] });
  });

  it("K7: invalid business hours are a K7_INVALID_BUSINESS_HOURS or INVALID_INPUT value, not a throw", () => {
    const overlapping = createSlaTerms({
      ...NRW_TERMS_INPUT,
      businessHours: { zone: "Europe/Berlin", weekly: { mon: [{ start: "08:00", end: "12:00" }, { start: "11:00", end: "17:00" }] } },
    });
    expect(overlapping.ok).toBe(false);
    const unknownZone = createSlaTerms({ ...NRW_TERMS_INPUT, businessHours: { zone: "Mars/Olympus", weekly: NRW_TERMS_INPUT.businessHours.weekly } });
    expect(unknownZone.ok).toBe(false);
  });
});
