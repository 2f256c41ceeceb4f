import { MUELLER } from "@kontor/api/testing";
import { findLicenseOrder, insertOrganization, listLicenses, outboxEventsOf, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import type { LicenseOrderLineInput } from "@kontor/licensing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import { licensePurchaseJob } from "./license-purchase-job.js";
import { storeDueLicenseOrder } from "./testing/due-license-order.js";
import { storeTestCatalog } from "./testing/stored-test-catalog.js";


let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

/** {@link storeDueLicenseOrder}, with or without a technical contact. */
async function dueOrder(orderId: string, line: LicenseOrderLineInput, withContact: boolean): Promise<void> {
  await storeDueLicenseOrder(database, orderId, line, { technicalContact: withContact });
}

async function runAt(instant: string): Promise<Record<string, unknown>> {
  const now = new Date(instant);
  return licensePurchaseJob.run(testWorkerContext(database, smtp, { now }), now);
}

async function topics(orderId: string): Promise<string[]> {
  return (await outboxEventsOf(database.db, "license-order", orderId)).map((row) => row.topic);
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
  await storeTestCatalog(database);
  await dueOrder("order-dc", { lineId: "1", productId: "jira-dc", userTier: 500, action: "new" }, true);
  await dueOrder("order-cloud", { lineId: "1", productId: "confluence-cloud", userTier: 100, action: "new", siteUrl: "https://mueller.atlassian.net" }, true);
  await dueOrder("order-no-contact", { lineId: "1", productId: "jira-dc", userTier: 500, action: "new" }, false);
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing.purchase-due-orders (L3–L5)", () => {
  it("L3: nothing is purchased before the requested day 2026-06-15 in Berlin (2026-06-14T21:59:59.999Z)", async () => {
    expect(await runAt("2026-06-14T21:59:59.999Z")).toMatchObject({ "not-due": 3, purchased: 0 });
    expect((await findLicenseOrder(database.db, "order-dc"))?.status).toBe("purchase-due");
    expect(await topics("order-dc")).toEqual([]);
  });

  it("L3, L5: on the requested day the Data Center order is purchased with the invoice due; the cloud order is delivered at once with its license", async () => {
    expect(await runAt("2026-06-14T22:00:00Z")).toMatchObject({ purchased: 1, "purchased-and-delivered": 1, refused: 1, refusedOrders: ["order-no-contact"] });
    expect((await findLicenseOrder(database.db, "order-dc"))?.status).toBe("purchased");
    expect(await topics("order-dc")).toEqual(["licensing.invoice-due"]);
    const invoiceDue = (await outboxEventsOf(database.db, "license-order", "order-dc"))[0]?.payload as { dueBy: string; total: { amount: string } };
    // L5: the invoice within 1 day of the purchase.
    expect(invoiceDue.dueBy).toBe("2026-06-16");
    expect(invoiceDue.total.amount).toBe("21000");

    expect((await findLicenseOrder(database.db, "order-cloud"))?.status).toBe("delivered");
    expect(await topics("order-cloud")).toEqual(["licensing.invoice-due", "licensing.delivery-note-to-send"]);
    const licenses = (await listLicenses(database.db, { limit: 10 })).items;
    expect(licenses.map((row) => [row.id, row.productId, row.keySealed])).toEqual([["order-cloud-1", "confluence-cloud", null]]);
    // L15: the cloud annual subscription runs 12 months from the purchase day in Berlin.
    expect((licenses[0]?.record as { term: unknown }).term).toEqual({ from: "2026-06-15", to: "2027-06-15" });
  });

  it("L4: an order without technical contact is refused and stays due; a second run purchases nothing twice", async () => {
    expect(await runAt("2026-06-15T07:00:00Z")).toMatchObject({ purchased: 0, "purchased-and-delivered": 0, refused: 1, refusedOrders: ["order-no-contact"] });
    expect((await findLicenseOrder(database.db, "order-no-contact"))?.status).toBe("purchase-due");
    expect(await topics("order-dc")).toHaveLength(1);
    expect(await topics("order-cloud")).toHaveLength(2);
    expect((await listLicenses(database.db, { limit: 10 })).items).toHaveLength(1);
  });
});
