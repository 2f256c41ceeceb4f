import { describe, expect, it } from "vitest";
import { unwrap } from "../test-support/fixtures.js";
import { createTicket } from "../tickets/create-ticket.js";
import type { MaintenancePlan } from "./maintenance-plan.js";
import { maintenancePlanSchema } from "./maintenance-plan.js";
import { dueScheduledTickets } from "./scheduled-tickets.js";

const backupCheck: MaintenancePlan = {
  id: "na-backup",
  organizationId: "org-mueller",
  source: "needs-analysis",
  title: "Kontrolle Datensicherung",
  checklist: ["Veeam-Jobs der letzten 7 Tage geprüft", "Rücksicherung einer Testdatei", "Offsite-Kopie vorhanden"],
  recurrence: { unit: "week", interval: 1 },
  firstDue: "2026-01-05",
  active: true,
};

const firewall: MaintenancePlan = {
  id: "mp-firewall",
  organizationId: "org-mueller",
  source: "maintenance-plan",
  title: "Firewall-Updates",
  checklist: ["Firmware geprüft"],
  recurrence: { unit: "month", interval: 1 },
  firstDue: "2026-01-31",
  active: true,
};

describe("scheduled tickets (K9)", () => {
  it("K9: a weekly needs-analysis item produces one request ticket per week, with its checklist", () => {
    const due = dueScheduledTickets([backupCheck], "2026-06-01T00:00:00+02:00", "2026-06-15T06:00:00+02:00");
    expect(due.map((item) => item.scheduleKey)).toEqual(["na-backup:2026-06-08", "na-backup:2026-06-15"]);
    expect(due[0]?.ticket).toMatchObject({
      kind: "request",
      channel: "schedule",
      organizationId: "org-mueller",
      subject: "Bedarfsanalyse: Kontrolle Datensicherung (2026-06-08)",
      description: "[ ] Veeam-Jobs der letzten 7 Tage geprüft\n[ ] Rücksicherung einer Testdatei\n[ ] Offsite-Kopie vorhanden",
    });
    const ticket = unwrap(createTicket({ ...due[0]!.ticket, id: "t-s1", number: "T-2026-000200-5" }, "2026-06-08T00:00:00+02:00")).ticket;
    expect(ticket.scheduleKey).toBe("na-backup:2026-06-08");
  });

  it("K9: due at local midnight in Berlin: 00:30 CEST on the due day is due, 23:59 the day before is not", () => {
    expect(dueScheduledTickets([backupCheck], "2026-06-14T00:00:00+02:00", "2026-06-14T23:59:00+02:00")).toEqual([]);
    expect(dueScheduledTickets([backupCheck], "2026-06-14T00:00:00+02:00", "2026-06-15T00:30:00+02:00")).toHaveLength(1);
  });

  it("K9: monthly plans do not drift at month ends (Jan 31 → Feb 28 → Mar 31)", () => {
    const due = dueScheduledTickets([firewall], "2026-01-01T00:00:00+01:00", "2026-04-29T12:00:00+02:00");
    expect(due.map((item) => item.dueDate)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
  });

  it("K9: the window (since, asOf] includes an occurrence due exactly at asOf; reruns give the same keys; a missed run catches up; inactive or ended plans stop", () => {
    const first = dueScheduledTickets([backupCheck, firewall], "2026-05-01T00:00:00+02:00", "2026-06-01T00:00:00+02:00");
    expect(dueScheduledTickets([backupCheck, firewall], "2026-05-01T00:00:00+02:00", "2026-06-01T00:00:00+02:00")).toEqual(first);
    expect(first.map((item) => item.scheduleKey)).toEqual(["na-backup:2026-05-04", "na-backup:2026-05-11", "na-backup:2026-05-18", "na-backup:2026-05-25", "mp-firewall:2026-05-31", "na-backup:2026-06-01"]);
    expect(dueScheduledTickets([{ ...backupCheck, active: false }], "2026-05-01T00:00:00+02:00", "2026-06-01T00:00:00+02:00")).toEqual([]);
    expect(dueScheduledTickets([{ ...backupCheck, endsOn: "2026-05-10" }], "2026-05-01T00:00:00+02:00", "2026-06-01T00:00:00+02:00")).toHaveLength(1);
  });

  it("K9: a plan needs a checklist and a positive interval", () => {
    expect(maintenancePlanSchema.safeParse({ ...backupCheck, checklist: [] }).success).toBe(false);
    expect(maintenancePlanSchema.safeParse({ ...backupCheck, recurrence: { unit: "week", interval: 0 } }).success).toBe(false);
  });
});
