import { findTicketByScheduleKey, type KontorTransaction, type TicketRow } from "@kontor/db";
import { SYSTEM_ACTOR, type Organization } from "@kontor/ticketing";
import { TICKET_MAIL_SETTINGS } from "../tickets/service-desk-settings.js";
import { openTickets, type TicketToOpen } from "../tickets/ticket-store.js";

/** The work an onboarding answer asks for (O1, seed 004 questions 6 and 7). */
export type OnboardingPurpose = "initial-inventory" | "documentation-create" | "documentation-takeover";

/** Subject and description of each onboarding ticket, in the service desk's language; `customer` is the organization's name. */
const ONBOARDING_WORK: Readonly<Record<OnboardingPurpose, { readonly subject: string; readonly description: (customer: string) => readonly string[] }>> = {
  "initial-inventory": {
    subject: "Erstinventarisierung des Netzwerks",
    description: (customer) => [
      `${customer} hat beim Onboarding gewünscht, dass das Netzwerk initial inventarisiert wird (O1).`,
      "Bitte die vorhandenen Geräte, Server, Netzwerkkomponenten und Lizenzen aufnehmen und als Assets des Kunden erfassen (K11: technische Daten, Kaufdatum, Garantieende, verknüpfte Lizenzen).",
    ],
  },
  "documentation-create": {
    subject: "Netzwerk-/Account-Dokumentation erstellen",
    description: (customer) => [
      `${customer} hat beim Onboarding angegeben, dass keine Netzwerk-/Account-Dokumentation existiert, und gewünscht, dass wir eine erstellen (O1).`,
      "Bitte die Dokumentation des Netzwerks und der Accounts erstellen.",
    ],
  },
  "documentation-takeover": {
    subject: "Vorhandene Netzwerk-/Account-Dokumentation übernehmen",
    description: (customer) => [
      `${customer} hat beim Onboarding angegeben, dass eine Netzwerk-/Account-Dokumentation existiert, die wir übernehmen können (O1).`,
      "Bitte die vorhandene Dokumentation beim Kunden anfordern, prüfen und übernehmen.",
    ],
  },
};

/** The purposes a customer record asks for: the inventory wish, and what its documentation answer needs. */
function purposesOf(record: Organization): OnboardingPurpose[] {
  const purposes: OnboardingPurpose[] = [];
  if (record.initialInventoryWanted) purposes.push("initial-inventory");
  if (record.documentation === "create-requested") purposes.push("documentation-create");
  if (record.documentation === "existing") purposes.push("documentation-takeover");
  return purposes;
}

/**
 * The schedule key of an organization's onboarding ticket for `purpose`:
 * `onboarding:<organizationId>:<purpose>`. One ticket per organization and purpose, ever: the
 * unique index on schedule keys refuses a second.
 */
export function onboardingScheduleKey(organizationId: string, purpose: OnboardingPurpose): string {
  return `onboarding:${organizationId}:${purpose}`;
}

/**
 * O1: the onboarding tickets a customer record asks for. `initialInventoryWanted` asks for an
 * "Erstinventarisierung des Netzwerks" (the devices found to be recorded as assets, K11);
 * `documentation: "create-requested"` for "Netzwerk-/Account-Dokumentation erstellen",
 * `"existing"` for "Vorhandene Netzwerk-/Account-Dokumentation übernehmen", `"none"` for nothing.
 * With `previous`, the record it replaces, only the wishes `record` turns on count: a wish that
 * was on before was asked for when it was turned on, and a record stored before the onboarding
 * tickets existed does not get them by an unrelated change.
 *
 * Each is a request of the organization, opened by the system (no customer wrote in: channel
 * `schedule`, like the K9 work tickets) with the service desk as requester, its schedule key from
 * {@link onboardingScheduleKey}, and assigned to nobody: dispatch assigns it (K6).
 */
export function onboardingTickets(record: Organization, previous?: Organization): TicketToOpen[] {
  const before = new Set(previous === undefined ? [] : purposesOf(previous));
  return purposesOf(record)
    .filter((purpose) => !before.has(purpose))
    .map((purpose) => ({
      input: {
        kind: "request",
        channel: "schedule",
        organizationId: record.id,
        requester: { email: TICKET_MAIL_SETTINGS.supportAddress, name: TICKET_MAIL_SETTINGS.supportName },
        subject: ONBOARDING_WORK[purpose].subject,
        description: ONBOARDING_WORK[purpose].description(record.name).join("\n"),
        scheduleKey: onboardingScheduleKey(record.id, purpose),
        by: SYSTEM_ACTOR,
      },
      // Nobody wrote in: no K2 confirmation; the K5 new-ticket recipients are told as for any ticket.
      confirm: false,
      organization: record,
    }));
}

/**
 * Opens, in `tx`, the onboarding tickets of {@link onboardingTickets} that have no ticket yet
 * (O1), through the ticket-opening path of `POST /v1/tickets` (K1 number, history, K5 outbox
 * events). A ticket whose schedule key has one already is skipped: turning a wish off and on
 * again never opens a second, and turning it off closes nothing (the ticket is the service
 * desk's to resolve). Call it after the record is written in `tx`, so that the record's row lock
 * keeps two writers of one organization apart and the ticket number lock is taken last.
 *
 * @returns the tickets it opened, in the order of {@link onboardingTickets}
 */
export async function openOnboardingTickets(tx: KontorTransaction, record: Organization, now: Date, previous?: Organization): Promise<TicketRow[]> {
  const missing: TicketToOpen[] = [];
  for (const ticket of onboardingTickets(record, previous)) {
    const scheduleKey = ticket.input.scheduleKey;
    if (scheduleKey === undefined || (await findTicketByScheduleKey(tx, scheduleKey)) === undefined) missing.push(ticket);
  }
  return openTickets(tx, missing, now);
}
