import {
  intakeTicketsByNumbersOrIds,
  organizationRecordsForSender,
  portalUserContactsOf,
  recentIntake,
  ticketIdsByInboundMessageIds,
  type Executor,
  type IntakeTicket,
} from "@kontor/db";
import {
  createIntakeHistory,
  DEFAULT_TICKETING_POLICIES,
  DEFAULT_TICKET_NUMBER_FORMAT,
  ticketNumberFromSubject,
  type MailIntakeContext,
  type Organization,
  type OutgoingMailSettings,
  type ParsedMail,
  type Ticket,
  type TicketingPolicy,
  type TicketRef,
  type TicketStatus,
} from "@kontor/ticketing";
import { intakeDirectory } from "./intake-directory.js";

const MS_PER_MINUTE = 60_000;

/** The longest K4 rate-limit window of the policies: how much history intake loads. */
function historyWindowMs(policies: readonly TicketingPolicy[]): number {
  return (
    Math.max(0, ...policies.flatMap((policy) => [policy.intake.global.windowMinutes, policy.intake.perSender.windowMinutes, policy.intake.perTicket.windowMinutes])) *
    MS_PER_MINUTE
  );
}

/** What intake knows about one stored mail beyond its bytes, and the policies it decides by. */
export interface IntakeContextOptions {
  /** The organization staff released the mail to (K2): the sender counts as its contact. */
  readonly assignedOrganizationId?: string | undefined;
  /** Ticketing policies to pick from at the receipt instant (P1; default: the shipped ones). */
  readonly policies?: readonly TicketingPolicy[] | undefined;
}

function toRef(ticket: IntakeTicket): TicketRef {
  const document = ticket.document as Ticket;
  return {
    id: ticket.id,
    number: ticket.number,
    ...(ticket.organizationId === null ? {} : { organizationId: ticket.organizationId }),
    requesterEmail: ticket.requesterEmail,
    status: ticket.status as TicketStatus,
    ...(document.resolvedAt === undefined ? {} : { resolvedAt: document.resolvedAt }),
  };
}

/** The ticket number in one of our Message-IDs (`T-2026-000123-8.confirmation@domain`). */
function ticketNumberOfOurId(messageId: string, settings: OutgoingMailSettings): string | undefined {
  if (!messageId.endsWith(`@${settings.messageIdDomain}`)) return undefined;
  const local = messageId.slice(0, messageId.lastIndexOf("@"));
  const dot = local.indexOf(".");
  return dot < 0 ? local : local.slice(0, dot);
}

/**
 * Everything `decideMailIntake` reads for one mail, loaded in a few queries: the directory of
 * the organizations and portal accounts that place its sender (O1, O2; with the sender as a
 * contact of the organization staff released the mail to, K2), the tickets the mail's headers and subject tag can point to (K3),
 * and the recent intake for the K4 rate limits.
 */
export async function loadIntakeContext(
  executor: Executor,
  mail: ParsedMail,
  settings: OutgoingMailSettings,
  zone: string,
  now: Date,
  options: IntakeContextOptions = {},
): Promise<MailIntakeContext> {
  const policies = options.policies ?? DEFAULT_TICKETING_POLICIES;
  const sender = mail.from?.address;
  const assigned = options.assignedOrganizationId;
  // Only what places this sender: its domain's organizations, its portal accounts, the assigned one.
  const [organizations, portalUsers, history] = [
    sender === undefined ? [] : ((await organizationRecordsForSender(executor, sender, assigned === undefined ? [] : [assigned])) as Organization[]),
    sender === undefined ? [] : await portalUserContactsOf(executor, sender),
    await recentIntake(executor, new Date(now.getTime() - historyWindowMs(policies))),
  ];
  const directory = intakeDirectory(organizations, portalUsers, sender, assigned);

  const headerIds = [...(mail.inReplyTo === undefined ? [] : [mail.inReplyTo]), ...mail.references];
  const numbers = new Set<string>();
  const foreignIds: string[] = [];
  for (const id of headerIds) {
    const number = ticketNumberOfOurId(id, settings);
    if (number === undefined) foreignIds.push(id);
    else numbers.add(number);
  }
  const tagged = ticketNumberFromSubject(mail.subject, DEFAULT_TICKET_NUMBER_FORMAT);
  if (tagged !== undefined) numbers.add(tagged);
  const foreign = await ticketIdsByInboundMessageIds(executor, foreignIds);
  const tickets = await intakeTicketsByNumbersOrIds(executor, { numbers: [...numbers], ids: [...new Set(foreign.values())] });
  const byNumber = new Map(tickets.map((ticket) => [ticket.number, toRef(ticket)]));
  const byId = new Map(tickets.map((ticket) => [ticket.id, toRef(ticket)]));

  return {
    settings,
    directory,
    zone,
    policies,
    // K2: only a release by staff assigns an organization; a person has judged the mail.
    releasedByStaff: assigned !== undefined,
    findTicketByNumber: (number) => byNumber.get(number),
    findTicketByMessageId: (messageId) => {
      const number = ticketNumberOfOurId(messageId, settings);
      if (number !== undefined) return byNumber.get(number);
      const ticketId = foreign.get(messageId);
      return ticketId === undefined ? undefined : byId.get(ticketId);
    },
    history: createIntakeHistory(history.map((record) => ({ receivedAt: record.receivedAt.toISOString(), sender: record.sender, ...(record.ticketId === null ? {} : { ticketId: record.ticketId }) }))),
  };
}
