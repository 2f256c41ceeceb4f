import { testDatabaseKind } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { onTicket, openTicketAs } from "./ticket-test-helpers.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-10-20T09:00:00Z") });
  // October: does not count for November.
  await openTicketAs(api, api.tokens.muellerManager, { subject: "Oktober" });
  // Monday 16 November 2026, 10:00 in Cologne.
  api.clock.set(new Date("2026-11-16T09:00:00Z"));
  const printer = (await openTicketAs(api, api.tokens.muellerManager)).ticket;
  await openTicketAs(api, api.tokens.muellerReporter, { kind: "request", subject: "Neue Maus" });
  await openTicketAs(api, api.tokens.baeckereiManager, { subject: "Kasse startet nicht" });
  // 11:30: first public answer after 90 business minutes; 15:00: resolved after 300.
  api.clock.set(new Date("2026-11-16T10:30:00Z"));
  await onTicket(api, api.tokens.technician, printer.id, "comments", { text: "Wir schauen uns das an." });
  api.clock.set(new Date("2026-11-16T14:00:00Z"));
  await onTicket(api, api.tokens.dispatcher, printer.id, "status", { type: "resolve" });
  await onTicket(api, api.tokens.muellerManager, printer.id, "feedback", { rating: 5 });
  // 17:00: the mouse request has waited 420 business minutes for a first response.
  api.clock.set(new Date("2026-11-16T16:00:00Z"));
}, 60_000);
afterAll(() => api.close());

describe(`ticket statistics on ${testDatabaseKind()} (K13)`, () => {
  it("K13, K7: counts, business-minute times, SLA compliance and feedback of Müller in November 2026", async () => {
    const response = await api.request({ method: "GET", url: "/v1/statistics/tickets?organizationId=org-mueller&month=2026-11", token: api.tokens.accountManager });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      organizationId: "org-mueller",
      month: "2026-11",
      createdByKind: { incident: 1, request: 1 },
      byStatus: { new: 1, assigned: 0, "in-progress": 0, "waiting-for-customer": 0, resolved: 1, closed: 0 },
      firstResponse: { count: 1, averageMinutes: 90, medianMinutes: 90 },
      resolution: { count: 1, averageMinutes: 300, medianMinutes: 300 },
      // 90 ≤ 240 met; the request's 420 > 240 breached.
      slaFirstResponse: { met: 1, breached: 1, ratio: 0.5 },
      // 300 ≤ 1080 met; the request's resolution clock still runs within target.
      slaResolution: { met: 1, breached: 0, ratio: 1 },
      feedback: { count: 1, averageRating: 5 },
    });
  });

  it("K10: the portal manager reads her own organization's statistics without naming it", async () => {
    const response = await api.request({ method: "GET", url: "/v1/statistics/tickets?month=2026-10", token: api.tokens.muellerManager });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ organizationId: "org-mueller", createdByKind: { incident: 1, request: 0 } });
  });

  it("K10: reporters, foreign managers and staff without statistics:read get 404 (reads never answer 403); staff must name the organization", async () => {
    const url = "/v1/statistics/tickets?organizationId=org-mueller&month=2026-11";
    expectProblem(await api.request({ method: "GET", url, token: api.tokens.muellerReporter }), 404);
    expectProblem(await api.request({ method: "GET", url, token: api.tokens.baeckereiManager }), 404);
    expectProblem(await api.request({ method: "GET", url, token: api.tokens.technician }), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/statistics/tickets?month=2026-11", token: api.tokens.dispatcher }), 400, "query.organizationId");
    expectProblem(await api.request({ method: "GET", url: "/v1/statistics/tickets?organizationId=org-nowhere&month=2026-11", token: api.tokens.dispatcher }), 404);
    expectProblem(await api.request({ method: "GET", url: "/v1/statistics/tickets?organizationId=org-mueller&month=11-2026", token: api.tokens.dispatcher }), 400, "query.month");
  });
});

