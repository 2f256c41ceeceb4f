import { MUELLER } from "@kontor/api/testing";
import { insertOrganization, insertUser, listMailDeliveries, outboxEventsOf, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import type { SeatEvent } from "@kontor/seats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting, type OutboxPass } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { storeSeatHistory } from "../testing/store-seat-history.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { seatOutboxHandlers } from "./index.js";
import { seatWindowEvaluationJob } from "./seat-window-job.js";

/** Müller (PO placed 2026-03-02, seed 003 timeline) and a second customer whose PO window crosses the DST change. */
const MARCH_ORG = "org-seats-march";
const FEBRUARY_ORG = "org-seats-february";
const ADMIN = "anna.becker@mueller-gmbh.de";

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

/**
 * 3 paid licenses of product `cc` for u1–u3, then a PO for 2 more licenses on `placedAt`, and
 * u4, u5 assigned to them: the 2-user deficit of S6 if the PO stays unpaid.
 */
function poHistory(placedAt: string, assignedAt: string): SeatEvent[] {
  const users = ["u1", "u2", "u3", "u4", "u5"];
  return [
    { type: "licenses-bought", id: "bought", at: "2026-01-05T08:00:00+01:00", productId: "cc", quantity: 3 },
    ...users.slice(0, 3).map((userId, index): SeatEvent => ({ type: "user-assigned", id: `assign-${userId}`, at: `2026-01-05T09:0${index}:00+01:00`, productId: "cc", userId, email: `${userId}@mueller-gmbh.de` })),
    { type: "purchase-order-placed", id: "po", at: placedAt, poId: "PO-1", lines: [{ productId: "cc", quantity: 2 }] },
    ...users.slice(3).map((userId, index): SeatEvent => ({ type: "user-assigned", id: `assign-${userId}`, at: assignedAt.replace(":00:00", `:0${index}:00`), productId: "cc", userId, email: `${userId}@mueller-gmbh.de` })),
  ];
}

async function runAt(instant: string): Promise<void> {
  const now = new Date(instant);
  await seatWindowEvaluationJob.run(testWorkerContext(database, smtp, { now }), now);
}

async function seatOutboxKeys(organizationId: string): Promise<string[]> {
  return (await outboxEventsOf(database.db, "organization-seats", organizationId)).map((row) => row.dedupeKey);
}

/** Delivers the due outbox events with the worker's delivery (mails complete after the commit). */
async function deliverAt(instant: string): Promise<OutboxPass> {
  return deliverDueOutboxEvents(testWorkerContext(database, smtp, { now: new Date(instant) }), outboxRouting(seatOutboxHandlers));
}

async function sentMailKeys(): Promise<string[]> {
  return (await listMailDeliveries(database.db)).map((row) => row.dedupeKey).sort();
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  const created = new Date("2026-01-01T00:00:00Z");
  await insertOrganization(database.db, { ...MUELLER, id: MARCH_ORG }, created);
  await insertOrganization(database.db, { ...MUELLER, id: FEBRUARY_ORG, name: "Müller Februar GmbH" }, created);
  await insertUser(database.db, { kind: "portal", organizationId: MARCH_ORG, role: "portal-manager", email: ADMIN, profile: {} }, created);
  await insertUser(database.db, { kind: "portal", organizationId: MARCH_ORG, role: "portal-reporter", email: "max.klein@mueller-gmbh.de", profile: {} }, created);
  // PO placed 2026-03-02 (Berlin): day 30 ends 2026-04-01T22:00Z, day 60 ends 2026-05-01T22:00Z.
  await storeSeatHistory(database, MARCH_ORG, poHistory("2026-03-02T10:00:00+01:00", "2026-03-02T11:00:00+01:00"));
  // PO placed 2026-02-20 (Berlin): day 30 ends 2026-03-22T23:00Z, before the switch to CEST on 03-29.
  await storeSeatHistory(database, FEBRUARY_ORG, poHistory("2026-02-20T10:00:00+01:00", "2026-02-20T11:00:00+01:00"));
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("seats.evaluate-windows (S4–S9)", () => {
  it("S4: during days 0–30 no mail falls due, and mails of the stored commands are not repeated", async () => {
    await runAt("2026-03-03T23:05:00Z");
    await runAt("2026-03-22T22:59:59.999Z");
    expect(await seatOutboxKeys(MARCH_ORG)).toEqual([]);
    expect(await seatOutboxKeys(FEBRUARY_ORG)).toEqual([]);
  });

  it("S5: the reminder falls due at the end of day 30 in the organization's zone (2026-02-20 PO: 2026-03-22T23:00Z, CET)", async () => {
    await runAt("2026-03-22T23:00:00Z");
    expect(await seatOutboxKeys(FEBRUARY_ORG)).toEqual([`seats:${FEBRUARY_ORG}:s5-reminder:PO-1`]);
    expect(await seatOutboxKeys(MARCH_ORG)).toEqual([]);
  });

  it("S5: the 2026-03-02 PO's reminder is not due at 2026-04-01T21:59:59.999Z and due at 22:00Z (CEST); a second run the same day adds nothing", async () => {
    await runAt("2026-04-01T21:59:59.999Z");
    expect(await seatOutboxKeys(MARCH_ORG)).toEqual([]);
    await runAt("2026-04-01T22:05:00Z");
    await runAt("2026-04-01T22:05:00Z");
    await runAt("2026-04-02T09:00:00Z");
    expect(await seatOutboxKeys(MARCH_ORG)).toEqual([`seats:${MARCH_ORG}:s5-reminder:PO-1`]);
    expect(await seatOutboxKeys(FEBRUARY_ORG)).toEqual([`seats:${FEBRUARY_ORG}:s5-reminder:PO-1`]);
  });

  it("S5: the reminders reach the administrators once: the portal manager, or the service-report address without one", async () => {
    expect(await deliverAt("2026-04-02T09:00:00Z")).toEqual({ delivered: 2, failed: 0 });
    expect(await sentMailKeys()).toEqual([`seats:${FEBRUARY_ORG}:s5-reminder:PO-1`, `seats:${MARCH_ORG}:s5-reminder:PO-1`]);
    const mails = await smtp.waitFor(2);
    const march = mails.find((mail) => mail.envelopeTo.includes(ADMIN));
    expect(march?.envelopeTo).toEqual([ADMIN]);
    expect(march?.parsed.subject).toBe("Zahlung ausstehend: Kaufauftrag PO-1");
    expect(march?.parsed.text).toContain("- cc: 2 Lizenzen");
    expect(march?.parsed.text).toContain("innerhalb der nächsten 30 Tage, also bis zum 01.05.2026");
    const february = mails.find((mail) => mail.envelopeTo.includes(MUELLER.serviceReportRecipient));
    expect(february?.parsed.text).toContain("bis zum 21.04.2026");

    expect(await deliverAt("2026-04-02T09:00:00Z")).toEqual({ delivered: 0, failed: 0 });
    await runAt("2026-04-02T09:00:00Z");
    expect(await deliverAt("2026-04-02T09:05:00Z")).toEqual({ delivered: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(2);
  });

  it("S6, S8: after day 60 the admin learns of 2 suspended licenses and u4, u5 (assigned last) lose access, each mailed once", async () => {
    await runAt("2026-05-01T21:59:59.999Z");
    expect(await seatOutboxKeys(MARCH_ORG)).toHaveLength(1);
    await runAt("2026-05-01T22:05:00Z");
    await runAt("2026-05-01T22:05:00Z");
    expect(await seatOutboxKeys(MARCH_ORG)).toEqual([
      `seats:${MARCH_ORG}:s5-reminder:PO-1`,
      `seats:${MARCH_ORG}:s8-suspended:PO-1`,
      `seats:${MARCH_ORG}:s8-withdrawn:PO-1:cc:u4`,
      `seats:${MARCH_ORG}:s8-withdrawn:PO-1:cc:u5`,
    ]);

    const before = smtp.mails.length;
    // The February organization's window closed on 2026-04-21 and is suspended too.
    expect(await deliverAt("2026-05-01T22:10:00Z")).toEqual({ delivered: 6, failed: 0 });
    const mails = (await smtp.waitFor(before + 6)).slice(before);
    const suspension = mails.find((mail) => mail.envelopeTo.includes(ADMIN));
    expect(suspension?.parsed.subject).toBe("2 Lizenzen ausgesetzt: Kaufauftrag PO-1");
    expect(suspension?.parsed.text).toContain("- cc: 2 Lizenzen, 2 Benutzer ohne Zugriff");
    const withdrawn = mails.filter((mail) => mail.parsed.subject === "Lizenz für cc entzogen").flatMap((mail) => mail.envelopeTo);
    expect(withdrawn.sort()).toEqual(["u4@mueller-gmbh.de", "u4@mueller-gmbh.de", "u5@mueller-gmbh.de", "u5@mueller-gmbh.de"]);

    expect(await deliverAt("2026-05-02T08:00:00Z")).toEqual({ delivered: 0, failed: 0 });
    expect(await sentMailKeys()).toHaveLength(8);
    expect(smtp.mails).toHaveLength(8);
  });
});
