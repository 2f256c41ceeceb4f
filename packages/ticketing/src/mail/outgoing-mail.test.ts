import { describe, expect, it } from "vitest";
import { ANNA, DIRECTORY, MUELLER, SETTINGS, unwrap } from "../test-support/fixtures.js";
import { SCREENSHOT_INCIDENT } from "../test-support/messages.js";
import { readRawMail } from "../test-support/raw-mail.js";
import { applyTicketCommand } from "../tickets/apply-ticket-command.js";
import { createTicket } from "../tickets/create-ticket.js";
import { detectAutomatedMail } from "./automated-mail.js";
import { decideMailIntake, type TicketRef } from "./decide-mail-intake.js";
import { commentCommandFromMail, ticketInputFromMail } from "./intake-to-ticket.js";
import { outgoingTicketHeaders, referencesChain } from "./outgoing-mail.js";
import { parsedMailSchema } from "./parsed-mail.js";
import { ticketConfirmation } from "./ticket-confirmation.js";

describe("outgoing mail headers (K4)", () => {
  it("K4: our mail carries our Message-ID, Auto-Submitted: auto-generated, X-Auto-Response-Suppress: All and the References chain", () => {
    const headers = outgoingTicketHeaders(
      { ticketNumber: "T-2026-000123-8", mailKey: "status-changed-5", inReplyTo: "c0ffee@mueller-maschinenbau.de", references: ["orig@mueller-maschinenbau.de", "T-2026-000123-8.confirmation@tickets.meinsystemhaus.de"] },
      SETTINGS,
    );
    expect(headers).toEqual({
      "Message-ID": "<T-2026-000123-8.status-changed-5@tickets.meinsystemhaus.de>",
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All",
      "X-Kontor-Ticket": "T-2026-000123-8",
      "In-Reply-To": "<c0ffee@mueller-maschinenbau.de>",
      References: "<orig@mueller-maschinenbau.de> <T-2026-000123-8.confirmation@tickets.meinsystemhaus.de> <c0ffee@mueller-maschinenbau.de>",
    });
  });

  it("K4: long reference chains keep the thread root and the newest entries", () => {
    const ids = Array.from({ length: 30 }, (_, index) => `m${index}@x.de`);
    const chain = referencesChain(ids, "parent@x.de");
    expect(chain).toHaveLength(20);
    expect(chain[0]).toBe("m0@x.de");
    expect(chain[19]).toBe("parent@x.de");
  });

  it("K4: if our own mail ever comes back, intake recognises it as a loop and as automatic", () => {
    const headers = outgoingTicketHeaders({ ticketNumber: "T-2026-000123-8", mailKey: "confirmation" }, SETTINGS);
    const echoed = parsedMailSchema.parse({ from: { address: ANNA.email }, subject: "x", headers });
    expect(detectAutomatedMail(echoed)?.code).toBe("K4_AUTO_REPLY");
    const ref: TicketRef = { id: "t-1", number: "T-2026-000123-8", organizationId: MUELLER.id, requesterEmail: ANNA.email, status: "new" };
    expect(decideMailIntake(echoed, { settings: SETTINGS, directory: DIRECTORY, findTicketByMessageId: () => ref, findTicketByNumber: () => ref }, "2026-06-03T09:00:00Z").reason.code).toBe("K4_LOOP");
  });
});

