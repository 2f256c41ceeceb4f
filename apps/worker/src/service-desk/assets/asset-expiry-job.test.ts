import { findAsset, insertAsset, insertOrganization, updateAsset, type DatabaseHandle } from "@kontor/db";
import { MUELLER } from "@kontor/api/testing";
import { assetSchema, DEFAULT_TICKETING_POLICY, type Asset, type Organization } from "@kontor/ticketing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutboxEvents, outboxRouting } from "../../outbox/deliver-outbox.js";
import type { CaptureSmtpServer } from "../../testing/capture-smtp-server.js";
import { startTestWorker, type TestWorker } from "../../testing/test-worker.js";
import type { WorkerContext } from "../../worker-context.js";
import { serviceDeskOutboxHandlers } from "../index.js";
import { ASSET_EXPIRY_TOPIC } from "../service-desk-topics.js";
import { mutableTestClock, type MutableTestClock } from "../testing/mutable-test-clock.js";
import { outboxEventsOfTopic } from "../testing/service-desk-outbox.js";
import { ACCOUNT_MANAGER, CUSTOMER, seedServiceDesk } from "../testing/service-desk-fixtures.js";
import { assetExpiryJob } from "./asset-expiry-job.js";

// K11 with the default lead time of 30 days, counted in days of Europe/Berlin (the customer's zone).

const SEEDED = new Date("2026-05-01T08:00:00Z");

function asset(input: Pick<Asset, "id" | "name"> & Partial<Asset>): Asset {
  return assetSchema.parse({
    organizationId: CUSTOMER.id,
    category: "server",
    technicalData: { cpu: "2x Xeon Silver 4310", ram: "128 GB" },
    licenses: [],
    source: "goods-receipt",
    recordedAt: "2026-05-01T10:00:00+02:00",
    ...input,
  });
}

/** Host server: warranty to 2026-07-03, Windows Server license to 2026-06-30. */
const HOST = asset({
  id: "asset-hv01",
  name: "Server HV01",
  serialNumber: "CZ2301ABCD",
  warrantyEnd: "2026-07-03",
  licenses: [
    { id: "lic-ws2022", product: "Windows Server 2022 Standard", expiresOn: "2026-06-30" },
    { id: "lic-veeam", product: "Veeam Backup" },
  ],
});
/** Firewall whose warranty ended at the end of May (a month end). */
const FIREWALL = asset({ id: "asset-fw01", name: "Firewall FW01", category: "firewall", warrantyEnd: "2026-05-31" });
/** A printer without any expiry: never a candidate. */
const PRINTER = asset({ id: "asset-pr01", name: "Drucker Empfang", category: "printer" });

let worker: TestWorker;
let database: DatabaseHandle;
let smtp: CaptureSmtpServer;
let clock: MutableTestClock;
let context: WorkerContext;
const routing = outboxRouting(serviceDeskOutboxHandlers);

beforeAll(async () => {
  clock = mutableTestClock(SEEDED.toISOString());
  worker = await startTestWorker({ clock });
  ({ database, smtp, context } = worker);
  await seedServiceDesk(database, SEEDED);
  for (const record of [HOST, FIREWALL, PRINTER]) await insertAsset(database.db, record, SEEDED);
});

afterAll(() => worker.close());

async function runAt(instant: string): Promise<string[]> {
  const now = clock.set(instant);
  await assetExpiryJob.run(context, now);
  return (await outboxEventsOfTopic(database, ASSET_EXPIRY_TOPIC)).map((row) => row.dedupeKey);
}

