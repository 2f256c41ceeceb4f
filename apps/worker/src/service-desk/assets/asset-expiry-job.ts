import { installationTicketingPolicies } from "@kontor/api";
import { appendToOutbox, assetsExpiringBy, findOrganizationsById, type OutboxEvent } from "@kontor/db";
import { expiryWarnings, policyInForce, type Asset, type Organization } from "@kontor/ticketing";
import { DateTime } from "luxon";
import type { ScheduledJob } from "../../jobs/scheduled-job.js";
import type { WorkerContext } from "../../worker-context.js";
import { ASSET_EXPIRY_TOPIC } from "../service-desk-topics.js";
import type { AssetExpiryAlert } from "./asset-expiry-alert.js";

/**
 * K11: every morning, writes one outbox event per asset (or linked license), kind and threshold
 * whose warranty or license runs out within the lead time (the installation's stored policy, P1;
 * default 30 days: `…-expiring`) or has run out (`…-expired`), counted in days of the customer's
 * zone. The dedupe key is `asset-expiry:` plus `expiryWarnings`' key (kind, asset, license,
 * expiry day), so daily re-runs write nothing new and a renewal with a new day warns again. Four
 * statements per run: the stored ticketing policies, the candidate assets (earliest expiry within
 * the lead time), their organizations, one insert.
 */
export const assetExpiryJob: ScheduledJob = {
  name: "service-desk.asset-expiry-warnings",
  cron: "0 6 * * *",
  expireInSeconds: 600,
  async run(context: WorkerContext, now: Date) {
    // P1: the lead time of the installation's stored ticketing policies, read once per run; the
    // worker's settings (KONTOR_ASSET_EXPIRY_LEAD_DAYS) only while none are stored. A stored set
    // that no longer parses fails the run (TICKETING_POLICIES_INVALID) rather than warn at
    // another lead time.
    const { serviceDesk: policies } = await installationTicketingPolicies(context.database.db, context.settings.ticketingPolicies);
    const policy = policyInForce(policies, now.getTime());
    if (!policy.ok) throw new Error(`no ticketing policy in force at ${now.toISOString()}`);
    // One day of margin: customers east of the installation's zone are a day ahead.
    const lastDay = DateTime.fromJSDate(now, { zone: context.settings.zone }).plus({ days: policy.value.assets.expiryLeadTimeDays + 1 }).toISODate() ?? "";
    const db = context.database.db;
    const rows = await assetsExpiringBy(db, lastDay);
    const organizations = await findOrganizationsById(db, rows.map((row) => row.organizationId));

    // expiryWarnings counts days in one zone: group the assets by their customer's zone.
    const assetsByZone = new Map<string, Asset[]>();
    for (const row of rows) {
      const organization = organizations.get(row.organizationId)?.record as Organization | undefined;
      const zone = organization?.zone ?? context.settings.zone;
      assetsByZone.set(zone, [...(assetsByZone.get(zone) ?? []), row.record as Asset]);
    }
    const events: OutboxEvent[] = [];
    for (const [zone, assets] of assetsByZone) {
      const warnings = expiryWarnings(assets, now.toISOString(), zone, policies);
      if (!warnings.ok) throw new Error(`K11 expiry warnings failed: ${warnings.errors.map((error) => error.message).join("; ")}`);
      const assetById = new Map(assets.map((asset) => [asset.id, asset]));
      for (const warning of warnings.value) {
        const asset = assetById.get(warning.assetId);
        if (asset === undefined) continue;
        const organization = organizations.get(asset.organizationId)?.record as Organization | undefined;
        const license = warning.licenseId === undefined ? undefined : asset.licenses.find((candidate) => candidate.id === warning.licenseId);
        const alert: AssetExpiryAlert = {
          type: warning.type,
          organizationId: asset.organizationId,
          organizationName: organization?.name ?? asset.organizationId,
          assetId: asset.id,
          assetName: asset.name,
          ...(asset.serialNumber === undefined ? {} : { serialNumber: asset.serialNumber }),
          ...(license === undefined ? {} : { licenseId: license.id, licenseProduct: license.product }),
          expiresOn: warning.expiresOn,
          daysLeft: warning.daysLeft,
        };
        events.push({ topic: ASSET_EXPIRY_TOPIC, aggregateType: "asset", aggregateId: asset.id, dedupeKey: `asset-expiry:${warning.dedupeKey}`, payload: alert });
      }
    }
    await appendToOutbox(db, events, now);
    return { assets: rows.length, warnings: events.length };
  },
};
