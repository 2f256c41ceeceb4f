import { TICKET_MAIL_SETTINGS } from "@kontor/api";
import { DEFAULT_BILLING_SETTINGS, readBillingSettingsFile, type BillingSettings } from "./billing/billing-settings.js";
import { DEFAULT_TICKETING_POLICIES, DEFAULT_TICKETING_POLICY, type OutgoingMailSettings, type TicketingPolicy } from "@kontor/ticketing";

/** Settings every job reads: the installation's zone, who our mail comes from, who bills, the ticketing policies. */
export interface WorkerSettings {
  /** Zone of month ends, day boundaries and cron schedules (P2: explicit, never the machine's). */
  readonly zone: string;
  /** Sender and Message-ID domain of our mail (K2, K4, K6). */
  readonly mail: OutgoingMailSettings;
  /** The seller on invoices and service reports, how customers pay, net days (C8, L5, M5, T1). */
  readonly billing: BillingSettings;
  /** The ticketing policies mail intake decides by, oldest first (P1: the one in force at receipt applies). */
  readonly ticketingPolicies: readonly TicketingPolicy[];
}

/** The installation's settings (seed 004's service desk). */
export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  zone: "Europe/Berlin",
  mail: TICKET_MAIL_SETTINGS,
  billing: DEFAULT_BILLING_SETTINGS,
  ticketingPolicies: DEFAULT_TICKETING_POLICIES,
};

const UNKNOWN_SENDER_CHOICES = ["create-ticket", "quarantine"] as const;

/**
 * The worker settings of a process: the defaults, with what the environment chooses.
 * - `KONTOR_BILLING_SETTINGS_FILE`: a JSON file with the installation's seller, payment means
 *   and net days ({@link billingSettingsSchema}), checked at start. Required in server mode
 *   (`DATABASE_URL`): invoices must not go out with the demo's company data. Embedded, the demo
 *   seller is used without it.
 * - `KONTOR_UNKNOWN_SENDER=quarantine` holds mail from senders no organization knows for staff
 *   to assign (`POST /v1/inbound-mails/:id/release`) instead of opening a ticket without a
 *   customer (`create-ticket`, the default: K2 turns every incident mail into a ticket at once).
 *
 * Throws naming the variable.
 */
export function workerSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): WorkerSettings {
  return { ...DEFAULT_WORKER_SETTINGS, billing: billingFrom(env), ticketingPolicies: ticketingPoliciesFrom(env) };
}

function billingFrom(env: Readonly<Record<string, string | undefined>>): BillingSettings {
  const file = env.KONTOR_BILLING_SETTINGS_FILE;
  if (file !== undefined && file !== "") return readBillingSettingsFile(file);
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== "") {
    throw new Error("KONTOR_BILLING_SETTINGS_FILE is required with DATABASE_URL: name a JSON file with the seller, paymentMeans and netDays invoices are issued with");
  }
  return DEFAULT_BILLING_SETTINGS;
}

function ticketingPoliciesFrom(env: Readonly<Record<string, string | undefined>>): readonly TicketingPolicy[] {
  const unknownSender = env.KONTOR_UNKNOWN_SENDER;
  if (unknownSender === undefined || unknownSender === "") return DEFAULT_TICKETING_POLICIES;
  if (!(UNKNOWN_SENDER_CHOICES as readonly string[]).includes(unknownSender)) {
    throw new Error(`KONTOR_UNKNOWN_SENDER must be one of ${UNKNOWN_SENDER_CHOICES.join(", ")}, not ${unknownSender}`);
  }
  return [
    {
      ...DEFAULT_TICKETING_POLICY,
      intake: { ...DEFAULT_TICKETING_POLICY.intake, unknownSender: unknownSender as (typeof UNKNOWN_SENDER_CHOICES)[number] },
    },
  ];
}
