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
