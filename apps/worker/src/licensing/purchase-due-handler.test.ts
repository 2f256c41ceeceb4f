import { MUELLER } from "@kontor/api/testing";
import { appendToOutbox, findLicenseOrder, insertOrganization, listLicenses, outboxEventsOf, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../outbox/deliver-outbox.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { PURCHASE_DUE_TOPIC, purchaseDueHandler } from "./purchase-due-handler.js";
import { storeDueLicenseOrder } from "./testing/due-license-order.js";
import { storeTestCatalog } from "./testing/stored-test-catalog.js";

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;
const routing = outboxRouting([purchaseDueHandler]);

/** The `purchase-due` event of a stored due order, as recording its confirmation writes it. */
async function purchaseDueEvent(orderId: string, at: Date): Promise<void> {
  await appendToOutbox(database.db, [{ topic: PURCHASE_DUE_TOPIC, aggregateType: "license-order", aggregateId: orderId, dedupeKey: `test:${orderId}:purchase-due`, payload: { type: "purchase-due", orderId, dueOn: "2026-06-15" } }], at);
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
  await storeTestCatalog(database);
  await storeDueLicenseOrder(database, "order-cloud", { lineId: "1", productId: "confluence-cloud", userTier: 100, action: "new", siteUrl: "https://mueller.atlassian.net" });
  await storeDueLicenseOrder(database, "order-no-contact", { lineId: "1", productId: "jira-dc", userTier: 500, action: "new" }, { technicalContact: false });
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing.purchase-due on delivery (L3)", () => {
  it("L3: on 2026-06-15 at 09:05 Berlin the order is purchased as soon as its event is delivered, not at the next 07:00 run; a redelivery buys nothing twice", async () => {
    const now = new Date("2026-06-15T07:05:00Z");
    const context = testWorkerContext(database, smtp, { now });
    await purchaseDueEvent("order-cloud", now);
    await deliverDueOutboxEvents(context, routing);
    // L5: cloud lines only: purchased and delivered at once, with the license's first term (L15).
    expect((await findLicenseOrder(database.db, "order-cloud"))?.status).toBe("delivered");
    const licenses = (await listLicenses(database.db, { limit: 10 })).items;
    expect(licenses.map((row) => [row.id, (row.record as { term: unknown }).term])).toEqual([["order-cloud-1", { from: "2026-06-15", to: "2027-06-15" }]]);
    // A second purchase-due event (redelivery, a replayed command) finds the order purchased.
    await appendToOutbox(database.db, [{ topic: PURCHASE_DUE_TOPIC, aggregateType: "license-order", aggregateId: "order-cloud", dedupeKey: "test:order-cloud:again", payload: {} }], now);
    const topics = (await outboxEventsOf(database.db, "license-order", "order-cloud")).map((row) => row.topic);
    expect(topics).toContain("licensing.invoice-due");
    await deliverDueOutboxEvents(context, routing);
    expect((await outboxEventsOf(database.db, "license-order", "order-cloud")).map((row) => row.topic)).toEqual(topics);
    expect((await listLicenses(database.db, { limit: 10 })).items).toHaveLength(1);
  });

  it("L3, L4: an order the package refuses (no technical contact) stays due for staff, and the event is done", async () => {
    const now = new Date("2026-06-15T07:10:00Z");
    await purchaseDueEvent("order-no-contact", now);
    await deliverDueOutboxEvents(testWorkerContext(database, smtp, { now }), routing);
    expect((await findLicenseOrder(database.db, "order-no-contact"))?.status).toBe("purchase-due");
    expect((await outboxEventsOf(database.db, "license-order", "order-no-contact")).filter((row) => row.deliveredAt === null && row.topic === PURCHASE_DUE_TOPIC)).toEqual([]);
  });
});