describe(`ticket statistics against the customer's contract on ${testDatabaseKind()} (K7, K13)`, () => {
  // Bäckerei Schmidt (DE-BY) gets the demo contingent's reaction times (critical 60, normal 480
  // business minutes; Mo–Fr 08:00–17:00) from Wednesday 2 December 2026; before that the
  // defaults (240) apply. Each ticket counts against the terms in force on the day it was opened.
  const at = (instant: string) => {
    api.clock.set(new Date(instant));
  };
  const answer = (ticketId: string) => onTicket(api, api.tokens.technician, ticketId, "comments", { text: "Wir kümmern uns darum." });

  beforeAll(async () => {
    at("2026-11-30T08:00:00Z");
    const contract = await api.request({
      method: "POST",
      url: "/v1/contracts",
      token: api.tokens.accountManager,
      payload: {
        kind: "contingent",
        id: "K-baeckerei",
        customerId: "org-baeckerei",
        startDate: "2026-12-02",
        terms: {
          serviceHours: "Mo–Fr 08:00–17:00",
          responseTimes: [
            { priority: "critical", firstResponseBusinessMinutes: 60, resolutionBusinessMinutes: 480 },
            { priority: "high", firstResponseBusinessMinutes: 120 },
            { priority: "normal", firstResponseBusinessMinutes: 480 },
          ],
          backupResponsibility: "shared",
          rates: [{ workType: "remote-support", description: "Fernwartung", hourlyRate: "95.00" }],
          travel: { kind: "flat", feePerTrip: "45.00" },
          accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@kontor.demo" },
        },
        contingent: { monthlyMinutes: 600, monthlyPrice: "950.00", hourlyRate: "95.00" },
      },
    });
    expect(contract.statusCode, contract.body).toBe(201);
    // Tuesday 1 December, 09:00 CET (no contract yet): normal, answered after 300 minutes.
    at("2026-12-01T08:00:00Z");
    const before = (await openTicketAs(api, api.tokens.baeckereiManager, { subject: "Bondrucker" })).ticket;
    at("2026-12-01T13:00:00Z");
    await answer(before.id);
    // Wednesday 2 December, 09:00 CET (contract): one critical answered after 90, one after 30 minutes.
    at("2026-12-02T08:00:00Z");
    const late = (await openTicketAs(api, api.tokens.baeckereiManager, { subject: "Kasse 1 tot", priority: "critical" })).ticket;
    const quick = (await openTicketAs(api, api.tokens.baeckereiManager, { subject: "Kasse 2 tot", priority: "critical" })).ticket;
    at("2026-12-02T08:30:00Z");
    await answer(quick.id);
    at("2026-12-02T09:30:00Z");
    await answer(late.id);
    // 11:00: the quick one is resolved after 120 minutes.
    at("2026-12-02T10:00:00Z");
    expect((await onTicket(api, api.tokens.dispatcher, quick.id, "status", { type: "resolve" })).statusCode).toBe(200);
    // Monday 4 January 2027, 09:00 CET: a critical ticket answered after 90 minutes, alone in its month.
    at("2027-01-04T08:00:00Z");
    const january = (await openTicketAs(api, api.tokens.baeckereiManager, { subject: "Waage", priority: "critical" })).ticket;
    at("2027-01-04T09:30:00Z");
    await answer(january.id);
  }, 60_000);

  const statistics = async (month: string, asOf: string) => {
    at(asOf);
    const response = await api.request({ method: "GET", url: `/v1/statistics/tickets?organizationId=org-baeckerei&month=${month}`, token: api.tokens.accountManager });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Record<string, unknown>>();
  };

  it("K7, K13: a month under the contract alone: the critical ticket answered after 90 minutes breached the contract's 60 (the 4 h default would call it met)", async () => {
    expect(await statistics("2027-01", "2027-01-04T15:00:00Z")).toMatchObject({
      createdByKind: { incident: 1, request: 0 },
      firstResponse: { count: 1, averageMinutes: 90, medianMinutes: 90 },
      slaFirstResponse: { met: 0, breached: 1, ratio: 0 },
    });
  });

  it("K7, K13: the month the contract began: each ticket against the terms of its day (default 240 before, contract 60 after)", async () => {
    // Wednesday 16:30 CET: no resolution clock has run out (Tuesday's 1080, Wednesday's 480).
    expect(await statistics("2026-12", "2026-12-02T15:30:00Z")).toEqual({
      organizationId: "org-baeckerei",
      month: "2026-12",
      createdByKind: { incident: 3, request: 0 },
      byStatus: { new: 2, assigned: 0, "in-progress": 0, "waiting-for-customer": 0, resolved: 1, closed: 0 },
      // 300 > 240 (default) breached; 90 > 60 (contract) breached; 30 ≤ 60 met.
      firstResponse: { count: 3, averageMinutes: 140, medianMinutes: 90 },
      slaFirstResponse: { met: 1, breached: 2, ratio: 1 / 3 },
      resolution: { count: 1, averageMinutes: 120, medianMinutes: 120 },
      slaResolution: { met: 1, breached: 0, ratio: 1 },
      feedback: { count: 0 },
    });
  });
});
