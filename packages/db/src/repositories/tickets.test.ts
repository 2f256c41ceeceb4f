import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection/database.js";
import { hashSecret } from "../security/secret-hash.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { findMonitoringSourceByKey, insertMonitoringSource } from "./monitoring-sources.js";
import { insertOrganization } from "./organizations.js";
import { findTicketAttachment, insertTicketAttachment, listTicketAttachments } from "./ticket-attachments.js";
import { lockTicketNumberSequence, storeTicketNumberSequence } from "./ticket-number-sequences.js";
import { findLatestSensorTicket, findTicket, insertTicket, listTickets, ticketsCreatedBetween, updateTicket, type TicketColumns } from "./tickets.js";

const NOW = new Date("2026-06-03T07:15:00Z");

function columns(overrides: Partial<TicketColumns> = {}): TicketColumns {
  return {
    organizationId: "org-mueller",
    kind: "incident",
    channel: "portal",
    status: "new",
    priority: "normal",
    subject: "Drucker im Lager druckt nicht",
    requesterEmail: "anna.becker@mueller-gmbh.de",
    requesterPortalUserId: null,
    assigneeId: null,
    sensorId: null,
    document: { subject: "Drucker im Lager druckt nicht" },
    ...overrides,
  };
}

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe(`ticket persistence on ${testDatabaseKind()}`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 30 });
    await insertOrganization(database.db, { id: "org-mueller", name: "Müller GmbH" }, NOW);
    await insertOrganization(database.db, { id: "org-baeckerei", name: "Bäckerei Schmidt" }, NOW);
  });
  afterAll(() => database.close());

  it("stores the document and bumps the version on update; a stale version changes nothing", async () => {
    await insertTicket(database.db, { id: "t-1", number: "T-2026-000001-7", ...columns() }, NOW);
    const updated = await updateTicket(database.db, "t-1", columns({ status: "assigned", assigneeId: "staff-meier", document: { v: 2 } }), 1, at(5));
    expect(updated).toMatchObject({ version: 2, status: "assigned", assigneeId: "staff-meier", document: { v: 2 }, updatedAt: at(5) });
    expect(await updateTicket(database.db, "t-1", columns({ status: "resolved" }), 1, at(6))).toBeUndefined();
    expect((await findTicket(database.db, "t-1"))?.status).toBe("assigned");
  });

  it("ticket numbers are unique (K1)", async () => {
    await expect(insertTicket(database.db, { id: "t-dup", number: "T-2026-000001-7", ...columns() }, NOW)).rejects.toThrow();
  });

  it("lists by organization, requester and status across pages in creation order", async () => {
    await insertOrganization(database.db, { id: "org-list", name: "List GmbH" }, NOW);
    for (let index = 0; index < 5; index += 1) {
      const status = index % 2 === 0 ? "new" : "resolved";
      await insertTicket(database.db, { id: `l-${index}`, number: `L-${index}`, ...columns({ organizationId: "org-list", status }) }, at(10 + index));
    }
    const first = await listTickets(database.db, { organizationId: "org-list", limit: 2 });
    expect(first.items.map((row) => row.id)).toEqual(["l-0", "l-1"]);
    expect(first.items[0]).not.toHaveProperty("document");
    const second = await listTickets(database.db, { organizationId: "org-list", limit: 2, after: first.next });
    expect(second.items.map((row) => row.id)).toEqual(["l-2", "l-3"]);
    const last = await listTickets(database.db, { organizationId: "org-list", limit: 2, after: second.next });
    expect(last.items.map((row) => row.id)).toEqual(["l-4"]);
    expect(last.next).toBeUndefined();
    const open = await listTickets(database.db, { organizationId: "org-list", status: "new", limit: 10 });
    expect(open.items.map((row) => row.id)).toEqual(["l-0", "l-2", "l-4"]);
    const between = await ticketsCreatedBetween(database.db, "org-list", at(11), at(13));
    expect(between.map((row) => row.id)).toEqual(["l-1", "l-2"]);
  });

  it("K8: one open ticket per sensor and organization; after resolution a new one may open", async () => {
    const sensor = columns({ channel: "monitoring", sensorId: "srv01-disk-c" });
    await insertTicket(database.db, { id: "s-1", number: "S-1", ...sensor }, at(20));
    await expect(insertTicket(database.db, { id: "s-2", number: "S-2", ...sensor }, at(21))).rejects.toThrow();
    // The same sensor name at another customer is another sensor.
    await insertTicket(database.db, { id: "s-b", number: "S-B", ...sensor, organizationId: "org-baeckerei" }, at(21));
    await updateTicket(database.db, "s-1", { ...sensor, status: "resolved" }, 1, at(22));
    await insertTicket(database.db, { id: "s-3", number: "S-3", ...sensor }, at(23));
    expect((await findLatestSensorTicket(database.db, "org-mueller", "srv01-disk-c"))?.id).toBe("s-3");
    expect((await findLatestSensorTicket(database.db, "org-baeckerei", "srv01-disk-c"))?.id).toBe("s-b");
    expect(await findLatestSensorTicket(database.db, "org-mueller", "srv02-backup")).toBeUndefined();
  });

  it("keeps attachment bytes exactly (bytea) and lists them without their content", async () => {
    const content = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a]);
    await insertTicketAttachment(
      database.db,
      { id: "a-1", ticketId: "t-1", filename: "Screenshot.png", contentType: "image/png", meta: { kind: "screenshot" }, content, uploadedBy: "pu-anna" },
      at(30),
    );
    const stored = await findTicketAttachment(database.db, "t-1", "a-1");
    expect(stored?.size).toBe(8);
    expect([...(stored?.content ?? [])]).toEqual([...content]);
    expect(await findTicketAttachment(database.db, "s-1", "a-1")).toBeUndefined();
    const listed = await listTicketAttachments(database.db, "t-1");
    expect(listed.map((row) => row.filename)).toEqual(["Screenshot.png"]);
    expect(listed[0]).not.toHaveProperty("content");
  });

  it("K1: 20 concurrent transactions advance the ticket number sequence to 20 without duplicates", async () => {
    const issued = await Promise.all(
      Array.from({ length: 20 }, () =>
        database.db.transaction(async (tx) => {
          const current = await lockTicketNumberSequence(tx, "tickets", NOW);
          const next = { year: 2026, lastSequence: current.lastSequence + 1 };
          await storeTicketNumberSequence(tx, "tickets", next, NOW);
          return next.lastSequence;
        }),
      ),
    );
    expect([...issued].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await database.db.transaction((tx) => lockTicketNumberSequence(tx, "tickets", NOW))).toEqual({ year: 2026, lastSequence: 20 });
  });

  it("K8: a monitoring source is found by its key; only the key's SHA-256 is stored", async () => {
    const { source, key } = await insertMonitoringSource(database.db, { organizationId: "org-mueller", name: "PRTG Köln", createdBy: "staff-admin" }, NOW);
    expect(key).toMatch(/^kontor_ms_/);
    expect(source.keyHash).toBe(hashSecret(key));
    expect(source.keyHash).not.toContain(key);
    expect((await findMonitoringSourceByKey(database.db, key))?.id).toBe(source.id);
    expect(await findMonitoringSourceByKey(database.db, `${key}x`)).toBeUndefined();
  });
});
