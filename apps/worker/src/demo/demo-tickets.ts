import { randomUUID } from "node:crypto";
import { changeTicket, openTicket } from "@kontor/api";
import type { KontorTransaction, TicketRow } from "@kontor/db";
import { SYSTEM_ACTOR, type ActorRef, type TicketCommand, type TicketInput } from "@kontor/ticketing";
import type { DemoStaff } from "./demo-staff.js";
import type { DemoTimeline } from "./demo-timeline.js";

/** The demo tickets by role in the story; the time entries refer to the first three. */
export type DemoTicketKey = "onboarding" | "printer" | "vpn" | "scanner" | "receiptPrinter" | "datev";

/** Who the tickets are for. */
export interface DemoTicketParties {
  readonly muellerId: string;
  readonly baeckereiId: string;
  readonly kanzleiId: string;
  /** Müller's portal manager (Anna Becker), when seedDemoData created her. */
  readonly muellerPortalUserId: string | undefined;
  readonly staff: DemoStaff;
}

interface DemoTicket {
  readonly key: DemoTicketKey;
  readonly openedAt: Date;
  readonly input: Omit<TicketInput, "id" | "number">;
  /** Workflow commands (K1, K6) applied at their instants, oldest first. */
  readonly steps: readonly { readonly at: Date; readonly commands: readonly TicketCommand[] }[];
}

function annaBecker(parties: DemoTicketParties): TicketInput["requester"] {
  return { email: "anna.becker@mueller-gmbh.de", name: "Anna Becker", ...(parties.muellerPortalUserId === undefined ? {} : { portalUserId: parties.muellerPortalUserId }) };
}

function customerOrDispatcher(parties: DemoTicketParties): { channel: TicketInput["channel"]; by: ActorRef } {
  return parties.muellerPortalUserId === undefined
    ? { channel: "phone", by: { kind: "staff", id: parties.staff.dispatcherId } }
    : { channel: "portal", by: { kind: "customer", id: parties.muellerPortalUserId } };
}

/**
 * The demo service desk: two Müller tickets of last month that were worked and resolved (their
 * work is on the contingent), and one open ticket in each other state of K1 — Müller's VPN
 * incident in progress, Müller's scanner incident still new, Bäckerei Schmidt's request waiting
 * for the customer, and the tax office's incident (by mail) assigned to the technician.
 */
