import { describe, expect, it } from "vitest";
import { DISPATCHER, MUELLER, BAECKEREI, SETTINGS, TECHNICIAN, newTicket, unwrap } from "../test-support/fixtures.js";
import { applyTicketCommand } from "../tickets/apply-ticket-command.js";
import { createTicket } from "../tickets/create-ticket.js";
import { notificationRecipients, ticketNotifications } from "./ticket-notifications.js";

describe("notifications (K5, O1)", () => {
  it("O1: recipients come from the customer record, de-duplicated case-insensitively", () => {
    expect(notificationRecipients(MUELLER, "new-ticket")).toEqual(["it-leitung@mueller-maschinenbau.de"]);
    expect(notificationRecipients(MUELLER, "status-changed")).toEqual(["it-leitung@mueller-maschinenbau.de", "assistenz@mueller-maschinenbau.de"]);
    expect(notificationRecipients(MUELLER, "service-report")).toEqual(["buchhaltung@mueller-maschinenbau.de"]);
    expect(notificationRecipients(BAECKEREI, "new-ticket")).toEqual([]);
  });

  it("K5: a new portal ticket notifies the new-ticket recipients; status changes notify the status recipients", () => {
    const created = unwrap(
      createTicket(
        { id: "t-5", number: "T-2026-000125-1", kind: "incident", channel: "portal", organizationId: MUELLER.id, requester: { email: "it-leitung@mueller-maschinenbau.de" }, subject: "VPN", description: "", by: { kind: "customer", id: "pu-x" } },
        "2026-06-08T09:00:00+02:00",
      ),
    );
    const newMails = ticketNotifications(created.ticket, created.events, MUELLER, SETTINGS);
    expect(newMails).toHaveLength(1);
    expect(newMails[0]).toMatchObject({
      from: { address: "kundensupport@meinsystemhaus.de" },
      to: ["it-leitung@mueller-maschinenbau.de"],
      subject: "[#T-2026-000125-1] Neues Ticket: VPN",
      dedupeKey: "notification:t-5:ticket-created-1",
      headers: { "Auto-Submitted": "auto-generated", "Message-ID": "<T-2026-000125-1.ticket-created-1@tickets.meinsystemhaus.de>" },
    });
    const assigned = unwrap(applyTicketCommand(created.ticket, { type: "assign", by: DISPATCHER, assignee: { id: TECHNICIAN.id, role: "technician" } }, "2026-06-08T09:10:00+02:00"));
    const statusMails = ticketNotifications(assigned.ticket, assigned.events, MUELLER, SETTINGS);
    expect(statusMails.map((mail) => [mail.to, mail.subject])).toEqual([
      [["it-leitung@mueller-maschinenbau.de", "assistenz@mueller-maschinenbau.de"], "[#T-2026-000125-1] Status: Zugewiesen – VPN"],
    ]);
  });

  it("K5: a mail requester is not notified twice (they got the K2 confirmation); no recipients → no mail", () => {
    const ticket = newTicket("2026-06-08T09:00:00+02:00", { requester: { email: "IT-Leitung@mueller-maschinenbau.de" } });
    expect(ticketNotifications(ticket, ticket.history, MUELLER, SETTINGS)).toEqual([]);
    const bakery = newTicket("2026-06-08T09:00:00+02:00", { organizationId: BAECKEREI.id });
    expect(ticketNotifications(bakery, bakery.history, BAECKEREI, SETTINGS)).toEqual([]);
  });
});
