import { TICKET_MAIL_SETTINGS } from "@kontor/api";
import type { OutgoingMailSettings } from "@kontor/ticketing";

/** Settings every job reads: the installation's zone and who our mail comes from. */
export interface WorkerSettings {
  /** Zone of month ends, day boundaries and cron schedules (P2: explicit, never the machine's). */
  readonly zone: string;
  /** Sender and Message-ID domain of our mail (K2, K4, K6). */
  readonly mail: OutgoingMailSettings;
}

/** The installation's settings (seed 004's service desk). */
export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  zone: "Europe/Berlin",
  mail: TICKET_MAIL_SETTINGS,
};
