import { describe, expect, it } from "vitest";
import { CUSTOMER, DISPATCHER, NRW_TERMS_INPUT, TECHNICIAN, newTicket, run, slaTerms, unwrap } from "../test-support/fixtures.js";
import { monthlyStatistics } from "./monthly-statistics.js";

const terms = slaTerms();

// June 2026 for Müller: three tickets; one from May and one from another customer are excluded.
const answeredFast = run(newTicket("2026-06-08T09:00:00+02:00", { id: "t-a" }), [
  ["2026-06-08T09:30:00+02:00", { type: "add-comment", by: TECHNICIAN, commentId: "c1", visibility: "public", text: "Schauen wir uns an." }],
  ["2026-06-08T11:00:00+02:00", { type: "resolve", by: TECHNICIAN }],
  ["2026-06-08T12:00:00+02:00", { type: "give-feedback", by: CUSTOMER, rating: 5 }],
]);
const answeredLate = run(newTicket("2026-06-09T08:00:00+02:00", { id: "t-b", kind: "request" }), [
  ["2026-06-09T13:00:00+02:00", { type: "add-comment", by: TECHNICIAN, commentId: "c1", visibility: "public", text: "Angebot folgt." }],
  ["2026-06-10T09:00:00+02:00", { type: "resolve", by: TECHNICIAN }],
  ["2026-06-10T10:00:00+02:00", { type: "give-feedback", by: CUSTOMER, rating: 2 }],
]);
const stillOpen = run(newTicket("2026-06-30T16:00:00+02:00", { id: "t-c" }), [
  ["2026-06-30T16:05:00+02:00", { type: "assign", by: DISPATCHER, assignee: { id: TECHNICIAN.id, role: "technician" } }],
]);
const may = newTicket("2026-05-31T23:59:00+02:00", { id: "t-may" });
const bakery = newTicket("2026-06-10T09:00:00+02:00", { id: "t-bakery", organizationId: "org-baeckerei" });

describe("monthly statistics (K13)", () => {
  it("K13: tickets by kind and status, response and resolution times, SLA compliance and feedback", () => {
    const stats = unwrap(monthlyStatistics([answeredFast, answeredLate, stillOpen, may, bakery], "org-mueller", "2026-06", terms, "2026-07-01T08:00:00+02:00"));
    expect(stats).toEqual({
      organizationId: "org-mueller",
      month: "2026-06",
      createdByKind: { incident: 2, request: 1 },
      byStatus: { new: 0, assigned: 1, "in-progress": 0, "waiting-for-customer": 0, resolved: 2, closed: 0 },
      // 30 and 300 business minutes (t-b: 08:00 → 13:00).
      firstResponse: { count: 2, averageMinutes: 165, medianMinutes: 165 },
      // t-a: 120; t-b: Tue 08:00–17:00 (540) + Wed 08:00–09:00 (60) = 600.
      resolution: { count: 2, averageMinutes: 360, medianMinutes: 360 },
      slaFirstResponse: { met: 1, breached: 1, ratio: 0.5 },
      slaResolution: { met: 2, breached: 0, ratio: 1 },
      feedback: { count: 2, averageRating: 3.5 },
    });
  });

  it("K7, K13: per-ticket terms: a contract from 9 June with a 2-hour first response makes t-b's 300 minutes a breach only under it", () => {
    // Before the contract: 4 hours (240) to respond. From 9 June: 120 minutes first response.
    const strict = slaTerms({ ...NRW_TERMS_INPUT, targets: { normal: { firstResponseMinutes: 120, resolutionMinutes: 1080 } } });
    const lenient = slaTerms({ ...NRW_TERMS_INPUT, targets: { normal: { firstResponseMinutes: 400, resolutionMinutes: 1080 } } });
    const termsOf = (ticket: { readonly createdAt: string }) => (ticket.createdAt < "2026-06-09" ? lenient : strict);
    const mixed = unwrap(monthlyStatistics([answeredFast, answeredLate], "org-mueller", "2026-06", termsOf, "2026-07-01T08:00:00+02:00"));
    // t-a (30 min) meets either; t-b (300 min, opened 9 June) breaches the contract's 120.
    expect(mixed.slaFirstResponse).toEqual({ met: 1, breached: 1, ratio: 0.5 });
    expect(unwrap(monthlyStatistics([answeredFast, answeredLate], "org-mueller", "2026-06", lenient, "2026-07-01T08:00:00+02:00")).slaFirstResponse).toEqual({ met: 2, breached: 0, ratio: 1 });
    // Times and medians do not depend on the terms' targets.
    expect(mixed.firstResponse).toEqual({ count: 2, averageMinutes: 165, medianMinutes: 165 });
  });

  it("K13: statistics as of an earlier instant use the state at that instant", () => {
    const stats = unwrap(monthlyStatistics([answeredFast, answeredLate], "org-mueller", "2026-06", terms, "2026-06-09T14:00:00+02:00"));
    expect(stats.byStatus).toMatchObject({ new: 1, resolved: 1 });
    expect(stats.resolution).toEqual({ count: 1, averageMinutes: 120, medianMinutes: 120 });
    expect(stats.feedback).toEqual({ count: 1, averageRating: 5 });
  });

  it("K13: an empty month has zero counts and no averages; a bad month is an INVALID_INPUT value", () => {
    const stats = unwrap(monthlyStatistics([answeredFast], "org-mueller", "2026-02", terms, "2026-07-01T08:00:00+02:00"));
    expect(stats.firstResponse).toEqual({ count: 0 });
    expect(stats.slaResolution).toEqual({ met: 0, breached: 0 });
    expect(monthlyStatistics([], "org-mueller", "2026-13", terms, "2026-07-01T08:00:00+02:00")).toMatchObject({ ok: false, errors: [{ code: "INVALID_INPUT", path: ["month"] }] });
  });
});
