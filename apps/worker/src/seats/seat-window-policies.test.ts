import { MUELLER } from "@kontor/api/testing";
import { insertOrganization, insertUser, outboxEventsOf, saveInstallationPolicies, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import type { SeatEvent } from "@kontor/seats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { storeSeatHistory } from "../testing/store-seat-history.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { seatOutboxHandlers } from "./index.js";
import { seatWindowEvaluationJob } from "./seat-window-job.js";

/**
 * P1: the window job evaluates with the installation's stored purchase-order window policies.
 * The stored set keeps seed 003's 30/60 days for POs placed before 2026-01-01 and shortens them
 * to a reminder after day 10 and a window of 20 days from then on (S2, S5, S8).
 */
const STORED_WINDOWS = [
  { effectiveFrom: "1970-01-01", reminderAfterDays: 30, windowDays: 60 },
  { effectiveFrom: "2026-01-01", reminderAfterDays: 10, windowDays: 20 },
];

/** PO placed 2026-03-02 (Berlin): under 10/20 days, day 10 ends 2026-03-12T23:00Z, day 20 2026-03-22T23:00Z (CET). */
const NEW_ORG = "org-seat-policies-new";
/** PO placed 2025-12-15 (Berlin), before the new version: day 30 ends 2026-01-14T23:00Z, day 60 2026-02-13T23:00Z. */
const OLD_ORG = "org-seat-policies-old";
const ADMIN = "anna.becker@mueller-gmbh.de";

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

/** 1 paid license of `cc` for u1 the day before `placedDay`, then PO-1 for 2 more for u2, u3 (S6 deficit if unpaid). */
function poHistory(boughtDay: string, placedDay: string): SeatEvent[] {
  return [
    { type: "licenses-bought", id: "bought", at: `${boughtDay}T08:00:00+01:00`, productId: "cc", quantity: 1 },
    { type: "user-assigned", id: "assign-u1", at: `${boughtDay}T09:00:00+01:00`, productId: "cc", userId: "u1", email: "u1@mueller-gmbh.de" },
    { type: "purchase-order-placed", id: "po", at: `${placedDay}T10:00:00+01:00`, poId: "PO-1", lines: [{ productId: "cc", quantity: 2 }] },
    { type: "user-assigned", id: "assign-u2", at: `${placedDay}T11:00:00+01:00`, productId: "cc", userId: "u2", email: "u2@mueller-gmbh.de" },
    { type: "user-assigned", id: "assign-u3", at: `${placedDay}T11:01:00+01:00`, productId: "cc", userId: "u3", email: "u3@mueller-gmbh.de" },
  ];
}

async function runAt(instant: string): Promise<void> {
  const now = new Date(instant);
  await seatWindowEvaluationJob.run(testWorkerContext(database, smtp, { now }), now);
}

async function seatOutboxKeys(organizationId: string): Promise<string[]> {
  return (await outboxEventsOf(database.db, "organization-seats", organizationId)).map((row) => row.dedupeKey.replace(`seats:${organizationId}:`, ""));
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  const created = new Date("2025-11-01T00:00:00Z");
  await insertOrganization(database.db, { ...MUELLER, id: NEW_ORG }, created);
  await insertOrganization(database.db, { ...MUELLER, id: OLD_ORG, name: "Müller Alt GmbH" }, created);
  await insertUser(database.db, { kind: "portal", organizationId: NEW_ORG, role: "portal-manager", email: ADMIN, profile: {} }, created);
  await storeSeatHistory(database, NEW_ORG, poHistory("2026-03-01", "2026-03-02"));
  await storeSeatHistory(database, OLD_ORG, poHistory("2025-12-14", "2025-12-15"));
  const saved = await saveInstallationPolicies(database.db, "seats", { policies: { purchaseOrderWindows: STORED_WINDOWS }, updatedBy: "staff-admin" }, 0, created);
  if (saved === undefined) throw new Error("seat policies not stored");
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("seats.evaluate-windows with the installation's stored window policies (P1)", () => {
  it("P1, S5, S8: a PO placed 2025-12-15, before the 2026-01-01 version, keeps 30/60 days: nothing after day 10 (2025-12-25), reminder at 2026-01-14T23:00Z, suspension at 2026-02-13T23:00Z", async () => {
    await runAt("2025-12-25T23:05:00Z");
    await runAt("2026-01-14T22:59:59.999Z");
    expect(await seatOutboxKeys(OLD_ORG)).toEqual([]);
    await runAt("2026-01-14T23:05:00Z");
    expect(await seatOutboxKeys(OLD_ORG)).toEqual(["s5-reminder:PO-1"]);
    await runAt("2026-02-13T22:59:59.999Z");
    expect(await seatOutboxKeys(OLD_ORG)).toEqual(["s5-reminder:PO-1"]);
    await runAt("2026-02-13T23:05:00Z");
    expect(await seatOutboxKeys(OLD_ORG)).toEqual(["s5-reminder:PO-1", "s8-suspended:PO-1", "s8-withdrawn:PO-1:cc:u2", "s8-withdrawn:PO-1:cc:u3"]);
    expect(await seatOutboxKeys(NEW_ORG)).toEqual([]);
  });

  it("P1, S5: a PO placed 2026-03-02 is reminded at the end of day 10 (2026-03-12T23:00Z), not day 30; the mail gives 10 days left, until 22.03.2026", async () => {
    await runAt("2026-03-12T22:59:59.999Z");
    expect(await seatOutboxKeys(NEW_ORG)).toEqual([]);
    await runAt("2026-03-12T23:05:00Z");
    expect(await seatOutboxKeys(NEW_ORG)).toEqual(["s5-reminder:PO-1"]);

    const before = smtp.mails.length;
    await deliverDueOutboxEvents(testWorkerContext(database, smtp, { now: new Date("2026-03-13T08:00:00Z") }), outboxRouting(seatOutboxHandlers));
    const reminder = (await smtp.waitFor(before + 1)).slice(before).find((mail) => mail.envelopeTo.includes(ADMIN));
    expect(reminder?.parsed.subject).toBe("Zahlung ausstehend: Kaufauftrag PO-1");
    expect(reminder?.parsed.text).toContain("innerhalb der nächsten 10 Tage, also bis zum 22.03.2026");
  });

  it("P1, S8: its window closes after day 20 (2026-03-22T23:00Z), not day 60: 2 licenses suspended, u2 and u3 withdrawn", async () => {
    await runAt("2026-03-22T22:59:59.999Z");
    expect(await seatOutboxKeys(NEW_ORG)).toEqual(["s5-reminder:PO-1"]);
    await runAt("2026-03-22T23:05:00Z");
    expect(await seatOutboxKeys(NEW_ORG)).toEqual(["s5-reminder:PO-1", "s8-suspended:PO-1", "s8-withdrawn:PO-1:cc:u2", "s8-withdrawn:PO-1:cc:u3"]);
  });

  it("P1: a stored set that no longer parses fails the run (SEAT_POLICIES_INVALID) instead of mailing on the shipped 30/60 days", async () => {
    // Reminder after day 20 of a 20-day window: no longer valid (S5 must come before S8).
    await database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{purchaseOrderWindows,1,reminderAfterDays}', '20'::jsonb) WHERE domain = 'seats'");
    try {
      await expect(runAt("2026-04-02T22:05:00Z")).rejects.toThrow(/seat policies \(version 1\) are invalid at purchaseOrderWindows\.1\.reminderAfterDays/);
      expect(await seatOutboxKeys(NEW_ORG)).toHaveLength(4);
    } finally {
      await database.query("DELETE FROM installation_policies WHERE domain = 'seats'");
    }
  });
});