function demoTickets(timeline: DemoTimeline, parties: DemoTicketParties): DemoTicket[] {
  const dispatcher: ActorRef = { kind: "staff", id: parties.staff.dispatcherId };
  const technician: ActorRef = { kind: "staff", id: parties.staff.technicianId };
  const assign: TicketCommand = { type: "assign", by: dispatcher, assignee: { id: parties.staff.technicianId, role: "technician" } };
  const called: TicketCommand = { type: "record-customer-contact", by: technician, via: "phone" };
  const start: TicketCommand = { type: "start-work", by: technician };
  const resolve: TicketCommand = { type: "resolve", by: technician };
  const { at } = timeline;
  return [
    {
      key: "onboarding",
      openedAt: at(timeline.previousMonth(2), 9),
      input: {
        kind: "request",
        ...customerOrDispatcher(parties),
        organizationId: parties.muellerId,
        requester: annaBecker(parties),
        subject: "Arbeitsplatz für neuen Mitarbeiter im Vertrieb einrichten",
        description: "Herr Yilmaz fängt am 22. an: Benutzerkonto, Postfach, Notebook mit Standardsoftware und VPN-Zugang.",
        priority: "normal",
      },
      steps: [
        { at: at(timeline.previousMonth(2), 10), commands: [assign, called, start] },
        { at: at(timeline.previousMonth(21), 17), commands: [resolve] },
      ],
    },
    {
      key: "printer",
      openedAt: at(timeline.previousMonth(7), 8, 40),
      input: {
        kind: "incident",
        channel: "phone",
        organizationId: parties.muellerId,
        requester: annaBecker(parties),
        subject: "Netzwerkdrucker im 2. OG druckt nicht mehr",
        description: "Seit heute früh hängen alle Druckaufträge in der Warteschlange, der Drucker zeigt Fehler 49.",
        priority: "high",
        by: dispatcher,
      },
      steps: [
        { at: at(timeline.previousMonth(7), 9), commands: [assign, called] },
        { at: at(timeline.previousMonth(8), 8), commands: [start] },
        { at: at(timeline.previousMonth(8), 16), commands: [resolve] },
      ],
    },
    {
      key: "vpn",
      openedAt: at(timeline.thisMonth(1), 8, 15),
      input: {
        kind: "incident",
        channel: "phone",
        organizationId: parties.muellerId,
        requester: { email: "k.vogel@mueller-gmbh.de", name: "Klaus Vogel" },
        subject: "VPN-Verbindung bricht im Außendienst ständig ab",
        description: "Die VPN-Verbindung trennt sich alle 10–15 Minuten, betroffen sind alle Notebooks im Außendienst.",
        priority: "high",
        by: dispatcher,
      },
      steps: [{ at: at(timeline.thisMonth(1), 9), commands: [assign, called, start] }],
    },
    {
      key: "scanner",
      openedAt: timeline.hoursAgo(2),
      input: {
        kind: "incident",
        ...customerOrDispatcher(parties),
        organizationId: parties.muellerId,
        requester: annaBecker(parties),
        subject: "Scanner am Empfang: Scan-to-Mail schlägt fehl",
        description: "Beim Scannen an eine E-Mail-Adresse kommt die Meldung „SMTP-Authentifizierung fehlgeschlagen“.",
        priority: "normal",
      },
      steps: [],
    },
    {
      key: "receiptPrinter",
      openedAt: timeline.at(timeline.day(-3), 7, 30),
      input: {
        kind: "request",
        channel: "phone",
        organizationId: parties.baeckereiId,
        requester: { email: "info@baeckerei-schmidt.de", name: "Maria Schmidt" },
        subject: "Kassensystem: zweiten Bondrucker für die Filiale anbinden",
        description: "Für die neue Theke soll ein zweiter Bondrucker an die Kasse angeschlossen werden.",
        priority: "low",
        by: dispatcher,
      },
      steps: [
        {
          at: timeline.at(timeline.day(-2), 10),
          commands: [
            assign,
            called,
            {
              type: "add-comment",
              by: technician,
              commentId: randomUUID(),
              visibility: "public",
              text: "Bitte teilen Sie uns Modell und Anschluss (USB oder Netzwerk) des neuen Bondruckers mit.",
            },
            { type: "wait-for-customer", by: technician },
          ],
        },
      ],
    },
    {
      key: "datev",
      openedAt: timeline.hoursAgo(5),
      input: {
        kind: "incident",
        channel: "mail",
        organizationId: parties.kanzleiId,
        requester: { email: "j.hoffmann@kanzlei-hoffmann.de", name: "Jonas Hoffmann" },
        subject: "DATEV-Arbeitsplatz startet sehr langsam",
        description: "Seit dem letzten DATEV-Update braucht der Arbeitsplatz von Frau Krüger über 10 Minuten bis zur Anmeldung.",
        priority: "normal",
        by: SYSTEM_ACTOR,
      },
      steps: [{ at: timeline.hoursAgo(4), commands: [assign] }],
    },
  ];
}

/**
 * Opens the demo tickets with `openTicket` (numbers handed out in the order they were opened)
 * and moves each through its workflow with `changeTicket`, both at their historic instants, so
 * history, SLA clocks and outbox events are what the API would have written. No K2 confirmation
 * mails: the demo's past is not mailed again on start.
 */
export async function seedDemoTickets(tx: KontorTransaction, timeline: DemoTimeline, parties: DemoTicketParties): Promise<Record<DemoTicketKey, TicketRow>> {
  const tickets = demoTickets(timeline, parties).sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  const rows: Partial<Record<DemoTicketKey, TicketRow>> = {};
  for (const ticket of tickets) {
    let row = await openTicket(tx, ticket.input, ticket.openedAt, { confirm: false });
    for (const step of ticket.steps) row = await changeTicket(tx, row, step.commands, step.at);
    rows[ticket.key] = row;
  }
  return rows as Record<DemoTicketKey, TicketRow>;
}
