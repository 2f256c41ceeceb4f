import { toEpochDay } from "@kontor/calendar";
import { DEFAULT_TICKETING_POLICIES } from "../policies/default-ticketing-policies.js";
import { policyInForce } from "../policies/policy-in-force.js";
import type { TicketingPolicy } from "../policies/ticketing-policy.js";
import { ok, type Result } from "../errors/result.js";
import { DEFAULT_ZONE, localDate, toEpochMs, type Instant } from "../time/instant.js";
import type { Asset } from "./asset.js";

/** K11: a warranty or license runs out soon (within the lead time) or has run out. */
export interface ExpiryEvent {
  readonly type: "warranty-expiring" | "warranty-expired" | "license-expiring" | "license-expired";
  readonly organizationId: string;
  readonly assetId: string;
  readonly licenseId?: string;
  /** The last valid day. */
  readonly expiresOn: string;
  /** Days from today (in the zone) to `expiresOn`; negative once expired. */
  readonly daysLeft: number;
  /** One key per asset/license, kind and expiry date: a renewal with a new date warns again. */
  readonly dedupeKey: string;
}

/**
 * Warranty and license expiry warnings (K11) as of `asOf`: `…-expiring` when the last valid day is
 * within the lead time (policy, default 30 days), `…-expired` after it. Pure; the app emits each
 * `dedupeKey` once.
 *
 * @param assets the assets to check
 * @param asOf evaluation instant
 * @param zone zone whose "today" counts (default `Europe/Berlin`)
 * @param policies policies (default: the shipped ones)
 */
export function expiryWarnings(
  assets: readonly Asset[],
  asOf: Instant,
  zone: string = DEFAULT_ZONE,
  policies: readonly TicketingPolicy[] = DEFAULT_TICKETING_POLICIES,
): Result<ExpiryEvent[]> {
  const asOfMs = toEpochMs(asOf);
  const policy = policyInForce(policies, asOfMs);
  if (!policy.ok) return policy;
  const lead = policy.value.assets.expiryLeadTimeDays;
  const today = toEpochDay(localDate(asOfMs, zone));
  const events: ExpiryEvent[] = [];
  const check = (subject: "warranty" | "license", asset: Asset, expiresOn: string, licenseId?: string): void => {
    const daysLeft = toEpochDay(expiresOn) - today;
    if (daysLeft > lead) return;
    const type = daysLeft < 0 ? (`${subject}-expired` as const) : (`${subject}-expiring` as const);
    events.push({
      type,
      organizationId: asset.organizationId,
      assetId: asset.id,
      ...(licenseId === undefined ? {} : { licenseId }),
      expiresOn,
      daysLeft,
      dedupeKey: `${type}:${asset.id}${licenseId === undefined ? "" : `:${licenseId}`}:${expiresOn}`,
    });
  };
  for (const asset of assets) {
    if (asset.warrantyEnd !== undefined) check("warranty", asset, asset.warrantyEnd);
    for (const license of asset.licenses) if (license.expiresOn !== undefined) check("license", asset, license.expiresOn, license.id);
  }
  return ok(events.sort((a, b) => a.daysLeft - b.daysLeft || (a.dedupeKey < b.dedupeKey ? -1 : 1)));
}
