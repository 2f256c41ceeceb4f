import type { IsoDate } from "@kontor/calendar";
import type { LicenseRow, OutboxEvent } from "@kontor/db";
import type { RenewalReminderThreshold } from "./renewal-reminder-schedule.js";

/** Outbox topic of a renewal reminder mail. */
export const RENEWAL_REMINDER_TOPIC = "licensing.renewal-reminder-mail";

/** What the reminder mail needs, frozen when the reminder fell due. */
export interface RenewalReminderPayload {
  readonly licenseId: string;
  readonly organizationId: string;
  readonly threshold: RenewalReminderThreshold;
  /** The day after the last covered day (L15). */
  readonly termEnd: IsoDate;
  readonly productId: string;
  readonly productName: string | null;
  readonly billingModel: string;
  readonly edition: string;
  readonly userTier: number | null;
  readonly sen: string | null;
  readonly siteUrl: string | null;
}

/** The license fields of a stored license record (`licenses.record`) the reminder shows. */
interface StoredLicenseRecord {
  readonly productName?: string;
  readonly billingModel?: string;
  readonly userTier?: number;
  readonly sen?: string | null;
  readonly siteUrl?: string | null;
}

/**
 * Dedupe key of a reminder: one per license, threshold and term end. A renewed license has a
 * new term end, so its next reminders are new events.
 */
export function renewalReminderDedupeKey(licenseId: string, threshold: RenewalReminderThreshold, termEnd: IsoDate): string {
  return `renewal-reminder:${licenseId}:${threshold}:${termEnd}`;
}

/** The outbox event of one due renewal reminder of `license`. */
export function renewalReminderEvent(license: LicenseRow, threshold: RenewalReminderThreshold, termEnd: IsoDate): OutboxEvent {
  const record = license.record as StoredLicenseRecord;
  const payload: RenewalReminderPayload = {
    licenseId: license.id,
    organizationId: license.organizationId,
    threshold,
    termEnd,
    productId: license.productId,
    productName: record.productName ?? null,
    billingModel: record.billingModel ?? "perpetual-maintenance",
    edition: license.edition,
    userTier: record.userTier ?? null,
    sen: record.sen ?? null,
    siteUrl: record.siteUrl ?? null,
  };
  return {
    topic: RENEWAL_REMINDER_TOPIC,
    aggregateType: "license",
    aggregateId: license.id,
    dedupeKey: renewalReminderDedupeKey(license.id, threshold, termEnd),
    payload,
  };
}
