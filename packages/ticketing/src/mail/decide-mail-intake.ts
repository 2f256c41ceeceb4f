import { DateTime } from "luxon";
import type { OrganizationDirectory } from "../organizations/organization-directory.js";
import { domainOf, organizationOfSender, senderBelongsTo } from "../organizations/organization-directory.js";
import { DEFAULT_TICKETING_POLICIES } from "../policies/default-ticketing-policies.js";
import { policyInForce } from "../policies/policy-in-force.js";
import type { TicketingPolicy } from "../policies/ticketing-policy.js";
import type { TicketAttachment } from "../tickets/attachment.js";
import { classifyAttachment } from "../tickets/classify-attachment.js";
import { DEFAULT_TICKET_NUMBER_FORMAT, type TicketNumberFormat } from "../tickets/ticket-number.js";
import type { TicketStatus } from "../tickets/ticket-status.js";
import type { Requester } from "../tickets/ticket.js";
import { DEFAULT_ZONE, resolveZone, toEpochMs, toIsoInstant, tryParseInstant, type Instant } from "../time/instant.js";
import { detectAutomatedMail } from "./automated-mail.js";
import { guessTicketKind, personalNoteSignal } from "./classify-mail-content.js";
import { countInWindow, EMPTY_INTAKE_HISTORY, type IntakeHistory } from "./intake-history.js";
import type { MailIntakeDecision, MailIntakeReason } from "./mail-intake-decision.js";
import { bodyText, stripQuotedReply } from "./mail-text.js";
import { KONTOR_TICKET_HEADER, type OutgoingMailSettings } from "./outgoing-mail.js";
import { headerValue, type ParsedMail } from "./parsed-mail.js";
import { ticketNumberFromSubject } from "./subject-tag.js";

/** What intake needs to know about an existing ticket. */
export interface TicketRef {
  readonly id: string;
  readonly number: string;
  readonly organizationId?: string;
  readonly requesterEmail: string;
  readonly status: TicketStatus;
  readonly resolvedAt?: string;
}

/** Everything {@link decideMailIntake} reads besides the mail; built once per batch by the worker. */
export interface MailIntakeContext {
  readonly settings: OutgoingMailSettings;
  readonly directory: OrganizationDirectory;
  /** Ticket that sent (or received) the mail with this Message-ID (no brackets). */
  readonly findTicketByMessageId: (messageId: string) => TicketRef | undefined;
  /** Ticket with this canonical number. */
  readonly findTicketByNumber: (ticketNumber: string) => TicketRef | undefined;
  /** Recent intake for the K4 rate limits (default: empty). */
  readonly history?: IntakeHistory;
  /** Policies to pick from at `asOf` (default: the shipped ones). */
  readonly policies?: readonly TicketingPolicy[];
  readonly ticketNumberFormat?: TicketNumberFormat;
  /** Zone of the reopen window's days (default `Europe/Berlin`). */
  readonly zone?: string;
  /**
   * K2: staff looked at this mail (kept or quarantined) and released it to an organization. A
   * person has judged it: the spam flag, the rate limits and the note-for-a-person check no
   * longer hold it back; loops and automatic mail (K4) still never become tickets.
   */
  readonly releasedByStaff?: boolean;
}

