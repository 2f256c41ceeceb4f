import { MUELLER } from "@kontor/api/testing";
import { findRentalSubscription, insertOrganization, insertRentalSubscription, outboxEventsOf, updateRentalSubscription, type DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import {
  changeRentalQuantity,
  placeRentalOrder,
  provisionRental,
  type LicensingResult,
  type RentalSubscription,
  type RentalTransition,
} from "@kontor/licensing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSummary } from "../jobs/scheduled-job.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "../testing/capture-smtp-server.js";
import { testWorkerContext } from "../testing/test-worker-context.js";
import type { RentalInvoiceDuePayload } from "./rental-invoice-due-event.js";
import { RENTAL_BILLING_LOOKBACK_MONTHS, rentalMonthBillingJob } from "./rental-month-billing-job.js";
import { M365_RENTAL_CATALOG } from "./testing/m365-rental-catalog.js";

// Microsoft 365 Business Standard: 11.70 EUR per user and month (M365_RENTAL_CATALOG).

let smtp: CaptureSmtpServer;

function valueOf(result: LicensingResult<RentalTransition>): RentalSubscription {
  if (!result.ok) throw new Error(result.errors.map((error) => error.code).join(", "));
  return result.value.subscription;
}

/** A rental of `quantity` users ordered (M4: starting the 1st of that month in Berlin) and provisioned the same day. */
function rented(id: string, quantity: number, orderedAt: string): RentalSubscription {
  const placed = valueOf(
    placeRentalOrder(
      { subscriptionId: id, customerId: MUELLER.id, zone: MUELLER.zone, productId: "m365-business-standard", quantity, consents: { termsAndLicenseConditions: true, vendorAccountCreation: true } },
      { asOf: orderedAt, catalog: M365_RENTAL_CATALOG },
    ),
  );
  return valueOf(provisionRental(placed, { asOf: orderedAt }));
}

function storedRecord(subscription: RentalSubscription): unknown {
  return JSON.parse(JSON.stringify(subscription)) as unknown;
}

async function store(database: DatabaseHandle, subscription: RentalSubscription): Promise<void> {
  await insertRentalSubscription(
    database.db,
    { id: subscription.subscriptionId, organizationId: MUELLER.id, productId: subscription.productId, status: subscription.status, record: storedRecord(subscription) },
    new Date(subscription.orderedAt),
  );
}

/** Stores the rental's next state, as the API's rental commands do. */
async function restore(database: DatabaseHandle, subscription: RentalSubscription, at: string): Promise<void> {
  const row = await findRentalSubscription(database.db, subscription.subscriptionId);
  if (row === undefined) throw new Error(`${subscription.subscriptionId} not stored`);
  const updated = await updateRentalSubscription(database.db, row.id, { status: subscription.status, record: storedRecord(subscription) }, row.version, new Date(at));
  if (updated === undefined) throw new Error(`${subscription.subscriptionId} changed meanwhile`);
}

async function runAt(database: DatabaseHandle, instant: string): Promise<JobSummary> {
  const now = new Date(instant);
  return rentalMonthBillingJob.run(testWorkerContext(database, smtp, { now }), now);
}

/** The rental's invoice-due events as [dedupe key, month, billed quantity, total EUR], in the order written. */
async function charges(database: DatabaseHandle, subscriptionId: string): Promise<[string, string, number | undefined, string][]> {
  return (await outboxEventsOf(database.db, "rental-subscription", subscriptionId)).map((row) => {
    const payload = row.payload as RentalInvoiceDuePayload;
    expect(payload.total.currency).toBe("EUR");
    return [row.dedupeKey, payload.month, payload.lines[0]?.quantity, payload.total.amount];
  });
}

async function outboxSize(database: DatabaseHandle): Promise<number> {
  const { rows } = await database.query<{ count: string }>("SELECT count(*)::text AS count FROM outbox");
  return Number(rows[0]?.count);
}

beforeAll(async () => {
  smtp = await startCaptureSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

describe("licensing.rental-month-billing after the worker was down across month ends (M4, M5)", () => {
  let database: DatabaseHandle;
  // 10 users from 2026-01-01 (Berlin); changed to 8 on 2026-02-10 and to 12 on 2026-03-20.
  let january = rented("R-january", 10, "2026-01-01T09:00:00+01:00");

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, MUELLER, new Date("2025-12-01T00:00:00Z"));
    await store(database, january);
  });

  afterAll(async () => {
    await database.close();
  });

  it("M5: the run on 2026-02-02 bills January, 10 × 11.70 = 117.00", async () => {
    const summary = await runAt(database, "2026-02-02T02:15:00Z");
    expect(await charges(database, "R-january")).toEqual([["rental-charge:R-january:2026-01", "2026-01", 10, "117.00"]]);
    expect(summary).toMatchObject({ rentals: 1, monthsInWindow: 1, monthsBilledBefore: 0, chargesDue: 1 });
  });

  it("M5, M4: the next run, on 2026-04-03, bills February (highest quantity 10: 117.00) and March (highest 12: 140.40) each as of its own month; a rental started 2026-03-10 gets only March (5 × 11.70 = 58.50)", async () => {
    january = valueOf(changeRentalQuantity(january, { newTotal: 8 }, { asOf: "2026-02-10T10:00:00+01:00" }));
    await restore(database, january, "2026-02-10T09:00:00Z");
    january = valueOf(changeRentalQuantity(january, { newTotal: 12 }, { asOf: "2026-03-20T10:00:00+01:00" }));
    await restore(database, january, "2026-03-20T09:00:00Z");
    // M4: ordered on 10 March, the rental starts on 1 March; no month before it is billed.
    await store(database, rented("R-march", 5, "2026-03-10T11:00:00+01:00"));

    const summary = await runAt(database, "2026-04-03T01:15:00Z");
    expect(await charges(database, "R-january")).toEqual([
      ["rental-charge:R-january:2026-01", "2026-01", 10, "117.00"],
      ["rental-charge:R-january:2026-02", "2026-02", 10, "117.00"],
      ["rental-charge:R-january:2026-03", "2026-03", 12, "140.40"],
    ]);
    expect(await charges(database, "R-march")).toEqual([["rental-charge:R-march:2026-03", "2026-03", 5, "58.50"]]);
    // January was found written in the one lookup and not charged again.
    expect(summary).toMatchObject({ rentals: 2, monthsInWindow: 4, monthsBilledBefore: 1, monthsWithoutCharge: 0, chargesDue: 3 });

    const written = await outboxSize(database);
    const again = await runAt(database, "2026-04-03T09:00:00Z");
    expect(await outboxSize(database)).toBe(written);
    expect(again).toMatchObject({ rentals: 2, monthsInWindow: 4, monthsBilledBefore: 4, chargesDue: 0 });
  });
});

