import { describe, expect, it } from "vitest";
import { CUSTOMER, DISPATCHER, TECHNICIAN, newTicket, run, unwrap } from "../test-support/fixtures.js";
import { applyTicketCommand } from "./apply-ticket-command.js";
import { createTicket } from "./create-ticket.js";
import { canTransition, TICKET_STATUSES } from "./ticket-status.js";

const CREATED = "2026-06-08T09:00:00+02:00";
const assign = { type: "assign", by: DISPATCHER, assignee: { id: TECHNICIAN.id, role: "technician" } } as const;

describe("ticket workflow (K1)", () => {
  it("K1: new → assigned → in progress → waiting → in progress → resolved → closed, with history", () => {
    const ticket = run(newTicket(CREATED), [
      ["2026-06-08T09:05:00+02:00", assign],
      ["2026-06-08T09:10:00+02:00", { type: "record-customer-contact", by: TECHNICIAN, via: "phone" }],
      ["2026-06-08T09:15:00+02:00", { type: "start-work", by: TECHNICIAN }],
      ["2026-06-08T10:00:00+02:00", { type: "wait-for-customer", by: TECHNICIAN }],
      ["2026-06-08T11:00:00+02:00", { type: "resume-work", by: TECHNICIAN }],
      ["2026-06-08T12:00:00+02:00", { type: "resolve", by: TECHNICIAN }],
      ["2026-06-09T08:00:00+02:00", { type: "close", by: CUSTOMER }],
    ]);
    expect(ticket.status).toBe("closed");
    expect(ticket.assigneeId).toBe(TECHNICIAN.id);
    expect(ticket.resolvedAt).toBe("2026-06-08T10:00:00.000Z");
    expect(ticket.closedAt).toBe("2026-06-09T06:00:00.000Z");
    expect(ticket.history.map((event) => (event.type === "status-changed" ? `${event.from}→${event.to}` : event.type))).toEqual([
      "ticket-created",
      "assigned",
      "new→assigned",
      "customer-contacted",
      "assigned→in-progress",
      "in-progress→waiting-for-customer",
      "waiting-for-customer→in-progress",
      "in-progress→resolved",
      "resolved→closed",
    ]);
    expect(ticket.history.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("K1: the transition table has no way out of closed", () => {
    for (const status of TICKET_STATUSES) expect(canTransition("closed", status)).toBe(false);
    expect(canTransition("new", "in-progress")).toBe(false);
  });

  it("K1: an invalid transition is a K1_INVALID_TRANSITION value naming the status", () => {
    const result = applyTicketCommand(newTicket(CREATED), { type: "wait-for-customer", by: TECHNICIAN }, CREATED);
    expect(result).toMatchObject({ ok: false, errors: [{ code: "K1_INVALID_TRANSITION", path: ["status"] }] });
  });

  it("K6: tickets are assigned to technicians only", () => {
    const result = applyTicketCommand(newTicket(CREATED), { ...assign, assignee: { id: "staff-schulte", role: "account-manager" } }, CREATED);
    expect(result).toMatchObject({ ok: false, errors: [{ code: "K6_ASSIGNEE_NOT_TECHNICIAN", path: ["assignee", "role"] }] });
  });

  it("K6: the technician contacts the customer before work starts; a reassignment needs a new contact", () => {
    const assigned = run(newTicket(CREATED), [["2026-06-08T09:05:00+02:00", assign]]);
    expect(applyTicketCommand(assigned, { type: "start-work", by: TECHNICIAN }, "2026-06-08T09:06:00+02:00")).toMatchObject({ ok: false, errors: [{ code: "K6_CUSTOMER_NOT_CONTACTED" }] });
    const working = run(assigned, [
      ["2026-06-08T09:10:00+02:00", { type: "record-customer-contact", by: TECHNICIAN, via: "phone" }],
      ["2026-06-08T09:15:00+02:00", { type: "start-work", by: TECHNICIAN }],
      ["2026-06-08T10:00:00+02:00", { ...assign, assignee: { id: "staff-kaya", role: "technician" } }],
    ]);
    expect(working.status).toBe("assigned");
    expect(applyTicketCommand(working, { type: "start-work", by: { kind: "staff", id: "staff-kaya" } }, "2026-06-08T10:05:00+02:00").ok).toBe(false);
  });

  it("K6: monitoring and scheduled tickets start without a customer call", () => {
    const alert = run(newTicket(CREATED, { channel: "monitoring" }), [["2026-06-08T09:05:00+02:00", assign]]);
    expect(unwrap(applyTicketCommand(alert, { type: "start-work", by: TECHNICIAN }, "2026-06-08T09:06:00+02:00")).ticket.status).toBe("in-progress");
  });

  it("K7: a customer comment on a waiting ticket resumes it", () => {
    const waiting = run(newTicket(CREATED), [
      ["2026-06-08T09:05:00+02:00", assign],
      ["2026-06-08T09:10:00+02:00", { type: "wait-for-customer", by: TECHNICIAN }],
    ]);
    const change = unwrap(applyTicketCommand(waiting, { type: "add-comment", by: CUSTOMER, commentId: "c1", visibility: "public", text: "Hier die Seriennummer: X1" }, "2026-06-08T11:00:00+02:00"));
    expect(change.ticket.status).toBe("in-progress");
    expect(change.events.map((event) => event.type)).toEqual(["status-changed", "comment-added"]);
  });

  it("K1: customers reopen within 14 days by commenting or explicitly; later they are refused", () => {
    const resolved = run(newTicket(CREATED), [
      ["2026-06-08T09:05:00+02:00", assign],
      ["2026-06-08T12:00:00+02:00", { type: "resolve", by: TECHNICIAN }],
    ]);
    const reopened = unwrap(applyTicketCommand(resolved, { type: "add-comment", by: CUSTOMER, commentId: "c1", visibility: "public", text: "Wieder kaputt." }, "2026-06-22T11:00:00+02:00"));
    expect(reopened.ticket.status).toBe("in-progress");
    expect(reopened.ticket.resolvedAt).toBeUndefined();
    expect(applyTicketCommand(resolved, { type: "reopen", by: CUSTOMER }, "2026-06-22T12:00:01+02:00")).toMatchObject({ ok: false, errors: [{ code: "K1_REOPEN_WINDOW_EXPIRED" }] });
    // Staff may reopen later; without an assignee it goes back to dispatch.
    const unassigned = run(newTicket(CREATED), [["2026-06-08T12:00:00+02:00", { type: "resolve", by: DISPATCHER }]]);
    expect(unwrap(applyTicketCommand(unassigned, { type: "reopen", by: DISPATCHER }, "2026-07-30T12:00:00+02:00")).ticket.status).toBe("new");
  });

  it("K1: closed tickets take no public comments; internal notes are still possible", () => {
    const closed = run(newTicket(CREATED), [
      ["2026-06-08T12:00:00+02:00", { type: "resolve", by: DISPATCHER }],
      ["2026-06-08T12:01:00+02:00", { type: "close", by: DISPATCHER }],
    ]);
    expect(applyTicketCommand(closed, { type: "add-comment", by: CUSTOMER, commentId: "c1", visibility: "public", text: "Hallo?" }, "2026-06-09T12:00:00+02:00")).toMatchObject({ ok: false, errors: [{ code: "K1_TICKET_CLOSED" }] });
    expect(applyTicketCommand(closed, { type: "add-comment", by: TECHNICIAN, commentId: "c2", visibility: "internal", text: "Nachtrag Doku." }, "2026-06-09T12:00:00+02:00").ok).toBe(true);
  });

  it("K1: customers cannot write internal comments (schema error with path)", () => {
    expect(applyTicketCommand(newTicket(CREATED), { type: "add-comment", by: CUSTOMER, commentId: "c1", visibility: "internal", text: "psst" }, CREATED)).toMatchObject({ ok: false, errors: [{ code: "INVALID_INPUT", path: ["visibility"] }] });
  });

  it("K1: comments keep attachments; screenshots in Word are flagged (K3)", () => {
    const change = unwrap(
      applyTicketCommand(
        newTicket(CREATED),
        {
          type: "add-comment",
          by: CUSTOMER,
          commentId: "c1",
          visibility: "public",
          text: "Siehe Anhang",
          attachments: [
            { filename: "fehler.png", contentType: "image/png", size: 48_213 },
            { filename: "Fehler.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 120_000, containedContentTypes: ["image/jpeg"] },
          ],
        },
        "2026-06-08T09:30:00+02:00",
      ),
    );
    expect(change.ticket.comments[0]?.attachments.map((attachment) => [attachment.kind, attachment.flags])).toEqual([
      ["screenshot", []],
      ["word-document", ["screenshot-in-word-document"]],
    ]);
  });

  it("K1: the customer gives feedback once, on a resolved or closed ticket", () => {
    const open = newTicket(CREATED);
    expect(applyTicketCommand(open, { type: "give-feedback", by: CUSTOMER, rating: 5 }, CREATED)).toMatchObject({ ok: false, errors: [{ code: "K1_FEEDBACK_NOT_ALLOWED" }] });
    const resolved = run(open, [["2026-06-08T12:00:00+02:00", { type: "resolve", by: DISPATCHER }]]);
    const rated = unwrap(applyTicketCommand(resolved, { type: "give-feedback", by: CUSTOMER, rating: 4, text: "Schnell und freundlich." }, "2026-06-08T13:00:00+02:00"));
    expect(rated.ticket.feedback).toEqual({ rating: 4, text: "Schnell und freundlich.", at: "2026-06-08T11:00:00.000Z", by: CUSTOMER });
    expect(applyTicketCommand(rated.ticket, { type: "give-feedback", by: CUSTOMER, rating: 1 }, "2026-06-08T14:00:00+02:00")).toMatchObject({ ok: false, errors: [{ code: "K1_FEEDBACK_ALREADY_GIVEN" }] });
    expect(applyTicketCommand(resolved, { type: "give-feedback", by: TECHNICIAN, rating: 5 }, "2026-06-08T13:00:00+02:00").ok).toBe(false);
  });

  it("K1: the input state is never mutated", () => {
    const ticket = newTicket(CREATED);
    const snapshot = structuredClone(ticket);
    run(ticket, [["2026-06-08T09:05:00+02:00", assign]]);
    expect(ticket).toEqual(snapshot);
  });
});

describe("qualifying a ticket (K1, K2)", () => {
  const unknownSender = () => newTicket(CREATED, { organizationId: undefined, requester: { email: "neu@mueller-gmbh.example" } });

  it("K2: dispatch assigns a mail from an unknown sender to its customer and corrects incident to request; history records it", () => {
    const result = unwrap(applyTicketCommand(unknownSender(), { type: "qualify", by: DISPATCHER, organizationId: "org-mueller", kind: "request" }, "2026-06-08T09:20:00+02:00"));
    expect(result.ticket).toMatchObject({ organizationId: "org-mueller", kind: "request", status: "new" });
    expect(result.events).toEqual([
      { type: "qualified", ticketId: "t-1", seq: 2, at: "2026-06-08T07:20:00.000Z", by: DISPATCHER, organizationId: "org-mueller", kind: "request" },
    ]);
    expect(result.ticket.history.at(-1)).toEqual(result.events[0]);
  });

  it("O1: a branch is kept while the organization stays, dropped when the ticket moves to another customer, and can be cleared", () => {
    const atBranch = unwrap(applyTicketCommand(newTicket(CREATED), { type: "qualify", by: DISPATCHER, branchId: "BR-MS" }, CREATED)).ticket;
    expect(atBranch).toMatchObject({ organizationId: "org-mueller", branchId: "BR-MS" });
    expect(unwrap(applyTicketCommand(atBranch, { type: "qualify", by: DISPATCHER, kind: "request" }, CREATED)).ticket.branchId).toBe("BR-MS");
    const moved = unwrap(applyTicketCommand(atBranch, { type: "qualify", by: DISPATCHER, organizationId: "org-baeckerei" }, CREATED)).ticket;
    expect(moved.organizationId).toBe("org-baeckerei");
    expect(moved).not.toHaveProperty("branchId");
    expect(unwrap(applyTicketCommand(atBranch, { type: "qualify", by: DISPATCHER, branchId: null }, CREATED)).ticket).not.toHaveProperty("branchId");
  });

  it("K1: qualifying as it already is records nothing; a closed ticket, a customer or an empty command are refused", () => {
    const same = unwrap(applyTicketCommand(newTicket(CREATED), { type: "qualify", by: DISPATCHER, organizationId: "org-mueller", kind: "incident" }, CREATED));
    expect(same.events).toEqual([]);
    const closed = run(newTicket(CREATED), [
      [CREATED, { type: "resolve", by: DISPATCHER }],
      [CREATED, { type: "close", by: DISPATCHER }],
    ]);
    expect(applyTicketCommand(closed, { type: "qualify", by: DISPATCHER, kind: "request" }, CREATED)).toMatchObject({ ok: false, errors: [{ code: "K1_TICKET_CLOSED" }] });
    expect(applyTicketCommand(newTicket(CREATED), { type: "qualify", by: CUSTOMER, kind: "request" }, CREATED)).toMatchObject({ ok: false, errors: [{ code: "INVALID_INPUT", path: ["by"] }] });
    expect(applyTicketCommand(newTicket(CREATED), { type: "qualify", by: DISPATCHER }, CREATED)).toMatchObject({ ok: false, errors: [{ code: "INVALID_INPUT" }] });
  });
});

describe("createTicket (K1)", () => {
  it("K1: opens an incident or request in status new with a ticket-created event", () => {
    const change = unwrap(
      createTicket(
        {
          id: "t-2",
          number: "T-2026-000124-6",
          kind: "request",
          channel: "portal",
          organizationId: "org-mueller",
          branchId: "br-muenster",
          requester: { email: "a.becker@mueller-maschinenbau.de", portalUserId: "pu-anna" },
          subject: "Neuer Arbeitsplatz für Azubi",
          description: "Ab 1. August.",
          by: { kind: "customer", id: "pu-anna" },
        },
        "2026-06-08T09:00:00+02:00",
      ),
    );
    expect(change.ticket).toMatchObject({ status: "new", kind: "request", channel: "portal", priority: "normal", branchId: "br-muenster", createdAt: "2026-06-08T07:00:00.000Z" });
    expect(change.events).toEqual([
      { type: "ticket-created", ticketId: "t-2", seq: 1, at: "2026-06-08T07:00:00.000Z", by: { kind: "customer", id: "pu-anna" }, number: "T-2026-000124-6", kind: "request", channel: "portal", priority: "normal", organizationId: "org-mueller" },
    ]);
  });

  it("K1: bad input comes back as INVALID_INPUT issues with field paths", () => {
    const result = createTicket({ id: "t-3", number: "x", kind: "complaint" as "incident", channel: "fax" as "mail", requester: { email: "nope" }, subject: "", description: "", by: { kind: "system", id: "kontor" } }, "2026-06-08T09:00:00+02:00");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path.join("."))).toEqual(expect.arrayContaining(["kind", "channel", "requester.email", "subject"]));
    expect(result.errors.every((error) => error.code === "INVALID_INPUT")).toBe(true);
  });

  it("P2: an asOf without offset is refused with a typed INVALID_INSTANT error", () => {
    expect(() => newTicket("2026-06-08T09:00:00")).toThrow(expect.objectContaining({ code: "INVALID_INSTANT", path: ["asOf"] }));
  });
});
