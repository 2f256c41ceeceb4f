import { z } from "zod";

/**
 * What a pay-per-use managed service is metered by (C9): endpoint protection per protected
 * device; online backup per server plus stored volume; hosted Exchange per mailbox; mail archive
 * per mailbox plus storage.
 */
export const METERS = {
  "endpoint-protection-device": { unit: "device", description: "Managed endpoint protection, protected devices" },
  "online-backup-server": { unit: "server", description: "Managed online backup, servers" },
  "online-backup-storage-gb": { unit: "GB", description: "Managed online backup, stored volume" },
  "hosted-exchange-mailbox": { unit: "mailbox", description: "Hosted Exchange, mailboxes" },
  "mail-archive-mailbox": { unit: "mailbox", description: "Managed mail archive, mailboxes" },
  "mail-archive-storage-gb": { unit: "GB", description: "Managed mail archive, storage" },
} as const satisfies Record<string, { unit: string; description: string }>;

/** A metered quantity of a managed service (C9). */
export type Meter = keyof typeof METERS;

/** All meters in invoice order. */
export const METER_NAMES = Object.keys(METERS) as [Meter, ...Meter[]];

/** zod schema of a {@link Meter}. */
export const meterSchema = z.enum(METER_NAMES);
