import { insertAsset, saveInstallationPolicies, type DatabaseHandle } from "@kontor/db";
import { assetSchema, DEFAULT_TICKETING_POLICY, type Asset, type TicketingPolicy } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../../testing/test-worker.js";
import { workerSettingsFromEnvironment } from "../../worker-settings.js";
import { ASSET_EXPIRY_TOPIC } from "../service-desk-topics.js";
import { mutableTestClock, type MutableTestClock } from "../testing/mutable-test-clock.js";
import { outboxEventsOfTopic } from "../testing/service-desk-outbox.js";
import { CUSTOMER, seedServiceDesk } from "../testing/service-desk-fixtures.js";
import { assetExpiryJob } from "./asset-expiry-job.js";

/**
 * P1, K11: the asset-expiry job warns at the lead time of the installation's stored ticketing
 * policies; the worker's settings (here `KONTOR_ASSET_EXPIRY_LEAD_DAYS=14`) apply only while none
 * are stored. The stored set warns 60 days ahead (shipped: 30). Days count in Europe/Berlin.
 */
const STORED: TicketingPolicy = { ...DEFAULT_TICKETING_POLICY, assets: { expiryLeadTimeDays: 60 } };

const SEEDED = new Date("2027-01-04T08:00:00Z");

function server(id: string, warrantyEnd: string): Asset {
  return assetSchema.parse({
    id,
    name: `Server ${id}`,
    organizationId: CUSTOMER.id,
    category: "server",
    technicalData: {},
    licenses: [],
    source: "goods-receipt",
    recordedAt: "2027-01-04T09:00:00+01:00",
    warrantyEnd,
  });
}

let worker: TestWorker;
let database: DatabaseHandle;
let clock: MutableTestClock;

beforeAll(async () => {
  clock = mutableTestClock(SEEDED.toISOString());
  worker = await startTestWorker({ clock, settings: { ticketingPolicies: workerSettingsFromEnvironment({ KONTOR_ASSET_EXPIRY_LEAD_DAYS: "14" }).ticketingPolicies } });
  database = worker.database;
  await seedServiceDesk(database, SEEDED);
  // From 2027-09-01: 14, 49 and 61 days left.
  for (const record of [server("srv-14", "2027-09-15"), server("srv-49", "2027-10-20"), server("srv-61", "2027-11-01")]) await insertAsset(database.db, record, SEEDED);
});

afterAll(() => worker.close());

async function runAt(instant: string): Promise<string[]> {
  await assetExpiryJob.run(worker.context, clock.set(instant));
  return (await outboxEventsOfTopic(database, ASSET_EXPIRY_TOPIC)).map((row) => row.dedupeKey).sort();
}

describe("K11 asset expiry with the installation's stored ticketing policies (P1)", () => {
  it("P1, K11: while none are stored, the worker's 14 days apply: on 2027-09-01 only the warranty 14 days ahead warns, not the one 49 days ahead", async () => {
    expect(await runAt("2027-09-01T06:00:00+02:00")).toEqual(["asset-expiry:warranty-expiring:srv-14:2027-09-15"]);
  });

  it("P1, K11: once 60 days are stored they replace the settings: the same run also warns 49 days ahead, and 61 days ahead only from the next day (60 days)", async () => {
    const saved = await saveInstallationPolicies(database.db, "ticketing", { policies: { serviceDesk: [STORED] }, updatedBy: "staff-admin" }, 0, SEEDED);
    expect(saved?.version).toBe(1);
    expect(await runAt("2027-09-01T06:00:00+02:00")).toEqual(["asset-expiry:warranty-expiring:srv-14:2027-09-15", "asset-expiry:warranty-expiring:srv-49:2027-10-20"]);
    expect(await runAt("2027-09-02T06:00:00+02:00")).toEqual([
      "asset-expiry:warranty-expiring:srv-14:2027-09-15",
      "asset-expiry:warranty-expiring:srv-49:2027-10-20",
      "asset-expiry:warranty-expiring:srv-61:2027-11-01",
    ]);
  });

  it("P1: a stored set that no longer parses fails the run (TICKETING_POLICIES_INVALID) instead of warning at the settings' 14 days", async () => {
    await database.query("UPDATE installation_policies SET policies = jsonb_set(policies, '{serviceDesk,0,assets,expiryLeadTimeDays}', '0'::jsonb) WHERE domain = 'ticketing'");
    const failed = assetExpiryJob.run(worker.context, clock.set("2027-09-03T06:00:00+02:00"));
    await expect(failed).rejects.toMatchObject({ code: "TICKETING_POLICIES_INVALID" });
    await expect(failed).rejects.toThrow(/serviceDesk\.0\.assets\.expiryLeadTimeDays/);
    expect(await outboxEventsOfTopic(database, ASSET_EXPIRY_TOPIC)).toHaveLength(3);
  });
});