describe("licensing.rental-month-billing: month ends in the customer's zone and the look-back (M4, M5)", () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertOrganization(database.db, MUELLER, new Date("2022-12-01T00:00:00Z"));
    await store(database, rented("R-winter", 2, "2026-01-20T10:00:00+01:00"));
  });

  afterAll(async () => {
    await database.close();
  });

  it("M4: at 2026-03-31T21:59:59Z (23:59:59 CEST) March is still running: the first run bills January and February (2 × 11.70 = 23.40 each); at 22:30Z it is April in Berlin and March is billed", async () => {
    await runAt(database, "2026-03-31T21:59:59Z");
    expect(await charges(database, "R-winter")).toEqual([
      ["rental-charge:R-winter:2026-01", "2026-01", 2, "23.40"],
      ["rental-charge:R-winter:2026-02", "2026-02", 2, "23.40"],
    ]);
    await runAt(database, "2026-03-31T22:30:00Z");
    expect((await charges(database, "R-winter")).map(([key]) => key)).toEqual([
      "rental-charge:R-winter:2026-01",
      "rental-charge:R-winter:2026-02",
      "rental-charge:R-winter:2026-03",
    ]);
  });

  it(`M5: a rental started in January 2023, billed for the first time on 2026-04-03, gets the last ${String(RENTAL_BILLING_LOOKBACK_MONTHS)} months (April 2024 to March 2026), never earlier; the next month's run adds only April`, async () => {
    await store(database, rented("R-2023", 1, "2023-01-16T10:00:00+01:00"));
    const summary = await runAt(database, "2026-04-03T01:15:00Z");
    const keys = (await charges(database, "R-2023")).map(([key]) => key);
    expect(keys).toHaveLength(RENTAL_BILLING_LOOKBACK_MONTHS);
    expect([keys[0], keys.at(-1)]).toEqual(["rental-charge:R-2023:2024-04", "rental-charge:R-2023:2026-03"]);
    // R-winter's three months were found written.
    expect(summary).toMatchObject({ rentals: 2, monthsInWindow: RENTAL_BILLING_LOOKBACK_MONTHS + 3, monthsBilledBefore: 3, chargesDue: RENTAL_BILLING_LOOKBACK_MONTHS });

    const next = await runAt(database, "2026-05-02T01:15:00Z");
    const later = (await charges(database, "R-2023")).map(([key]) => key);
    expect(later.slice(RENTAL_BILLING_LOOKBACK_MONTHS)).toEqual(["rental-charge:R-2023:2026-04"]);
    expect(later.filter((key) => key < "rental-charge:R-2023:2024-04")).toEqual([]);
    // The window moved by one month: 2024-05 to 2026-04 for R-2023, 2026-01 to 2026-04 for R-winter.
    expect(next).toMatchObject({ monthsInWindow: RENTAL_BILLING_LOOKBACK_MONTHS + 4, monthsBilledBefore: RENTAL_BILLING_LOOKBACK_MONTHS - 1 + 3, chargesDue: 2 });
  });
});
