import { MUELLER } from "@kontor/api/testing";
import { insertOrganization, schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import type { Ticket } from "@kontor/ticketing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting, redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { contactTaskEventOf, contactTaskScheduleKey } from "./contact-customer-task.js";
import { licensingNoticeOutboxHandlers } from "./licensing-notice-outbox-handlers.js";
import { CONTACT_CUSTOMER_TASK_TOPIC } from "./licensing-notice-topics.js";
import { applyStoredOrderCommand, storeReceivedOrder } from "./testing/stored-order.js";

/**
 * Friday 2026-05-22, 10:00 in Berlin: staff confirms the service order. Two business days
 * (L2's default reaction target) skip Saturday, Sunday and Whit Monday (2026-05-25, a
 * nationwide holiday): Tuesday the 26th is the first, Wednesday the 27th the second.
 */
const CONFIRMED = new Date("2026-05-22T08:00:00Z");
const DUE_BY = "2026-05-27";

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

async function tickets(): Promise<Ticket[]> {
  const rows = await database.db.select().from(schema.tickets).orderBy(asc(schema.tickets.createdAt), asc(schema.tickets.id));
  return rows.map((row) => row.document as Ticket);
}

async function contactTaskEvent(): Promise<OutboxRow> {
  const [event, ...others] = await database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, CONTACT_CUSTOMER_TASK_TOPIC));
  expect(others).toEqual([]);
  if (event === undefined) throw new Error("no contact task event");
  return event;
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
  await storeReceivedOrder(
    database,
    MUELLER.id,
    {
      kind: "service",
      orderId: "order-l2",
      customer: { id: MUELLER.id, name: MUELLER.name, zone: MUELLER.zone },
      services: [{ description: "Confluence-Einführung", quantity: "16", unit: "Stunden" }],
      responsibleTeam: "Atlassian-Beratung",
    },
    new Date("2026-05-21T12:00:00Z"),
  );
  await applyStoredOrderCommand(database, "order-l2", { type: "confirm" }, CONFIRMED);
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing notices: the contact task of a service order (L2)", () => {
  it("L2: the event's due day is 2 business days after Friday's confirmation, across the weekend and Whit Monday", async () => {
    expect(contactTaskEventOf(await contactTaskEvent())).toMatchObject({ orderId: "order-l2", team: "Atlassian-Beratung", dueBy: DUE_BY, businessDays: 2 });
  });

  it("L2: a confirmed service order opens one unassigned request ticket for the responsible team with the due day", async () => {
    const context = testWorkerContext(database, smtp, { now: new Date("2026-05-22T08:00:05Z") });
    expect((await deliverDueOutboxEvents(context, outboxRouting(licensingNoticeOutboxHandlers))).failed).toBe(0);

    const [ticket, ...others] = await tickets();
    expect(others).toEqual([]);
    expect(ticket).toMatchObject({
      kind: "request",
      status: "new",
      organizationId: MUELLER.id,
      subject: `Kunde kontaktieren: Auftrag order-l2 (${MUELLER.name}) bis 27.05.2026`,
      scheduleKey: contactTaskScheduleKey("order-l2"),
    });
    expect(ticket?.assigneeId).toBeUndefined();
    for (const expected of [`Fällig bis: ${DUE_BY}`, "Team: Atlassian-Beratung", "Confluence-Einführung (16 Stunden)", "22.05.2026 bestätigt"]) {
      expect(ticket?.description).toContain(expected);
    }
    // L1 rides along: the service order's confirmation is mailed; the ticket sends no K2 confirmation.
    await smtp.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.map((mail) => mail.parsed.subject)).toEqual(["Auftragsbestätigung AB-2026-000001 – Dienstleistungsauftrag order-l2"]);
  });

  it("L2: handling the event twice still leaves one ticket", async () => {
    const handler = licensingNoticeOutboxHandlers.find((candidate) => candidate.topics.includes(CONTACT_CUSTOMER_TASK_TOPIC));
    if (handler === undefined) throw new Error("no handler");
    const context = testWorkerContext(database, smtp, { now: new Date("2026-05-22T09:00:00Z") });
    const event = await contactTaskEvent();
    await redeliverOutboxEvent(context, handler, event);
    await redeliverOutboxEvent(context, handler, event);
    expect((await tickets()).map((ticket) => ticket.scheduleKey)).toEqual([contactTaskScheduleKey("order-l2")]);
  });
});
