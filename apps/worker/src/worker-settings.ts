import { TICKET_MAIL_SETTINGS } from "@kontor/api";
import { DEFAULT_TICKETING_POLICIES, DEFAULT_TICKETING_POLICY, type OutgoingMailSettings, type TicketingPolicy } from "@kontor/ticketing";

/** Settings every job reads: the installation's zone, who our mail comes from, the ticketing policies. */
export interface WorkerSettings {
  /** Zone of month ends, day boundaries and cron schedules (P2: explicit, never the machine's). */
  readonly zone: string;
  /** Sender and Message-ID domain of our mail (K2, K4, K6). */
  readonly mail: OutgoingMailSettings;
  /** The ticketing policies mail intake decides by, oldest first (P1: the one in force at receipt applies). */
  readonly ticketingPolicies: readonly TicketingPolicy[];
}

/** The installation's settings (seed 004's service desk). */
export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  zone: "Europe/Berlin",
  mail: TICKET_MAIL_SETTINGS,
  ticketingPolicies: DEFAULT_TICKETING_POLICIES,
};

const UNKNOWN_SENDER_CHOICES = ["create-ticket", "quarantine"] as const;

/**
 * The worker settings of a process: the defaults, with what the environment chooses.
 * `KONTOR_UNKNOWN_SENDER=quarantine` holds mail from senders no organization knows for staff to
 * assign (`POST /v1/inbound-mails/:id/release`) instead of opening a ticket without a customer
 * (`create-ticket`, the default: K2 turns every incident mail into a ticket at once).
 */
export function workerSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): WorkerSettings {
  const unknownSender = env.KONTOR_UNKNOWN_SENDER;
  if (unknownSender === undefined || unknownSender === "") return DEFAULT_WORKER_SETTINGS;
  if (!(UNKNOWN_SENDER_CHOICES as readonly string[]).includes(unknownSender)) {
    throw new Error(`KONTOR_UNKNOWN_SENDER must be one of ${UNKNOWN_SENDER_CHOICES.join(", ")}, not ${unknownSender}`);
  }
  const policy: TicketingPolicy = {
    ...DEFAULT_TICKETING_POLICY,
    intake: { ...DEFAULT_TICKETING_POLICY.intake, unknownSender: unknownSender as (typeof UNKNOWN_SENDER_CHOICES)[number] },
  };
  return { ...DEFAULT_WORKER_SETTINGS, ticketingPolicies: [policy] };
}
