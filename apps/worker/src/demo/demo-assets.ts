import { insertAsset, insertMaintenancePlan, type Executor } from "@kontor/db";
import { assetSchema, maintenancePlanSchema, type Asset, type MaintenancePlan } from "@kontor/ticketing";
import type { DemoTimeline } from "./demo-timeline.js";

/** What {@link seedDemoAssets} stored. */
export interface DemoAssets {
  readonly assetIds: readonly string[];
  readonly planIds: readonly string[];
}

/**
 * Müller GmbH's assets and maintenance plan (K9, K11), relative to the demo's today: a firewall
 * whose UTM subscription runs out in 20 days (inside the 30-day lead time, so the first start
 * sends the expiry warning), a NAS under warranty for more than a year, and a monthly backup
 * check first due in a week (no ticket yet; the nightly job opens it on the day).
 */
export async function seedDemoAssets(tx: Executor, timeline: DemoTimeline, muellerId: string): Promise<DemoAssets> {
  const recordedAt = timeline.at(timeline.previousMonthStart, 10).toISOString();
  const assets: Asset[] = [
    assetSchema.parse({
      id: "demo-asset-firewall",
      organizationId: muellerId,
      name: "Firewall Zentrale",
      category: "firewall",
      serialNumber: "FGT60F-4711",
      technicalData: { model: "FortiGate 60F", firmware: "7.4.3" },
      purchaseDate: timeline.day(-340),
      warrantyEnd: timeline.day(390),
      licenses: [{ id: "demo-lic-utm", product: "FortiGuard UTM Bundle", expiresOn: timeline.day(20) }],
      source: "goods-receipt",
      recordedAt,
    }),
    assetSchema.parse({
      id: "demo-asset-nas",
      organizationId: muellerId,
      name: "NAS Backup",
      category: "storage",
      serialNumber: "DS923-0815",
      technicalData: { model: "Synology DS923+", capacity: "4 × 8 TB, RAID 5" },
      purchaseDate: timeline.day(-200),
      warrantyEnd: timeline.day(530),
      licenses: [],
      source: "goods-receipt",
      recordedAt,
    }),
  ];
  const plans: MaintenancePlan[] = [
    maintenancePlanSchema.parse({
      id: "demo-plan-backup",
      organizationId: muellerId,
      source: "maintenance-plan",
      title: "Backup-Prüfung NAS",
      checklist: ["Rücksicherung einer Datei testen", "Speicherplatz und RAID-Status prüfen"],
      recurrence: { unit: "month", interval: 1 },
      firstDue: timeline.day(7),
      active: true,
    }),
  ];
  for (const asset of assets) await insertAsset(tx, asset, timeline.now);
  for (const plan of plans) await insertMaintenancePlan(tx, plan, timeline.now);
  return { assetIds: assets.map((asset) => asset.id), planIds: plans.map((plan) => plan.id) };
}