const MS_PER_MINUTE = 60_000;
const SPAM_FLAG = /^\s*yes\b/i;
const REPLY_PREFIXES = /^(?:\s*(?:aw|re|wg|fw|fwd|antw|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+/i;
const SUBJECT_TAGS = /\s*\[#[^\]]*\]\s*/g;

function reason(code: MailIntakeReason["code"], message: string): MailIntakeReason {
  return { code, message };
}

/** Subject for a new ticket: reply prefixes and foreign ticket tags removed. */
function cleanSubject(subject: string): string {
  const cleaned = subject.replace(SUBJECT_TAGS, " ").replace(REPLY_PREFIXES, "").trim();
  return cleaned.length > 0 ? cleaned : "(ohne Betreff)";
}

function isOwnMail(mail: ParsedMail, sender: string, settings: OutgoingMailSettings): string | undefined {
  if (mail.headers[KONTOR_TICKET_HEADER.toLowerCase()] !== undefined) return `${KONTOR_TICKET_HEADER} header present`;
  if (sender === settings.supportAddress.toLowerCase()) return "sender is our support address";
  if (domainOf(sender) === settings.messageIdDomain) return "sender is in our Message-ID domain";
  const loop = headerValue(mail.headers, "x-loop");
  if (loop?.toLowerCase().includes(settings.supportAddress.toLowerCase()) === true) return "X-Loop names our support address";
  return undefined;
}

interface HeaderThread {
  readonly ticket: TicketRef;
  readonly by: "in-reply-to" | "references";
}

/**
 * K3 threading by headers: our own Message-IDs first (In-Reply-To, then References newest
 * first), then any other id the app has recorded for a ticket (the customer's original mail).
 */
function threadByHeaders(mail: ParsedMail, context: MailIntakeContext): HeaderThread | undefined {
  const ours = `@${context.settings.messageIdDomain}`;
  const references = mail.references;
  for (let pass = 0; pass < 2; pass += 1) {
    const wantOurs = pass === 0;
    const inReplyTo = mail.inReplyTo;
    if (inReplyTo !== undefined && inReplyTo.endsWith(ours) === wantOurs) {
      const ticket = context.findTicketByMessageId(inReplyTo);
      if (ticket !== undefined) return { ticket, by: "in-reply-to" };
    }
    for (let index = references.length - 1; index >= 0; index -= 1) {
      const id = references[index];
      if (id === undefined || id.endsWith(ours) !== wantOurs) continue;
      const ticket = context.findTicketByMessageId(id);
      if (ticket !== undefined) return { ticket, by: "references" };
    }
  }
  return undefined;
}

function reopenWindowOpen(ticket: TicketRef, asOfMs: number, policy: TicketingPolicy, zone: string): boolean {
  const resolvedMs = ticket.resolvedAt === undefined ? undefined : tryParseInstant(ticket.resolvedAt);
  if (resolvedMs === undefined) return true;
  const deadline = DateTime.fromMillis(resolvedMs, { zone: resolveZone(zone) }).plus({ days: policy.tickets.reopenWindowDays });
  return asOfMs <= deadline.toMillis();
}

function requesterOf(mail: ParsedMail, sender: string, directory: OrganizationDirectory): Requester {
  const portalUserId = directory.contacts.get(sender)?.portalUserId;
  const name = mail.from?.name;
  return {
    email: sender,
    ...(name === undefined || name.length === 0 ? {} : { name }),
    ...(portalUserId === undefined ? {} : { portalUserId }),
  };
}

/**
 * Decides what happens to one inbound mail at the support address (K2, K3, K4). Pure and cheap:
 * precompiled patterns, `Map` lookups, a binary search per rate limit; the worker calls it after
 * storing the raw message and before anything else.
 *
 * Order: no sender → quarantine; our own mail (loop) → ignore; bounce/auto-reply → ignore (never
 * creates or reopens, K4); spam flag → quarantine; global and per-sender rate limits →
 * quarantine; threading by In-Reply-To/References (our Message-IDs first), then by subject tag
 * only for a sender of the ticket's organization (K3) → append (per-ticket rate limit →
 * quarantine; closed or past the reopen window → follow-up ticket); unknown sender per policy;
 * a note for a person → keep unprocessed (K2); otherwise a new ticket (K2). A mail staff
 * released (`context.releasedByStaff`) skips the spam flag, the rate limits and the note check:
 * it threads or becomes a ticket (`K2_RELEASED_BY_STAFF`).
 *
 * @param mail the parsed message (validated with `parsedMailSchema`)
 * @param context lookups, settings, recent intake and policies
 * @param asOf receipt instant at our server (the K2 confirmation timestamp)
 */
export function decideMailIntake(mail: ParsedMail, context: MailIntakeContext, asOf: Instant): MailIntakeDecision {
  const asOfMs = toEpochMs(asOf);
  const receivedAt = toIsoInstant(asOfMs);
  const sender = mail.from?.address ?? "";
  if (sender.length === 0 || !sender.includes("@")) {
    const automated = detectAutomatedMail(mail);
    if (automated !== undefined) return { action: "ignore", reason: reason(automated.code, automated.signal), receivedAt };
    return { action: "quarantine", reason: reason("K2_NO_SENDER", "The mail has no usable From address"), receivedAt };
  }

  const own = isOwnMail(mail, sender, context.settings);
  if (own !== undefined) return { action: "ignore", reason: reason("K4_LOOP", `Own mail came back: ${own}`), receivedAt };

  const automated = detectAutomatedMail(mail);
  if (automated !== undefined) {
    const thread = threadByHeaders(mail, context);
    return {
      action: "ignore",
      reason: reason(automated.code, `Automatic mail (${automated.signal}) never creates or reopens a ticket`),
      receivedAt,
      ...(thread === undefined ? {} : { ticketId: thread.ticket.id }),
    };
  }

  const released = context.releasedByStaff === true;
  const spamFlag = headerValue(mail.headers, "x-spam-flag");
  if (!released && spamFlag !== undefined && SPAM_FLAG.test(spamFlag)) {
    return { action: "quarantine", reason: reason("K2_SPAM", "The spam filter flagged the mail"), receivedAt };
  }

  const policyResult = policyInForce(context.policies ?? DEFAULT_TICKETING_POLICIES, asOfMs);
  // Without a policy no limit can be checked; holding the mail is the safe outcome.
  if (!policyResult.ok) {
    return { action: "quarantine", reason: reason("K4_GLOBAL_RATE_LIMIT", "No ticketing policy in force; rate limits cannot be checked"), receivedAt };
  }
  const policy = policyResult.value;
  const limits = policy.intake;
  const history = context.history ?? EMPTY_INTAKE_HISTORY;
  if (!released && countInWindow(history.all, asOfMs, limits.global.windowMinutes * MS_PER_MINUTE) >= limits.global.maxMails) {
    return {
      action: "quarantine",
      reason: reason("K4_GLOBAL_RATE_LIMIT", `More than ${limits.global.maxMails} mails in ${limits.global.windowMinutes} minutes (mail storm)`),
      receivedAt,
    };
  }
  const senderTimes = history.bySender.get(sender);
  if (!released && senderTimes !== undefined && countInWindow(senderTimes, asOfMs, limits.perSender.windowMinutes * MS_PER_MINUTE) >= limits.perSender.maxMails) {
    return {
      action: "quarantine",
      reason: reason("K4_SENDER_RATE_LIMIT", `More than ${limits.perSender.maxMails} mails from ${sender} in ${limits.perSender.windowMinutes} minutes`),
      receivedAt,
    };
  }

  const directory = context.directory;
  const format = context.ticketNumberFormat ?? DEFAULT_TICKET_NUMBER_FORMAT;
  const zone = context.zone ?? DEFAULT_ZONE;
  const text = bodyText(mail.text, mail.html);
  const attachments = (): TicketAttachment[] => mail.attachments.map(classifyAttachment);
  const senderOrganizationId = organizationOfSender(directory, sender);
  const requester = requesterOf(mail, sender, directory);

  // K3: headers first, then the subject tag for members of the ticket's organization only.
  let target: TicketRef | undefined;
  let threadedBy: "in-reply-to" | "references" | "subject-tag" = "references";
  let foreignTagTicket: TicketRef | undefined;
  const headerThread = threadByHeaders(mail, context);
  if (headerThread !== undefined) {
    target = headerThread.ticket;
    threadedBy = headerThread.by;
  } else {
    const tagged = ticketNumberFromSubject(mail.subject, format);
    const ticket = tagged === undefined ? undefined : context.findTicketByNumber(tagged);
    if (ticket !== undefined) {
      const belongs =
        ticket.requesterEmail.toLowerCase() === sender ||
        (ticket.organizationId !== undefined && senderBelongsTo(directory, sender, ticket.organizationId));
      if (belongs) {
        target = ticket;
        threadedBy = "subject-tag";
      } else {
        foreignTagTicket = ticket;
      }
    }
  }

  if (target !== undefined) {
    const ticketTimes = history.byTicket.get(target.id);
    if (!released && ticketTimes !== undefined && countInWindow(ticketTimes, asOfMs, limits.perTicket.windowMinutes * MS_PER_MINUTE) >= limits.perTicket.maxMails) {
      return {
        action: "quarantine",
        reason: reason("K4_TICKET_RATE_LIMIT", `More than ${limits.perTicket.maxMails} mails on ${target.number} in ${limits.perTicket.windowMinutes} minutes`),
        receivedAt,
        ticketId: target.id,
      };
    }
    const closed = target.status === "closed" || (target.status === "resolved" && !reopenWindowOpen(target, asOfMs, policy, zone));
    if (!closed) {
      return {
        action: "append-to-ticket",
        reason: reason(
          threadedBy === "subject-tag" ? "K3_REPLY_BY_SUBJECT_TAG" : "K3_REPLY_BY_HEADER",
          `Reply to ${target.number} (threaded by ${threadedBy})`,
        ),
        receivedAt,
        ticketId: target.id,
        ticketNumber: target.number,
        threadedBy,
        author: { ...requester, ...(senderOrganizationId === undefined ? {} : { organizationId: senderOrganizationId }) },
        text: stripQuotedReply(text),
        attachments: attachments(),
        reopens: target.status === "resolved",
      };
    }
    return {
      action: "create-ticket",
      reason: reason("K3_FOLLOW_UP_OF_CLOSED_TICKET", `${target.number} is closed; the reply opens a follow-up ticket`),
      receivedAt,
      ticket: {
        kind: guessTicketKind(mail.subject, text),
        ...(target.organizationId === undefined ? {} : { organizationId: target.organizationId }),
        requester,
        subject: cleanSubject(mail.subject),
        description: stripQuotedReply(text),
        attachments: attachments(),
        relatedTicketId: target.id,
      },
    };
  }

  if (senderOrganizationId === undefined && limits.unknownSender === "quarantine") {
    return { action: "quarantine", reason: reason("K2_UNKNOWN_SENDER", `${sender} belongs to no known organization`), receivedAt };
  }

  const accountManager = senderOrganizationId === undefined ? undefined : directory.organizations.get(senderOrganizationId)?.accountManager;
  const note = released ? undefined : personalNoteSignal(mail.subject, text, accountManager);
  if (note !== undefined) {
    return {
      action: "keep-unprocessed",
      reason: reason("K2_NOT_A_TICKET", `Not an incident or request (${note}); kept unprocessed`),
      receivedAt,
      ...(senderOrganizationId === undefined ? {} : { organizationId: senderOrganizationId }),
    };
  }

  return {
    action: "create-ticket",
    reason: released
      ? reason("K2_RELEASED_BY_STAFF", "Released by staff; opened as an incident or request")
      : foreignTagTicket === undefined
        ? reason("K2_NEW_TICKET", "New incident or request")
        : reason("K3_TAG_SENDER_NOT_IN_ORGANIZATION", `Subject names ${foreignTagTicket.number}, but ${sender} does not belong to its organization`),
    receivedAt,
    ticket: {
      kind: guessTicketKind(mail.subject, text),
      ...(senderOrganizationId === undefined ? {} : { organizationId: senderOrganizationId }),
      requester,
      subject: cleanSubject(mail.subject),
      description: text.trim(),
      attachments: attachments(),
    },
  };
}
