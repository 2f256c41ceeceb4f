import { MUELLER } from "@kontor/api/testing";
import { insertOrganization, insertRentalSubscription, outboxEventsOf, saveInstallationPolicies, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import {
  bookAddOn,
  cancelRental,
  changeRentalQuantity,
  placeRentalOrder,
  provisionRental,
  type LicensingResult,
  type RentalSubscription,
  type RentalTransition,
} from "@kontor/licensing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import type { RentalInvoiceDuePayload } from "./rental-invoice-due-event.js";
import { rentalMonthBillingJob } from "./rental-month-billing-job.js";
import { M365_RENTAL_CATALOG } from "./testing/m365-rental-catalog.js";

const CATALOG = M365_RENTAL_CATALOG;

let database: DatabaseHandle;
let smtp: CaptureSmtpServer;

function valueOf(result: LicensingResult<RentalTransition>): RentalSubscription {
  if (!result.ok) throw new Error(result.errors.map((error) => error.code).join(", "));
  return result.value.subscription;
}

function ordered(id: string, quantity: number, asOf: string): RentalSubscription {
  return valueOf(
    placeRentalOrder(
      { subscriptionId: id, customerId: MUELLER.id, zone: MUELLER.zone, productId: "m365-business-standard", quantity, consents: { termsAndLicenseConditions: true, vendorAccountCreation: true } },
      { asOf, catalog: CATALOG },
    ),
  );
}

async function store(subscription: RentalSubscription): Promise<void> {
  await insertRentalSubscription(
    database.db,
    {
      id: subscription.subscriptionId,
      organizationId: MUELLER.id,
      productId: subscription.productId,
      status: subscription.status,
      record: JSON.parse(JSON.stringify(subscription)) as unknown,
    },
    new Date(subscription.orderedAt),
  );
}

async function runAt(instant: string): Promise<void> {
  const now = new Date(instant);
  await rentalMonthBillingJob.run(testWorkerContext(database, smtp, { now }), now);
}

async function charges(subscriptionId: string): Promise<{ key: string; payload: RentalInvoiceDuePayload }[]> {
  return (await outboxEventsOf(database.db, "rental-subscription", subscriptionId)).map((row) => ({ key: row.dedupeKey, payload: row.payload as RentalInvoiceDuePayload }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startCaptureSmtpServer();
  await insertOrganization(database.db, MUELLER, new Date("2026-01-01T00:00:00Z"));
  // M5: 18 users from 2026-02-05, 40 from 2026-03-10, 25 from 2026-03-20; 5 Teams Phone add-ons from 2026-03-12.
  let growing = ordered("R-growing", 18, "2026-02-05T10:00:00+01:00");
  growing = valueOf(provisionRental(growing, { asOf: "2026-02-06T10:00:00+01:00" }));
  growing = valueOf(changeRentalQuantity(growing, { newTotal: 40 }, { asOf: "2026-03-10T10:00:00+01:00" }));
  growing = valueOf(bookAddOn(growing, { addOnId: "teams-phone", quantity: 5 }, { asOf: "2026-03-12T10:00:00+01:00", catalog: CATALOG }));
  growing = valueOf(changeRentalQuantity(growing, { newTotal: 25 }, { asOf: "2026-03-20T10:00:00+01:00" }));
  await store(growing);
  // M4/M7: 3 users from January, cancelled 2026-02-10, so it ends 2026-02-28.
  const cancelled = valueOf(cancelRental(ordered("R-cancelled", 3, "2026-01-12T09:00:00+01:00"), { asOf: "2026-02-10T09:00:00+01:00" }));
  await store(cancelled);
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

describe("licensing.rental-month-billing (M4, M5)", () => {
  it("M5: on 2026-03-01 (Berlin) February is billed once per rental: 18 × 11.70 = 210.60 and the cancelled rental's 3 × 11.70 = 35.10", async () => {
    await runAt("2026-02-28T22:59:59.999Z");
    expect((await charges("R-growing")).map((charge) => charge.key)).toEqual([]);
    expect((await charges("R-cancelled")).map((charge) => charge.key)).toEqual(["rental-charge:R-cancelled:2026-01"]);
    await runAt("2026-02-28T23:00:00Z");
    await runAt("2026-02-28T23:00:00Z");
    await runAt("2026-03-15T03:15:00Z");
    const [february] = await charges("R-growing");
    expect(february?.key).toBe("rental-charge:R-growing:2026-02");
    expect(february?.payload).toMatchObject({
      month: "2026-02",
      organizationId: MUELLER.id,
      supplyPeriod: { start: "2026-02-01", end: "2026-02-28" },
      lines: [{ addOnId: null, description: "Microsoft 365 Business Standard", quantity: 18, amount: { amount: "210.60", currency: "EUR" } }],
      total: { amount: "210.60", currency: "EUR" },
    });
    expect((await charges("R-cancelled")).map((charge) => [charge.key, charge.payload.total.amount])).toEqual([
      ["rental-charge:R-cancelled:2026-01", "35.10"],
      ["rental-charge:R-cancelled:2026-02", "35.10"],
    ]);
  });

  it("M5: March (ends 2026-03-31T22:00Z, CEST) bills the highest quantity 40 × 11.70 = 468.00 plus 5 × 7.50 = 37.50, total 505.50; the cancelled rental nothing", async () => {
    await runAt("2026-03-31T21:59:59.999Z");
    expect(await charges("R-growing")).toHaveLength(1);
    await runAt("2026-03-31T22:00:00Z");
    await runAt("2026-04-01T03:15:00Z");
    const march = (await charges("R-growing")).find((charge) => charge.payload.month === "2026-03");
    expect(march?.key).toBe("rental-charge:R-growing:2026-03");
    expect(march?.payload.lines.map((line) => [line.description, line.quantity, line.amount.amount])).toEqual([
      ["Microsoft 365 Business Standard", 40, "468.00"],
      ["Teams Phone Standard", 5, "37.50"],
    ]);
    expect(march?.payload.total).toEqual({ amount: "505.50", currency: "EUR" });
    expect(await charges("R-cancelled")).toHaveLength(2);
  });

  it("M5: April bills the 25 users held all month (25 × 11.70 = 292.50 + 37.50 = 330.00)", async () => {
    await runAt("2026-05-01T03:15:00Z");
    const april = (await charges("R-growing")).find((charge) => charge.payload.month === "2026-04");
    expect(april?.payload.total).toEqual({ amount: "330.00", currency: "EUR" });
    expect(await charges("R-growing")).toHaveLength(3);
  });

  it("P1: a stored licensing policy set that no longer parses fails the run naming the field, instead of billing May under the shipped defaults", async () => {
    await saveInstallationPolicies(database.db, "licensing", { policies: { rental: [{ id: "broken", vendorId: "microsoft" }] }, updatedBy: "staff-admin" }, 0, new Date("2026-05-31T12:00:00Z"));
    try {
      await expect(runAt("2026-06-01T03:15:00Z")).rejects.toThrow(/licensing policies \(version 1\) are invalid at rental\.0\./);
      expect(await charges("R-growing")).toHaveLength(3);
    } finally {
      await database.query("DELETE FROM installation_policies WHERE domain = 'licensing'");
    }
  });
});
