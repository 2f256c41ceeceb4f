/**
 * Shared test data: two customers of "CSM MeinSystemhaus" in North Rhine-Westphalia, their portal
 * users, and the service desk's mail settings. Used only by tests (not exported by the package).
 */
import { createOrganizationDirectory } from "../organizations/organization-directory.js";
import type { Organization } from "../organizations/organization.js";
import type { PortalUser } from "../organizations/portal-user.js";
import type { OutgoingMailSettings } from "../mail/outgoing-mail.js";
import { createTicket, type TicketInput } from "../tickets/create-ticket.js";
import { applyTicketCommand } from "../tickets/apply-ticket-command.js";
import type { TicketCommand } from "../tickets/ticket-command.js";
import type { Ticket } from "../tickets/ticket.js";
import { createSlaTerms, type SlaTerms, type SlaTermsInput } from "../sla/sla-terms.js";

export const SETTINGS: OutgoingMailSettings = {
  supportAddress: "kundensupport@meinsystemhaus.de",
  supportName: "CSM Kundensupport",
  messageIdDomain: "tickets.meinsystemhaus.de",
};

export const MUELLER: Organization = {
  id: "org-mueller",
  name: "Müller Maschinenbau GmbH",
  address: { street: "Industriestraße 12", postalCode: "48231", city: "Warendorf", country: "DE" },
  branches: [
    {
      id: "br-muenster",
      name: "Niederlassung Münster",
      address: { street: "Hafenweg 3", postalCode: "48155", city: "Münster", country: "DE" },
      receivesGoods: true,
      receivesServices: true,
    },
  ],
  billing: "central",
  serviceReportRecipient: "buchhaltung@mueller-maschinenbau.de",
  newTicketRecipients: ["it-leitung@mueller-maschinenbau.de"],
  statusChangeRecipients: ["it-leitung@mueller-maschinenbau.de", "IT-Leitung@mueller-maschinenbau.de", "assistenz@mueller-maschinenbau.de"],
  initialInventoryWanted: true,
  documentation: "create-requested",
  datevConsultantNumber: "123456",
  accountManager: { staffId: "staff-schulte", name: "Jörg Schulte", email: "j.schulte@meinsystemhaus.de" },
  mailDomains: ["mueller-maschinenbau.de"],
  calendarId: "DE-NW",
  zone: "Europe/Berlin",
};

export const BAECKEREI: Organization = {
  id: "org-baeckerei",
  name: "Bäckerei Kamps & Söhne KG",
  address: { street: "Marktplatz 1", postalCode: "57072", city: "Siegen", country: "DE" },
  branches: [],
  billing: "separate",
  serviceReportRecipient: "chef@baeckerei-kamps.de",
  newTicketRecipients: [],
  statusChangeRecipients: [],
  initialInventoryWanted: false,
  documentation: "none",
  mailDomains: ["baeckerei-kamps.de"],
  calendarId: "DE-NW",
  zone: "Europe/Berlin",
};

export const ANNA: PortalUser = {
  id: "pu-anna",
  organizationId: MUELLER.id,
  firstName: "Anna",
  lastName: "Becker",
  phone: "+49 2581 94142 0",
  email: "a.becker@mueller-maschinenbau.de",
  role: "portal-reporter",
};

export const DIRECTORY = createOrganizationDirectory(
  [MUELLER, BAECKEREI],
  [ANNA],
  // An external consultant who writes from a freemail address but works for Müller.
  [{ email: "k.wagner@gmx.de", organizationId: MUELLER.id }],
);

/** Mon–Fri 08:00–17:00 in Berlin, NRW holidays; 4 h first response, 2 business days resolution. */
export const NRW_TERMS_INPUT: SlaTermsInput = {
  calendar: "DE-NW",
  businessHours: {
    zone: "Europe/Berlin",
    weekly: {
      mon: [{ start: "08:00", end: "17:00" }],
      tue: [{ start: "08:00", end: "17:00" }],
      wed: [{ start: "08:00", end: "17:00" }],
      thu: [{ start: "08:00", end: "17:00" }],
      fri: [{ start: "08:00", end: "17:00" }],
    },
  },
  targets: {
    normal: { firstResponseMinutes: 240, resolutionMinutes: 1080 },
    high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
  },
};

/** Unwraps a Result in tests, failing loudly with the issues. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: readonly { code: string; message: string }[] }): T {
  if (!result.ok) throw new Error(result.errors.map((error) => `${error.code}: ${error.message}`).join("; "));
  return result.value;
}

export function slaTerms(input: SlaTermsInput = NRW_TERMS_INPUT): SlaTerms {
  return unwrap(createSlaTerms(input));
}

export function newTicket(at: string, overrides: Partial<TicketInput> = {}): Ticket {
  return unwrap(
    createTicket(
      {
        id: "t-1",
        number: "T-2026-000123-8",
        kind: "incident",
        channel: "mail",
        organizationId: MUELLER.id,
        requester: { email: ANNA.email, name: "Anna Becker", portalUserId: ANNA.id },
        subject: "Drucker im Lager druckt nicht",
        description: "Seit heute früh kommt nichts mehr aus dem Drucker.",
        by: { kind: "system", id: "kontor" },
        ...overrides,
      },
      at,
    ),
  ).ticket;
}

/** Applies commands at the given instants, failing the test on the first refusal. */
export function run(ticket: Ticket, steps: readonly (readonly [string, TicketCommand])[]): Ticket {
  let current = ticket;
  for (const [at, command] of steps) current = unwrap(applyTicketCommand(current, command, at)).ticket;
  return current;
}

export const DISPATCHER = { kind: "staff", id: "staff-bruns" } as const;
export const TECHNICIAN = { kind: "staff", id: "staff-meier" } as const;
export const CUSTOMER = { kind: "customer", id: ANNA.email } as const;
