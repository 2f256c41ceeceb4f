import {
  createOrganizationDirectory,
  decideMailIntake,
  parsedMailSchema,
  type MailIntakeContext,
  type Organization,
  type TicketRef,
} from "@kontor/ticketing";
import { simpleParser } from "mailparser";
import type { Benchmark } from "../benchmark.js";
import { fromMailparser } from "@kontor/worker";
import {
  CUSTOMER_COUNT,
  KNOWN_TICKETS,
  MESSAGE_ID_DOMAIN,
  SUPPORT_ADDRESS,
  confirmationMessageId,
  inboundMails,
  ticketNumber,
} from "../workloads/inbound-mails.js";

const MESSAGES = 10_000;
const AS_OF = "2026-06-03T09:16:00+02:00";

function organization(index: number): Organization {
  return {
    id: `org-${index}`,
    name: `Kunde ${index} GmbH`,
    address: { street: "Hauptstraße 1", postalCode: "48231", city: "Warendorf", country: "DE" },
    branches: [],
    billing: "central",
    serviceReportRecipient: `buchhaltung@kunde${index}.de`,
    newTicketRecipients: [],
    statusChangeRecipients: [],
    initialInventoryWanted: false,
    documentation: "existing",
    accountManager: { staffId: "staff-schulte", name: "Jörg Schulte", email: "j.schulte@meinsystemhaus.de" },
    mailDomains: [`kunde${index}.de`],
    calendarId: "DE-NW",
    zone: "Europe/Berlin",
  };
}

/** The lookups the worker would back with the database, here over in-memory maps. */
export function intakeContext(): MailIntakeContext {
  const byMessageId = new Map<string, TicketRef>();
  const byNumber = new Map<string, TicketRef>();
  for (let i = 0; i < KNOWN_TICKETS; i++) {
    const ref: TicketRef = {
      id: `t-${i}`,
      number: ticketNumber(i),
      organizationId: `org-${i % CUSTOMER_COUNT}`,
      requesterEmail: `a.becker0@kunde${i % CUSTOMER_COUNT}.de`,
      status: "in-progress",
    };
    byMessageId.set(confirmationMessageId(i), ref);
    byNumber.set(ref.number, ref);
  }
  return {
    settings: { supportAddress: SUPPORT_ADDRESS, supportName: "CSM Kundensupport", messageIdDomain: MESSAGE_ID_DOMAIN },
    directory: createOrganizationDirectory(Array.from({ length: CUSTOMER_COUNT }, (_, i) => organization(i))),
    findTicketByMessageId: (id) => byMessageId.get(id),
    findTicketByNumber: (number) => byNumber.get(number),
  };
}

/**
 * Issue 11, benchmark 3: parse + validate + decide + thread for 10,000 varied messages, against
 * mailparser parsing the same messages alone. Goal: at least half the parse-only throughput.
 */
export const mailIntake: Benchmark = {
  id: "mail-intake",
  title: "Mail intake decisions (parse + decide + thread)",
  goal: { kind: "min-throughput-share", value: 0.5 },
  rounds: 5,
  prepare(scale) {
    const raw = inboundMails(Math.max(1, Math.round(MESSAGES * scale))).map((text) => Buffer.from(text));
    const context = intakeContext();
    return {
      units: raw.length,
      unitName: "messages",
      async subject() {
        const actions = new Map<string, number>();
        for (const message of raw) {
          const parsed = parsedMailSchema.parse(fromMailparser(await simpleParser(message)));
          const decision = decideMailIntake(parsed, context, AS_OF);
          actions.set(decision.action, (actions.get(decision.action) ?? 0) + 1);
        }
        return actions;
      },
      async baseline() {
        let parsed = 0;
        for (const message of raw) {
          await simpleParser(message);
          parsed += 1;
        }
        return parsed;
      },
    };
  },
};
