import { BAECKEREI, MUELLER } from "@kontor/api/testing";
import { insertOrganization, schema, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import type { Ticket } from "@kontor/ticketing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting, redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { DEFAULT_WORKER_SETTINGS } from "../worker-settings.js";
import { addOnRequestScheduleKey } from "./add-on-request-ticket.js";
import { licensingNoticeOutboxHandlers } from "./licensing-notice-outbox-handlers.js";
import { ADD_ON_REQUEST_TICKET_TOPIC } from "./licensing-notice-topics.js";
import { bookStoredAddOn, storeProvisionedRental } from "./testing/stored-rental.js";

const PRODUCT = "Microsoft 365 Business Standard";
const AT = new Date("2026-06-03T08:00:00Z");

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

async function tickets(): Promise<Ticket[]> {
  const rows = await database.db.select().from(schema.tickets).orderBy(asc(schema.tickets.createdAt), asc(schema.tickets.number));
  return rows.map((row) => row.document as Ticket);
}

async function deliver(now: Date): Promise<void> {
  const pass = await deliverDueOutboxEvents(testWorkerContext(database, smtp, { now }), outboxRouting(licensingNoticeOutboxHandlers));
  expect(pass.failed).toBe(0);
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
  await insertOrganization(database.db, BAECKEREI, new Date("2026-01-01T00:00:00Z"));
  await storeProvisionedRental(database, "rental-mueller", MUELLER, 18, AT);
  await storeProvisionedRental(database, "rental-baeckerei", BAECKEREI, 5, AT);
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing notices: a wanted add-on that is not offered (M6)", () => {
  it("M6: an offered add-on is booked and opens no ticket", async () => {
    await bookStoredAddOn(database, "rental-mueller", "teams-phone", 2, AT);
    await deliver(AT);
    expect(await tickets()).toEqual([]);
  });

  it("M6: a wanted add-on the product does not offer opens one request ticket of the renting organization, requested by the service desk", async () => {
    await bookStoredAddOn(database, "rental-baeckerei", "Microsoft 365 Copilot", 3, new Date("2026-06-03T09:00:00Z"));
    await deliver(new Date("2026-06-03T09:00:05Z"));
    const [ticket, ...others] = await tickets();
    expect(others).toEqual([]);
    const [event] = await database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, ADD_ON_REQUEST_TICKET_TOPIC));
    if (event === undefined) throw new Error("no add-on request event");
    expect(ticket).toMatchObject({
      kind: "request",
      status: "new",
      organizationId: BAECKEREI.id,
      subject: `Add-on gewünscht: Microsoft 365 Copilot für ${PRODUCT}`,
      requester: { email: DEFAULT_WORKER_SETTINGS.mail.supportAddress },
      scheduleKey: addOnRequestScheduleKey(event),
    });
    expect(ticket?.assigneeId).toBeUndefined();
    for (const expected of ["rental-baeckerei", "Menge 3", BAECKEREI.name]) expect(ticket?.description).toContain(expected);
  });

  it("M6: handling the event twice still leaves one ticket; a second wish is a ticket of its own", async () => {
    const handler = licensingNoticeOutboxHandlers.find((candidate) => candidate.topics.includes(ADD_ON_REQUEST_TICKET_TOPIC));
    if (handler === undefined) throw new Error("no handler");
    const [event] = await database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, ADD_ON_REQUEST_TICKET_TOPIC));
    if (event === undefined) throw new Error("no add-on request event");
    const context = testWorkerContext(database, smtp, { now: new Date("2026-06-03T10:00:00Z") });
    await redeliverOutboxEvent(context, handler, event);
    await redeliverOutboxEvent(context, handler, event);
    expect(await tickets()).toHaveLength(1);

    await bookStoredAddOn(database, "rental-mueller", "Visio Plan 2", 1, new Date("2026-06-03T11:00:00Z"));
    await deliver(new Date("2026-06-03T11:00:05Z"));
    expect((await tickets()).map((ticket) => [ticket.organizationId, ticket.subject])).toEqual([
      [BAECKEREI.id, `Add-on gewünscht: Microsoft 365 Copilot für ${PRODUCT}`],
      [MUELLER.id, `Add-on gewünscht: Visio Plan 2 für ${PRODUCT}`],
    ]);
  });
});
