import { describe, expect, it } from "vitest";
import { unwrap } from "../test-support/fixtures.js";
import { applyTicketCommand } from "../tickets/apply-ticket-command.js";
import { createTicket } from "../tickets/create-ticket.js";
import { DEFAULT_TICKET_NUMBER_FORMAT, formatTicketNumber } from "../tickets/ticket-number.js";
import type { Ticket } from "../tickets/ticket.js";
import { decideSensorEvent } from "./decide-sensor-event.js";
import type { SensorEvent } from "./sensor-event.js";

const diskFilling: SensorEvent = {
  sensorId: "srv-dc01-disk-c",
  organizationId: "org-mueller",
  assetId: "asset-dc01",
  kind: "deviation",
  severity: "warning",
  check: "DC01 Laufwerk C: freier Speicher",
  message: "Nur noch 8 % frei (9,6 GB von 120 GB)",
  observedAt: "2026-06-06T02:14:00+02:00",
};

/** Plays sensor events against a tiny in-memory "open ticket per sensor" store, as the worker would. */
function replay(events: readonly SensorEvent[]): { tickets: Ticket[]; actions: string[] } {
  const tickets: Ticket[] = [];
  const actions: string[] = [];
  events.forEach((event, index) => {
    const open = tickets.find((ticket) => ticket.sensorId === event.sensorId && ticket.status !== "resolved" && ticket.status !== "closed");
    const decision = unwrap(decideSensorEvent(event, open, `note-${index}`, event.observedAt));
    actions.push(decision.action);
    if (decision.action === "create-ticket") {
      tickets.push(unwrap(createTicket({ ...decision.ticket, id: `t-${index}`, number: formatTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, 1000 + index, 2026) }, event.observedAt)).ticket);
    } else if (decision.action === "update-ticket" || decision.action === "resolve-ticket") {
      const position = tickets.findIndex((ticket) => ticket.id === decision.ticketId);
      let ticket = tickets[position];
      if (ticket === undefined) throw new Error("ticket vanished");
      for (const command of decision.commands) ticket = unwrap(applyTicketCommand(ticket, command, event.observedAt)).ticket;
      tickets[position] = ticket;
    }
  });
  return { tickets, actions };
}

describe("monitoring alerts (K8)", () => {
  it("K8: repeated alerts for one sensor update the open ticket; the recovery resolves it", () => {
    const { tickets, actions } = replay([
      diskFilling,
      { ...diskFilling, observedAt: "2026-06-06T02:19:00+02:00", message: "Nur noch 7 % frei" },
      { ...diskFilling, observedAt: "2026-06-06T03:40:00+02:00", severity: "critical", message: "Nur noch 2 % frei" },
      { ...diskFilling, kind: "recovery", severity: "info", observedAt: "2026-06-06T08:05:00+02:00", message: "41 % frei nach Bereinigung" },
    ]);
    expect(actions).toEqual(["create-ticket", "update-ticket", "update-ticket", "resolve-ticket"]);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ channel: "monitoring", kind: "incident", sensorId: "srv-dc01-disk-c", priority: "high", status: "resolved" });
    expect(tickets[0]?.comments.map((comment) => comment.visibility)).toEqual(["internal", "internal", "internal"]);
  });

  it("K8: after the recovery, the next deviation opens a new ticket", () => {
    const { tickets } = replay([
      diskFilling,
      { ...diskFilling, kind: "recovery", severity: "info", observedAt: "2026-06-06T08:05:00+02:00" },
      { ...diskFilling, observedAt: "2026-06-09T02:00:00+02:00" },
    ]);
    expect(tickets.map((ticket) => ticket.status)).toEqual(["resolved", "new"]);
  });

  it("K8: info readings and recoveries without a ticket are only recorded (qualification by policy)", () => {
    expect(unwrap(decideSensorEvent({ ...diskFilling, severity: "info" }, undefined, "n", diskFilling.observedAt))).toMatchObject({ action: "record-only" });
    expect(unwrap(decideSensorEvent({ ...diskFilling, kind: "recovery" }, undefined, "n", diskFilling.observedAt))).toMatchObject({ action: "record-only" });
  });

  it("K8: a failed backup and a crashed VM are separate sensors with separate tickets", () => {
    const { tickets } = replay([
      { ...diskFilling, sensorId: "veeam-nightly", check: "Veeam Job Nightly", severity: "critical", message: "Job fehlgeschlagen" },
      { ...diskFilling, sensorId: "hv01-vm-erp", check: "VM ERP01", severity: "critical", message: "VM nicht erreichbar" },
    ]);
    expect(tickets.map((ticket) => ticket.subject)).toEqual(["Monitoring: Veeam Job Nightly", "Monitoring: VM ERP01"]);
  });

  it("K8: a malformed sensor event is an INVALID_INPUT value", () => {
    expect(decideSensorEvent({ ...diskFilling, observedAt: "gestern" }, undefined, "n", diskFilling.observedAt)).toMatchObject({ ok: false, errors: [{ code: "INVALID_INPUT", path: ["observedAt"] }] });
  });
});
