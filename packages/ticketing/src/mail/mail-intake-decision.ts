import type { TicketAttachment } from "../tickets/attachment.js";
import type { TicketKind } from "../tickets/ticket-classification.js";
import type { Requester } from "../tickets/ticket.js";

/** Stable codes of every intake outcome; each names the rule that decided it. */
export type MailIntakeCode =
  | "K2_NEW_TICKET"
  | "K2_RELEASED_BY_STAFF"
  | "K2_NOT_A_TICKET"
  | "K2_UNKNOWN_SENDER"
  | "K2_NO_SENDER"
  | "K2_SPAM"
  | "K3_REPLY_BY_HEADER"
  | "K3_REPLY_BY_SUBJECT_TAG"
  | "K3_TAG_SENDER_NOT_IN_ORGANIZATION"
  | "K3_FOLLOW_UP_OF_CLOSED_TICKET"
  | "K4_AUTO_REPLY"
  | "K4_BOUNCE"
  | "K4_LOOP"
  | "K4_TICKET_RATE_LIMIT"
  | "K4_SENDER_RATE_LIMIT"
  | "K4_GLOBAL_RATE_LIMIT";

/** Why the decision was taken: stable code and a sentence for the intake log. */
export interface MailIntakeReason {
  readonly code: MailIntakeCode;
  readonly message: string;
}

/** The new ticket a mail opens (K2). */
export interface NewTicketFromMail {
  readonly kind: TicketKind;
  readonly organizationId?: string;
  readonly requester: Requester;
  readonly subject: string;
  readonly description: string;
  readonly attachments: readonly TicketAttachment[];
  /** Set for a follow-up of a closed ticket (K1 reopen rules). */
  readonly relatedTicketId?: string;
}

/** K2: open a ticket and confirm it to the sender. */
export interface CreateTicketDecision {
  readonly action: "create-ticket";
  readonly reason: MailIntakeReason;
  /** The K2 receipt timestamp (ISO, UTC). */
  readonly receivedAt: string;
  readonly ticket: NewTicketFromMail;
}

/** K3: add the reply to an existing ticket as a public customer comment. */
export interface AppendToTicketDecision {
  readonly action: "append-to-ticket";
  readonly reason: MailIntakeReason;
  readonly receivedAt: string;
  readonly ticketId: string;
  readonly ticketNumber: string;
  readonly threadedBy: "in-reply-to" | "references" | "subject-tag";
  readonly author: Requester & { readonly organizationId?: string };
  /** The new part of the reply (quoted history stripped). */
  readonly text: string;
  readonly attachments: readonly TicketAttachment[];
  /** The ticket is resolved and the reply reopens it (K1 reopen rules). */
  readonly reopens: boolean;
}

/** K4: drop (auto-reply, bounce, loop); never creates or reopens a ticket. */
export interface IgnoreDecision {
  readonly action: "ignore";
  readonly reason: MailIntakeReason;
  readonly receivedAt: string;
  /** The ticket the headers point to, for an internal log entry without status change. */
  readonly ticketId?: string;
}

/** K2: keep the mail, marked unprocessed (e.g. a note for the account manager). */
export interface KeepUnprocessedDecision {
  readonly action: "keep-unprocessed";
  readonly reason: MailIntakeReason;
  readonly receivedAt: string;
  readonly organizationId?: string;
}

/** Hold the mail for a person to release (rate limits, spam, unknown or missing sender). */
export interface QuarantineDecision {
  readonly action: "quarantine";
  readonly reason: MailIntakeReason;
  readonly receivedAt: string;
  readonly ticketId?: string;
}

/** The outcome of mail intake (K2–K4). */
export type MailIntakeDecision =
  | CreateTicketDecision
  | AppendToTicketDecision
  | IgnoreDecision
  | KeepUnprocessedDecision
  | QuarantineDecision;
