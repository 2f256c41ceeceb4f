import { testDatabaseKind } from "@kontor/db/testing";
import { updateOrganization } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../testing/expect-problem.js";
import { MUELLER } from "../../testing/fixtures.js";
import { createTestApi, type TestApi } from "../../testing/test-api.js";
import { onTicket, openTicketAs, ticketOutbox, type TicketBody } from "./ticket-test-helpers.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: new Date("2026-11-16T09:00:00Z") });
  // O1/K5: Müller wants status-change mails to the IT lead.
  const withRecipients: Organization = { ...MUELLER, statusChangeRecipients: ["it-leitung@mueller-gmbh.de"] };
  await updateOrganization(api.database.db, MUELLER.id, withRecipients, 1, api.clock.now());
}, 60_000);
afterAll(() => api.close());

const ticketOf = (response: LightMyRequestResponse) => response.json<TicketBody>().ticket;

describe(`ticket commands on ${testDatabaseKind()}`, () => {
  it("K1, K10: internal notes are kept for staff and never shown to portal users, not even as history", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerReporter);
    const note = await onTicket(api, api.tokens.technician, ticket.id, "comments", { text: "Druckerspooler hängt, Kunde nicht erwähnen", visibility: "internal" });
    expect(note.statusCode, note.body).toBe(201);
    const reply = await onTicket(api, api.tokens.technician, ticket.id, "comments", { text: "Wir kümmern uns darum." });
    expect(reply.statusCode).toBe(201);
    const staffView = ticketOf(await api.request({ method: "GET", url: `/v1/tickets/${ticket.id}`, token: api.tokens.dispatcher }));
    expect(staffView.comments.map((comment) => comment.visibility)).toEqual(["internal", "public"]);
    for (const token of [api.tokens.muellerReporter, api.tokens.muellerManager]) {
      const portalView = ticketOf(await api.request({ method: "GET", url: `/v1/tickets/${ticket.id}`, token }));
      expect(portalView.comments.map((comment) => comment.text)).toEqual(["Wir kümmern uns darum."]);
      expect(JSON.stringify(portalView)).not.toContain("internal");
    }
    // The reporter's own comment answers with his view: still without the note.
    const own = await onTicket(api, api.tokens.muellerReporter, ticket.id, "comments", { text: "Danke!" });
    expect(ticketOf(own).comments.map((comment) => comment.text)).toEqual(["Wir kümmern uns darum.", "Danke!"]);
  });

  it("K10: portal users may not write internal notes (403); back office may (internal-note grant)", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    expect(expectProblem(await onTicket(api, api.tokens.muellerManager, ticket.id, "comments", { text: "psst", visibility: "internal" }), 403).code).toBe("K10_ACCESS_DENIED");
    expectProblem(await onTicket(api, api.tokens.backOffice, ticket.id, "comments", { text: "öffentlich" }), 403);
    expect((await onTicket(api, api.tokens.backOffice, ticket.id, "comments", { text: "Abrechnung prüfen", visibility: "internal" })).statusCode).toBe(201);
  });

  it("K10: a reporter cannot touch a colleague's ticket, Bäckerei cannot touch Müller's: 404", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    expectProblem(await onTicket(api, api.tokens.muellerReporter, ticket.id, "comments", { text: "hallo" }), 404);
    expectProblem(await onTicket(api, api.tokens.baeckereiManager, ticket.id, "comments", { text: "hallo" }), 404);
    expectProblem(await onTicket(api, api.tokens.baeckereiManager, ticket.id, "status", { type: "close" }), 404);
    expect(ticketOf(await api.request({ method: "GET", url: `/v1/tickets/${ticket.id}`, token: api.tokens.admin })).comments).toEqual([]);
  });

  it("K6: dispatch assigns technicians only; the technician may not dispatch", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    expect(expectProblem(await onTicket(api, api.tokens.dispatcher, ticket.id, "assignment", { assigneeId: "staff-account-manager" }), 422).code).toBe("K6_ASSIGNEE_NOT_TECHNICIAN");
    expectProblem(await onTicket(api, api.tokens.dispatcher, ticket.id, "assignment", { assigneeId: "staff-nobody" }), 400, "body.assigneeId");
    expectProblem(await onTicket(api, api.tokens.technician, ticket.id, "assignment", { assigneeId: api.users.technician }), 403);
    expectProblem(await onTicket(api, api.tokens.muellerManager, ticket.id, "assignment", { assigneeId: api.users.technician }), 403);
    const assigned = await onTicket(api, api.tokens.dispatcher, ticket.id, "assignment", { assigneeId: api.users.technician });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(ticketOf(assigned)).toMatchObject({ status: "assigned", assigneeId: "staff-technician" });
  });

  it("K6: work starts only after the technician contacted the customer; the status mail goes out with each change (K5)", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    await onTicket(api, api.tokens.dispatcher, ticket.id, "assignment", { assigneeId: api.users.technician });
    const before = (await ticketOutbox(api, ticket.id)).length;
    const early = await onTicket(api, api.tokens.technician, ticket.id, "status", { type: "start-work" });
    expect(expectProblem(early, 422).code).toBe("K6_CUSTOMER_NOT_CONTACTED");
    // A refused command writes nothing: no state change, no events.
    expect(await ticketOutbox(api, ticket.id)).toHaveLength(before);
    expect((await onTicket(api, api.tokens.technician, ticket.id, "status", { type: "record-customer-contact", via: "phone" })).statusCode).toBe(200);
    const started = await onTicket(api, api.tokens.technician, ticket.id, "status", { type: "start-work" });
    expect(ticketOf(started).status).toBe("in-progress");
    expect(started.json<TicketBody>().version).toBe(4);
    const rows = (await ticketOutbox(api, ticket.id)).slice(before);
    expect(rows.map((row) => row.topic)).toEqual(["ticket.customer-contacted", "ticket.status-changed", "mail.ticket-notification"]);
    expect(rows[2]?.payload).toMatchObject({ to: ["it-leitung@mueller-gmbh.de"], subject: `[#${ticket.number}] Status: In Bearbeitung – ${ticket.subject}` });
  });

  it("K1: portal users may not work tickets (403); an invalid transition is 422 K1_INVALID_TRANSITION", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    expectProblem(await onTicket(api, api.tokens.muellerManager, ticket.id, "status", { type: "resolve" }), 403);
    const resume = await onTicket(api, api.tokens.technician, ticket.id, "status", { type: "resume-work" });
    expect(expectProblem(resume, 422, "body.status").code).toBe("K1_INVALID_TRANSITION");
  });

  it("K1: feedback once on a resolved ticket by the customer; not before resolution", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerReporter);
    expect(expectProblem(await onTicket(api, api.tokens.muellerReporter, ticket.id, "feedback", { rating: 5 }), 422).code).toBe("K1_FEEDBACK_NOT_ALLOWED");
    expect((await onTicket(api, api.tokens.dispatcher, ticket.id, "status", { type: "resolve" })).statusCode).toBe(200);
    expectProblem(await onTicket(api, api.tokens.technician, ticket.id, "feedback", { rating: 5 }), 403);
    const given = await onTicket(api, api.tokens.muellerReporter, ticket.id, "feedback", { rating: 4, text: "Schnell erledigt" });
    expect(given.statusCode, given.body).toBe(201);
    expect(ticketOf(given).feedback).toMatchObject({ rating: 4, text: "Schnell erledigt", by: { kind: "customer", id: "pu-ben" } });
    expect(expectProblem(await onTicket(api, api.tokens.muellerReporter, ticket.id, "feedback", { rating: 1 }), 422).code).toBe("K1_FEEDBACK_ALREADY_GIVEN");
  });

  it("K1: customers reopen within 14 days of resolution, not after; closed tickets take no public comment", async () => {
    api.clock.set(new Date("2026-11-16T09:00:00Z"));
    const late = (await openTicketAs(api, api.tokens.muellerManager)).ticket;
    const soon = (await openTicketAs(api, api.tokens.muellerManager)).ticket;
    for (const ticket of [late, soon]) await onTicket(api, api.tokens.dispatcher, ticket.id, "status", { type: "resolve" });
    api.clock.set(new Date("2026-11-30T09:00:00Z"));
    const within = await onTicket(api, api.tokens.muellerManager, soon.id, "status", { type: "reopen" });
    expect(ticketOf(within).status).toBe("new");
    api.clock.set(new Date("2026-12-01T09:00:00Z"));
    expect(expectProblem(await onTicket(api, api.tokens.muellerManager, late.id, "status", { type: "reopen" }), 422).code).toBe("K1_REOPEN_WINDOW_EXPIRED");
    expect(expectProblem(await onTicket(api, api.tokens.muellerManager, late.id, "comments", { text: "Geht wieder nicht" }), 422).code).toBe("K1_REOPEN_WINDOW_EXPIRED");
    expect(ticketOf(await onTicket(api, api.tokens.muellerManager, late.id, "status", { type: "close" })).status).toBe("closed");
    expect(expectProblem(await onTicket(api, api.tokens.technician, late.id, "comments", { text: "Nachtrag" }), 422).code).toBe("K1_TICKET_CLOSED");
    // Staff may still add internal notes to a closed ticket.
    expect((await onTicket(api, api.tokens.technician, late.id, "comments", { text: "Nachtrag", visibility: "internal" })).statusCode).toBe(201);
  });

  it("rejects an unknown workflow command naming the field", async () => {
    const { ticket } = await openTicketAs(api, api.tokens.muellerManager);
    expectProblem(await onTicket(api, api.tokens.dispatcher, ticket.id, "status", { type: "teleport" }), 400, "body.type");
    expectProblem(await onTicket(api, api.tokens.dispatcher, ticket.id, "status", { type: "set-priority", priority: "urgent" }), 400, "body.priority");
  });
});