describe("mail to ticket, end to end (K2, K3)", () => {
  const mail = readRawMail(SCREENSHOT_INCIDENT);
  const byMessageId = new Map<string, TicketRef>();
  const byNumber = new Map<string, TicketRef>();
  const context = { settings: SETTINGS, directory: DIRECTORY, findTicketByMessageId: (id: string) => byMessageId.get(id), findTicketByNumber: (n: string) => byNumber.get(n) };

  it("K2: the new ticket is confirmed with ticket number and receipt timestamp, threaded to the customer's mail", () => {
    const decision = decideMailIntake(mail, context, "2026-06-03T09:12:47+02:00");
    if (decision.action !== "create-ticket") throw new Error(`expected create, got ${decision.action}`);
    const ticket = unwrap(createTicket(ticketInputFromMail(decision, "t-1", "T-2026-000123-8"), decision.receivedAt)).ticket;
    expect(ticket).toMatchObject({ channel: "mail", organizationId: MUELLER.id, status: "new" });
    expect(ticket.attachments[0]?.kind).toBe("screenshot");

    const confirmation = ticketConfirmation(ticket, decision.receivedAt, mail, SETTINGS);
    expect(confirmation).toMatchObject({
      type: "ticket-confirmation",
      ticketNumber: "T-2026-000123-8",
      receivedAt: "2026-06-03T07:12:47.000Z",
      receivedAtText: "03.06.2026, 09:12 Uhr (Europe/Berlin)",
    });
    expect(confirmation.mail.to).toEqual([ANNA.email]);
    expect(confirmation.mail.subject).toBe("[#T-2026-000123-8] Eingangsbestätigung: Fehlermeldung beim Start von DATEV");
    expect(confirmation.mail.text).toContain("Ticket T-2026-000123-8");
    expect(confirmation.mail.text).toContain("Eingang: 03.06.2026, 09:12 Uhr (Europe/Berlin)");
    expect(confirmation.mail.headers).toMatchObject({
      "Message-ID": "<T-2026-000123-8.confirmation@tickets.meinsystemhaus.de>",
      "In-Reply-To": "<AM9PR03MB7042C3B1@AM9PR03MB7042.eurprd03.prod.outlook.com>",
      "Auto-Submitted": "auto-generated",
    });
    expect(confirmation.mail.dedupeKey).toBe("ticket-confirmation:t-1");

    // The customer answers the confirmation: threaded by In-Reply-To to our Message-ID (K3).
    const ref: TicketRef = { id: ticket.id, number: ticket.number, organizationId: MUELLER.id, requesterEmail: ANNA.email, status: ticket.status };
    byMessageId.set("T-2026-000123-8.confirmation@tickets.meinsystemhaus.de", ref);
    const reply = parsedMailSchema.parse({
      messageId: "<r1@mueller-maschinenbau.de>",
      inReplyTo: confirmation.mail.headers["Message-ID"],
      references: confirmation.mail.headers.References,
      from: { address: "A.Becker@Mueller-Maschinenbau.de", name: "Anna Becker" },
      subject: `AW: ${confirmation.mail.subject}`,
      text: "Nachtrag: betrifft auch den Laptop im Lager.\n\n-----Ursprüngliche Nachricht-----\nVon: CSM Kundensupport",
    });
    const append = decideMailIntake(reply, context, "2026-06-03T09:40:00+02:00");
    if (append.action !== "append-to-ticket") throw new Error(`expected append, got ${append.action}`);
    expect(append).toMatchObject({ threadedBy: "in-reply-to", text: "Nachtrag: betrifft auch den Laptop im Lager." });
    const commented = unwrap(applyTicketCommand(ticket, commentCommandFromMail(append, "c1"), append.receivedAt)).ticket;
    expect(commented.comments).toMatchObject([{ author: { kind: "customer", id: ANNA.email }, visibility: "public", text: "Nachtrag: betrifft auch den Laptop im Lager." }]);
  });
});

describe("parsed mail schema", () => {
  it("K3: header names are case-insensitive and repeated headers keep every value", () => {
    const parsed = parsedMailSchema.parse({
      headers: { "Auto-Submitted": "auto-replied", received: ["a", "b"], Received: "c" },
      references: "<a@x> <b@y>",
      inReplyTo: "<b@y>",
      from: { address: "  Anna@Example.DE " },
    });
    expect(parsed.headers).toEqual({ "auto-submitted": ["auto-replied"], received: ["a", "b", "c"] });
    expect(parsed.references).toEqual(["a@x", "b@y"]);
    expect(parsed.inReplyTo).toBe("b@y");
    expect(parsed.from?.address).toBe("anna@example.de");
    expect(parsed.contentType).toBe("text/plain");
  });
});