describe("K11 asset expiry warnings", () => {
  it("K11: on 2026-06-02 (31 days before the warranty end) only the license (28 days) and the expired firewall warn", async () => {
    expect(await runAt("2026-06-02T06:00:00+02:00")).toEqual([
      "asset-expiry:warranty-expired:asset-fw01:2026-05-31",
      "asset-expiry:license-expiring:asset-hv01:lic-ws2022:2026-06-30",
    ]);
  });

  it("K11: the warranty warns at exactly 30 days, from Berlin's midnight (22:00Z the day before), not from UTC's", async () => {
    expect(await runAt("2026-06-02T23:30:00+02:00")).toHaveLength(2);
    expect((await runAt("2026-06-03T00:30:00+02:00")).slice(2)).toEqual(["asset-expiry:warranty-expiring:asset-hv01:2026-07-03"]);
  });

  it("K11: daily re-runs write no second warning", async () => {
    const keys = await runAt("2026-06-03T06:00:00+02:00");
    expect(await runAt("2026-06-03T06:00:00+02:00")).toEqual(keys);
    expect(await runAt("2026-06-10T06:00:00+02:00")).toEqual(keys);
    expect(keys).toHaveLength(3);
  });

  it("K11: each warning is mailed once to the customer's account manager", async () => {
    clock.set("2026-06-10T06:00:00+02:00");
    await deliverDueOutboxEvents(context, routing);
    await deliverDueOutboxEvents(context, routing);
    expect(smtp.mails).toHaveLength(3);
    expect(smtp.mails.every((mail) => mail.envelopeTo.join() === ACCOUNT_MANAGER.email)).toBe(true);
    const bySubject = new Map(smtp.mails.map((mail) => [mail.parsed.subject ?? "", mail.parsed.text ?? ""]));
    expect([...bySubject.keys()].sort()).toEqual([
      "Abgelaufen: Garantie von Firewall FW01 (Müller GmbH) – 31.05.2026",
      "Läuft ab: Garantie von Server HV01 (Müller GmbH) – 03.07.2026",
      "Läuft ab: Lizenz Windows Server 2022 Standard auf Server HV01 (Müller GmbH) – 30.06.2026",
    ]);
    expect(bySubject.get("Läuft ab: Garantie von Server HV01 (Müller GmbH) – 03.07.2026")).toContain("Letzter gültiger Tag: 03.07.2026 (in 30 Tagen)");
    expect(bySubject.get("Läuft ab: Garantie von Server HV01 (Müller GmbH) – 03.07.2026")).toContain("Seriennummer CZ2301ABCD");
  });

  it("K11: a renewed license (new expiry day) warns again when its new day comes near; the expired threshold is its own warning", async () => {
    const stored = await findAsset(database.db, HOST.id);
    const renewed: Asset = { ...HOST, licenses: [{ id: "lic-ws2022", product: "Windows Server 2022 Standard", expiresOn: "2027-06-30" }, { id: "lic-veeam", product: "Veeam Backup" }] };
    await updateAsset(database.db, renewed, stored?.version ?? 0, new Date("2026-06-20T08:00:00Z"));
    const keys = await runAt("2026-07-04T06:00:00+02:00");
    expect(keys.slice(3)).toEqual(["asset-expiry:warranty-expired:asset-hv01:2026-07-03"]);
    expect((await runAt("2027-06-01T06:00:00+02:00")).slice(4)).toEqual(["asset-expiry:license-expiring:asset-hv01:lic-ws2022:2027-06-30"]);
  });

  it("K11: without an account manager in the customer record, every active account manager gets the warning", async () => {
    const record: Organization = { ...MUELLER, id: "org-ohne-betreuer", name: "Ohne Betreuer KG" };
    expect(record.accountManager).toBeUndefined();
    await insertOrganization(database.db, record, SEEDED);
    await insertAsset(database.db, asset({ id: "asset-nas01", name: "NAS01", organizationId: record.id, category: "storage", warrantyEnd: "2027-06-15" }), SEEDED);
    await runAt("2027-06-01T06:00:00+02:00");
    clock.set("2027-06-01T06:00:00+02:00");
    await deliverDueOutboxEvents(context, routing);
    const mail = smtp.mails.find((candidate) => candidate.parsed.subject?.includes("NAS01") === true);
    expect(mail?.envelopeTo).toEqual([ACCOUNT_MANAGER.email]);
  });

  it("K11: the lead time is the installation's policy (configurable): with 60 days the NAS warns 45 days ahead", async () => {
    const policy = { ...DEFAULT_TICKETING_POLICY, assets: { ...DEFAULT_TICKETING_POLICY.assets, expiryLeadTimeDays: 60 } };
    const configured: WorkerContext = { ...context, settings: { ...context.settings, ticketingPolicies: [policy] } };
    await insertAsset(database.db, asset({ id: "asset-nas02", name: "NAS02", category: "storage", warrantyEnd: "2027-09-15" }), SEEDED);
    const keys = async () => (await outboxEventsOfTopic(database, ASSET_EXPIRY_TOPIC)).map((row) => row.dedupeKey).filter((key) => key.includes("asset-nas02"));
    await assetExpiryJob.run(context, clock.set("2027-08-01T06:00:00+02:00"));
    expect(await keys()).toEqual([]);
    await assetExpiryJob.run(configured, clock.set("2027-08-01T06:00:00+02:00"));
    expect(await keys()).toEqual(["asset-expiry:warranty-expiring:asset-nas02:2027-09-15"]);
  });
});
