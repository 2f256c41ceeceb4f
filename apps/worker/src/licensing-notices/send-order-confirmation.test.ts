import { MUELLER } from "@kontor/api/testing";
import { findLicenseOrder, insertOrganization, schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import { orderSchema } from "@kontor/licensing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfText } from "../billing/pdf-text.js";
import { TEST_TECHNICAL_CONTACT } from "../licensing/testing/atlassian-test-catalog.js";
import { deliverDueOutboxEvents, outboxRouting, redeliverOutboxEvent } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { licensingNoticeOutboxHandlers } from "./licensing-notice-outbox-handlers.js";
import { CONFIRMATION_TO_SEND_TOPIC } from "./licensing-notice-topics.js";
import { orderConfirmationMailKey } from "./send-order-confirmation.js";
import { applyStoredOrderCommand, storeReceivedOrder } from "./testing/stored-order.js";
import { lastIssued, pdfOf } from "../testing/mail-pdf.js";

const BILLING = MUELLER.serviceReportRecipient;
const ADDRESSEE = "Müller GmbH – Zentraleinkauf";
const PO_NUMBER = "BEST-2026-4711";
/** Monday 2026-06-01, 09:00 in Berlin: the order comes in; staff confirms it at 10:00. */
const RECEIVED = new Date("2026-06-01T07:00:00Z");
const CONFIRMED = new Date("2026-06-01T08:00:00Z");

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

async function confirmationEvents(orderId: string): Promise<OutboxRow[]> {
  const rows = await database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, CONFIRMATION_TO_SEND_TOPIC)).orderBy(asc(schema.outbox.id));
  return rows.filter((row) => row.aggregateId === orderId);
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
  await storeReceivedOrder(
    database,
    MUELLER.id,
    {
      kind: "license",
      orderId: "order-l1",
      customer: { id: MUELLER.id, name: MUELLER.name, zone: MUELLER.zone },
      lines: [{ lineId: "1", productId: "jira-dc", userTier: 500, action: "new" }],
      technicalContact: TEST_TECHNICAL_CONTACT,
      confirmationRequirements: { addressee: ADDRESSEE, customerPoNumber: PO_NUMBER },
    },
    RECEIVED,
  );
  await applyStoredOrderCommand(database, "order-l1", { type: "confirm" }, CONFIRMED);
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing notices: the order confirmation (L1, L3)", () => {
  it("L1: a confirmed license order gets exactly one mail with its confirmation PDF, addressed and numbered as the customer asked", async () => {
    const context = testWorkerContext(database, smtp, { now: new Date("2026-06-01T08:00:05Z") });
    const pass = await deliverDueOutboxEvents(context, outboxRouting(licensingNoticeOutboxHandlers));
    expect(pass.failed).toBe(0);

    await smtp.waitFor(1);
    expect(smtp.mails.map((mail) => [mail.parsed.subject, mail.envelopeTo])).toEqual([["Auftragsbestätigung AB-2026-000001 – Lizenzauftrag order-l1", [BILLING]]]);
    const [mail] = smtp.mails;
    if (mail === undefined) throw new Error("confirmation mail missing");
    expect(mail.parsed.text).toContain(`Ihre Bestellnummer ${PO_NUMBER}`);
    expect(mail.parsed.text).toContain(`für ${ADDRESSEE}`);
    const text = await readPdfText(pdfOf(mail));
    // L1: the addressee and PO number the customer asked for are printed on the confirmation.
    for (const expected of ["AB-2026-000001", PO_NUMBER, ADDRESSEE, "Jira Data Center, 500 Nutzer", TEST_TECHNICAL_CONTACT.email]) expect(text).toContain(expected);
    expect(await database.db.select().from(schema.mailDeliveries).where(eq(schema.mailDeliveries.dedupeKey, orderConfirmationMailKey("order-l1")))).toHaveLength(1);
  });

  it("L3: with the confirmation sent, the worker records record-confirmation-sent: the purchase is due at once", async () => {
    const row = await findLicenseOrder(database.db, "order-l1");
    const order = orderSchema.parse(row?.record);
    expect(order).toMatchObject({ status: "purchase-due", purchaseDueOn: "2026-06-01" });
    expect(order.kind === "license" ? order.confirmationSentAt : null).not.toBeNull();
    const purchaseDue = await database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, "licensing.purchase-due"));
    expect(purchaseDue.map((event) => event.aggregateId)).toEqual(["order-l1"]);
  });

  it("L1: handling the event twice sends one mail, takes one number and records the order once", async () => {
    const [event] = await confirmationEvents("order-l1");
    if (event === undefined) throw new Error("no confirmation event");
    const handler = licensingNoticeOutboxHandlers.find((candidate) => candidate.topics.includes(CONFIRMATION_TO_SEND_TOPIC));
    if (handler === undefined) throw new Error("no handler");
    const context = testWorkerContext(database, smtp, { now: new Date("2026-06-01T09:00:00Z") });
    const versionBefore = (await findLicenseOrder(database.db, "order-l1"))?.version;
    await redeliverOutboxEvent(context, handler, event);
    await redeliverOutboxEvent(context, handler, event);
    // Give a wrongly sent second mail time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails).toHaveLength(1);
    expect(await lastIssued(database, "order-confirmations")).toBe("AB-2026-000001");
    expect((await findLicenseOrder(database.db, "order-l1"))?.version).toBe(versionBefore);
  });

  it("L1: a service order's confirmation shows its services and PO number; an order cancelled before the worker got to it gets none", async () => {
    await storeReceivedOrder(
      database,
      MUELLER.id,
      {
        kind: "service",
        orderId: "order-s1",
        customer: { id: MUELLER.id, name: MUELLER.name, zone: MUELLER.zone },
        services: [{ description: "Jira-Migration in die Cloud", quantity: "3", unit: "Tage" }],
        responsibleTeam: "Atlassian-Beratung",
        confirmationRequirements: { customerPoNumber: "PO-77" },
      },
      RECEIVED,
    );
    await applyStoredOrderCommand(database, "order-s1", { type: "confirm" }, CONFIRMED);
    await storeReceivedOrder(
      database,
      MUELLER.id,
      {
        kind: "service",
        orderId: "order-s2",
        customer: { id: MUELLER.id, name: MUELLER.name, zone: MUELLER.zone },
        services: [{ description: "Workshop" }],
        responsibleTeam: "Atlassian-Beratung",
      },
      RECEIVED,
    );
    await applyStoredOrderCommand(database, "order-s2", { type: "confirm" }, CONFIRMED);
    await applyStoredOrderCommand(database, "order-s2", { type: "cancel", reason: "Kunde hat storniert" }, CONFIRMED);

    const context = testWorkerContext(database, smtp, { now: new Date("2026-06-01T10:00:00Z") });
    expect((await deliverDueOutboxEvents(context, outboxRouting(licensingNoticeOutboxHandlers))).failed).toBe(0);
    await smtp.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.map((mail) => mail.parsed.subject)).toEqual([
      "Auftragsbestätigung AB-2026-000001 – Lizenzauftrag order-l1",
      "Auftragsbestätigung AB-2026-000002 – Dienstleistungsauftrag order-s1",
    ]);
    const mail = smtp.mails[1];
    if (mail === undefined) throw new Error("service confirmation missing");
    expect(mail.parsed.text).toContain("Unser Fachteam setzt sich zeitnah mit Ihnen in Verbindung");
    const text = await readPdfText(pdfOf(mail));
    for (const expected of ["AB-2026-000002", "PO-77", "Jira-Migration in die Cloud", "Abrechnung nach Aufwand", MUELLER.name]) expect(text).toContain(expected);
    // A service order has no record-confirmation-sent step: it stays confirmed.
    expect((await findLicenseOrder(database.db, "order-s1"))?.status).toBe("confirmed");
  });
});
