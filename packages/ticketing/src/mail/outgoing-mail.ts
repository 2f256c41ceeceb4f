import { z } from "zod";

/** zod schema of the settings for mail we send (K2, K4). */
export const outgoingMailSettingsSchema = z
  .object({
    /** The support address, sender of every ticket mail (technicians are not addressed directly, K6). */
    supportAddress: z.email(),
    /** Display name, e.g. `CSM Kundensupport`. */
    supportName: z.string().min(1),
    /**
     * Domain of our Message-IDs, e.g. `tickets.meinsystemhaus.de`. A dedicated sub-domain lets K4
     * loop detection recognise our own mail without mistaking staff mail for it.
     */
    messageIdDomain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/),
  })
  .strict();

/** Settings for mail we send. */
export type OutgoingMailSettings = z.infer<typeof outgoingMailSettingsSchema>;

/** A mail to send, as an event for the worker (it renders and delivers, nodemailer). */
export interface OutgoingMail {
  readonly from: { readonly address: string; readonly name: string };
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** Every header to set, including Message-ID, threading and K4 markers. */
  readonly headers: Readonly<Record<string, string>>;
  /** Unique per logical mail; the worker sends each key at most once. */
  readonly dedupeKey: string;
}

/** Header naming the ticket on our own mail; its presence on inbound mail means a loop (K4). */
export const KONTOR_TICKET_HEADER = "X-Kontor-Ticket";

/** Oldest plus newest references kept; long threads would otherwise exceed header limits. */
const MAX_REFERENCES = 20;

/**
 * Our Message-ID for one mail about a ticket, without brackets:
 * `T-2026-000123-8.confirmation@tickets.meinsystemhaus.de`. `mailKey` names the mail within the
 * ticket (`confirmation`, `status-4`, `comment-c17`). Deterministic, so a resent event reuses its
 * id, and threading (K3) finds the ticket from any reply.
 */
export function ourMessageId(ticketNumber: string, mailKey: string, domain: string): string {
  return `${ticketNumber}.${mailKey}@${domain}`;
}

/**
 * The References chain of a reply (RFC 5322 §3.6.4): the parent's references plus the parent's
 * Message-ID, trimmed to the first and the latest entries.
 */
export function referencesChain(parentReferences: readonly string[], parentMessageId: string | undefined): string[] {
  const chain = parentMessageId === undefined ? [...parentReferences] : [...parentReferences, parentMessageId];
  const unique = [...new Set(chain)];
  if (unique.length <= MAX_REFERENCES) return unique;
  return [unique[0] ?? "", ...unique.slice(unique.length - (MAX_REFERENCES - 1))];
}

/** Input of {@link outgoingTicketHeaders}. */
export interface OutgoingHeadersInput {
  readonly ticketNumber: string;
  /** Which mail about this ticket this is (`confirmation`, `status-4`); part of the Message-ID. */
  readonly mailKey: string;
  /** The mail being answered, when any (without brackets). */
  readonly inReplyTo?: string;
  /** The answered mail's references (without brackets). */
  readonly references?: readonly string[];
}

const bracket = (id: string): string => `<${id}>`;

/**
 * Headers of a ticket mail we send (K4): our Message-ID, In-Reply-To/References so the customer's
 * client threads it, `Auto-Submitted: auto-generated` (RFC 3834) and
 * `X-Auto-Response-Suppress: All` so well-behaved responders stay silent, and the ticket header
 * that lets us recognise our own mail if it ever comes back.
 */
export function outgoingTicketHeaders(input: OutgoingHeadersInput, settings: OutgoingMailSettings): Record<string, string> {
  const headers: Record<string, string> = {
    "Message-ID": bracket(ourMessageId(input.ticketNumber, input.mailKey, settings.messageIdDomain)),
    "Auto-Submitted": "auto-generated",
    "X-Auto-Response-Suppress": "All",
    [KONTOR_TICKET_HEADER]: input.ticketNumber,
  };
  if (input.inReplyTo !== undefined) headers["In-Reply-To"] = bracket(input.inReplyTo);
  const references = referencesChain(input.references ?? [], input.inReplyTo);
  if (references.length > 0) headers.References = references.map(bracket).join(" ");
  return headers;
}
