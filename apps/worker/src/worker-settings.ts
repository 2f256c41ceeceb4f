import { TICKET_MAIL_SETTINGS } from "@kontor/api";
import { DEFAULT_BILLING_SETTINGS, readBillingSettingsFile, type BillingSettings } from "./billing/billing-settings.js";
import { DEFAULT_TICKETING_POLICIES, DEFAULT_TICKETING_POLICY, type OutgoingMailSettings, type TicketingPolicy } from "@kontor/ticketing";

/** Settings every job reads: the installation's zone, who our mail comes from, who bills, the ticketing policies. */
export interface WorkerSettings {
  /** Zone of month ends, day boundaries and cron schedules (P2: explicit, never the machine's). */
  readonly zone: string;
  /** Sender and Message-ID domain of our mail (K2, K4, K6). */
  readonly mail: OutgoingMailSettings;
  /**
   * The seller on invoices and service reports, how customers pay, net days (C8, L5, M5, T1),
   * used while no settings are stored in the database (`PUT /v1/billing-settings`; a stored row
   * wins, see `currentBillingSettings`). `undefined` in server mode without
   * `KONTOR_BILLING_SETTINGS_FILE`: then only the stored row counts, never the demo seller.
   */
  readonly billing: BillingSettings | undefined;
  /**
   * The fallback ticketing policies, oldest first (P1: the one in force at the evaluated instant
   * applies): mail intake, the SLA and asset-expiry jobs use the installation's stored set
   * (`PUT /v1/ticketing-policies`, read per run with `installationTicketingPolicies`) and these
   * only while none is stored.
   */
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
 *   and net days ({@link billingSettingsSchema}), checked here. It is the fallback while no
 *   settings are stored in the database (`PUT /v1/billing-settings`). Without it, embedded mode
 *   falls back to the demo seller; server mode (`DATABASE_URL`) has no fallback (`billing` is
 *   `undefined`) and starts only with stored settings ({@link billingSettingsSourceAtStart}):
 *   invoices must not go out with the demo's company data.
 * - `KONTOR_UNKNOWN_SENDER=quarantine` holds mail from senders no organization knows for staff
 *   to assign (`POST /v1/inbound-mails/:id/release`) instead of opening a ticket without a
 *   customer (`create-ticket`, the default: K2 turns every incident mail into a ticket at once).
 * - `KONTOR_ASSET_EXPIRY_LEAD_DAYS`: the K11 lead time (default 30 days).
 * Both ticketing variables apply only while the installation stores no ticketing policies (P1).
 *
 * Throws naming the variable.
 */
export function workerSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): WorkerSettings {
  return { ...DEFAULT_WORKER_SETTINGS, billing: billingFrom(env), ticketingPolicies: ticketingPoliciesFrom(env) };
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== "";
}

function billingFrom(env: Readonly<Record<string, string | undefined>>): BillingSettings | undefined {
  const file = env.KONTOR_BILLING_SETTINGS_FILE;
  if (isSet(file)) return readBillingSettingsFile(file);
  // Server mode: no demo seller; billingSettingsSourceAtStart requires stored settings instead.
  if (isSet(env.DATABASE_URL)) return undefined;
  return DEFAULT_BILLING_SETTINGS;
}

/**
 * Where a starting worker's billing settings come from: `stored` (a row written through
 * `PUT /v1/billing-settings`; it wins over the file), `file` (`KONTOR_BILLING_SETTINGS_FILE`) or
 * `demo` (embedded mode only, the demo seller).
 */
export type BillingSettingsSource = "stored" | "file" | "demo";

/**
 * Decides at start whether the worker has billing settings (C8, T1): stored ones, or the file.
 * Server mode (`DATABASE_URL`) with neither refuses to start, naming both ways to give them;
 * embedded mode falls back to the demo seller. `storedSettings`: whether the database holds a
 * row (checked again per billing event, so a broken row fails events, not the start).
 */
export function billingSettingsSourceAtStart(env: Readonly<Record<string, string | undefined>>, storedSettings: boolean): BillingSettingsSource {
  if (storedSettings) return "stored";
  if (isSet(env.KONTOR_BILLING_SETTINGS_FILE)) return "file";
  if (isSet(env.DATABASE_URL)) {
    throw new Error(
      "No billing settings with DATABASE_URL: store them with PUT /v1/billing-settings (admin) or name a JSON file with the seller, paymentMeans and netDays in KONTOR_BILLING_SETTINGS_FILE; invoices must not carry the demo seller",
    );
  }
  return "demo";
}

function ticketingPoliciesFrom(env: Readonly<Record<string, string | undefined>>): readonly TicketingPolicy[] {
  const unknownSender = env.KONTOR_UNKNOWN_SENDER;
  const leadDays = env.KONTOR_ASSET_EXPIRY_LEAD_DAYS;
  const setUnknownSender = unknownSender !== undefined && unknownSender !== "";
  const setLeadDays = leadDays !== undefined && leadDays !== "";
  if (!setUnknownSender && !setLeadDays) return DEFAULT_TICKETING_POLICIES;
  if (setUnknownSender && !(UNKNOWN_SENDER_CHOICES as readonly string[]).includes(unknownSender)) {
    throw new Error(`KONTOR_UNKNOWN_SENDER must be one of ${UNKNOWN_SENDER_CHOICES.join(", ")}, not ${unknownSender}`);
  }
  // K11: "configurable lead time, default 30 days".
  if (setLeadDays && !/^[1-9]\d{0,2}$/.test(leadDays)) {
    throw new Error(`KONTOR_ASSET_EXPIRY_LEAD_DAYS must be a whole number of days from 1 to 999, not ${leadDays}`);
  }
  return [
    {
      ...DEFAULT_TICKETING_POLICY,
      intake: setUnknownSender ? { ...DEFAULT_TICKETING_POLICY.intake, unknownSender: unknownSender as (typeof UNKNOWN_SENDER_CHOICES)[number] } : DEFAULT_TICKETING_POLICY.intake,
      assets: setLeadDays ? { ...DEFAULT_TICKETING_POLICY.assets, expiryLeadTimeDays: Number(leadDays) } : DEFAULT_TICKETING_POLICY.assets,
    },
  ];
}
