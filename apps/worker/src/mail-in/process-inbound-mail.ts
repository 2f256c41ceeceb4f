import { randomUUID } from "node:crypto";
import { CONFIRMATION_MAIL_TOPIC, changeTicket, openTicket } from "@kontor/api";
import {
  appendToOutbox,
  findInboundMail,
  findTicket,
  insertTicketAttachment,
  markInboundMailProcessed,
  type InboundMailOutcome,
  type InboundMailRow,
  type KontorTransaction,
} from "@kontor/db";
import {
  commentCommandFromMail,
  decideMailIntake,
  parsedMailSchema,
  ticketConfirmation,
  ticketInputFromMail,
  type MailIntakeDecision,
  type ParsedMail,
  type Ticket,
  type TicketAttachment,
  type TicketingPolicy,
  type TicketInput,
} from "@kontor/ticketing";
import { simpleParser, type Attachment } from "mailparser";
import type { WorkerContext } from "../worker-context.js";
import { fromMailparser } from "./from-mailparser.js";
import { loadIntakeContext } from "./intake-context.js";

/** A message as read from its raw bytes: parsed for the rules, plus the attachment bytes. */
interface ReadMail {
  readonly parsed: ParsedMail;
  readonly attachments: readonly Attachment[];
}

/** Why a message could not even be read; it is quarantined with this reason. */
interface Unreadable {
  readonly reason: string;
}

async function readMail(raw: Uint8Array): Promise<ReadMail | Unreadable> {
  try {
    const mail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
    const parsed = parsedMailSchema.safeParse(fromMailparser(mail));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { reason: `The parsed mail is not valid at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "unknown"}` };
    }
    return { parsed: parsed.data, attachments: mail.attachments };
  } catch (error) {
    return { reason: `The mail cannot be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const STATUS_OF: Record<MailIntakeDecision["action"], InboundMailOutcome["status"]> = {
  "create-ticket": "ticket-created",
  "append-to-ticket": "appended",
  ignore: "ignored",
  "keep-unprocessed": "kept",
  quarantine: "quarantined",
};

/** Stores the bytes of a mail's attachments on the ticket, with their classified metadata. */
async function storeAttachments(tx: KontorTransaction, ticketId: string, attachments: readonly Attachment[], classified: readonly TicketAttachment[], now: Date): Promise<void> {
  for (const [index, attachment] of attachments.entries()) {
    await insertTicketAttachment(
      tx,
      {
        id: randomUUID(),
        ticketId,
        filename: attachment.filename ?? "attachment",
        contentType: attachment.contentType,
        meta: classified[index] ?? null,
        content: attachment.content,
        uploadedBy: "mail",
      },
      now,
    );
  }
}

/** Applies a create or append decision in `tx`; returns the ticket it touched. */
async function applyDecision(
  tx: KontorTransaction,
  context: WorkerContext,
  decision: MailIntakeDecision,
  mail: ReadMail,
  receivedAt: Date,
  policies: readonly TicketingPolicy[],
): Promise<string | undefined> {
  const now = context.clock.now();
  if (decision.action === "create-ticket") {
    // openTicket allocates id and number itself; the placeholders are overwritten there.
    const input: Omit<TicketInput, "id" | "number"> = { ...ticketInputFromMail(decision, "-", "-") };
    // The receipt instant is the ticket's creation instant (K2: the confirmation states it).
    const row = await openTicket(tx, input, receivedAt, { confirm: false });
    const ticket = row.document as Ticket;
    const confirmation = ticketConfirmation(ticket, decision.receivedAt, mail.parsed, context.settings.mail, context.settings.zone);
    await appendToOutbox(
      tx,
      [{ topic: CONFIRMATION_MAIL_TOPIC, aggregateType: "ticket", aggregateId: row.id, dedupeKey: confirmation.mail.dedupeKey, payload: confirmation }],
      now,
    );
    await storeAttachments(tx, row.id, mail.attachments, decision.ticket.attachments, now);
    return row.id;
  }
  if (decision.action === "append-to-ticket") {
    const row = await findTicket(tx, decision.ticketId, { forUpdate: true });
    if (row === undefined) throw new Error(`Ticket ${decision.ticketNumber} vanished during intake`);
    // The same policies as the decision: the K1 reopen window must not differ between the two.
    await changeTicket(tx, row, [commentCommandFromMail(decision, randomUUID())], now, { policies });
    await storeAttachments(tx, row.id, mail.attachments, decision.attachments, now);
    return row.id;
  }
  return "ticketId" in decision ? decision.ticketId : undefined;
}

/** What became of one inbound mail. */
export type InboundMailResult = InboundMailOutcome & { readonly id: string };

async function quarantine(context: WorkerContext, row: InboundMailRow, reasonCode: string, reason: string): Promise<InboundMailResult> {
  const outcome: InboundMailOutcome = { status: "quarantined", reasonCode, reason };
  await context.database.db.transaction(async (tx) => {
    const locked = await findInboundMail(tx, row.id, { forUpdate: true });
    if (locked?.status === "received") await markInboundMailProcessed(tx, row.id, outcome, context.clock.now());
  });
  context.logger.warn({ inboundMailId: row.id, reasonCode, reason }, "inbound mail quarantined");
  return { id: row.id, ...outcome };
}

/**
 * Decides and applies one stored inbound mail (K2–K4): parse the raw bytes with mailparser,
 * decide with `decideMailIntake`, then in ONE transaction open the ticket (with its K2
 * confirmation in the outbox) or append the reply (K3), store attachment bytes, and record the
 * outcome on the mail. A mail that cannot be read or whose handling fails is quarantined with
 * the reason, never dropped; the raw bytes stay. Already decided mails are left alone, so two
 * workers (or a retry after a crash) never handle one mail twice. A mail staff released to an
 * organization (K2) is decided the same way, with its sender as a contact of that organization;
 * one that still cannot be read ends quarantined again with the parse reason.
 *
 * @param policies the ticketing policies to decide by (P1: the installation's stored set, else the
 *   worker's settings), read once per intake pass by the caller
 */
export async function processInboundMail(context: WorkerContext, id: string, policies: readonly TicketingPolicy[]): Promise<InboundMailResult | undefined> {
  const row = await findInboundMail(context.database.db, id);
  if (row?.status !== "received") return undefined;
  const mail = await readMail(row.raw);
  if ("reason" in mail) return quarantine(context, row, "MALFORMED_MAIL", mail.reason);
  try {
    return await context.database.db.transaction(async (tx) => {
      const locked = await findInboundMail(tx, id, { forUpdate: true });
      if (locked?.status !== "received") return undefined;
      const now = context.clock.now();
      const assignedOrganizationId = locked.assignedOrganizationId ?? undefined;
      const intake = await loadIntakeContext(tx, mail.parsed, context.settings.mail, context.settings.zone, now, { assignedOrganizationId, policies });
      const decision = decideMailIntake(mail.parsed, intake, row.receivedAt.toISOString());
      const ticketId = await applyDecision(tx, context, decision, mail, row.receivedAt, policies);
      const outcome: InboundMailOutcome = {
        status: STATUS_OF[decision.action],
        reasonCode: decision.reason.code,
        reason: decision.reason.message,
        messageId: mail.parsed.messageId,
        sender: mail.parsed.from?.address,
        ticketId,
      };
      await markInboundMailProcessed(tx, id, outcome, now);
      context.logger.info({ inboundMailId: id, action: decision.action, reasonCode: decision.reason.code, ticketId, assignedOrganizationId }, "inbound mail decided");
      return { id, ...outcome };
    });
  } catch (error) {
    return quarantine(context, row, "INTAKE_FAILED", error instanceof Error ? error.message : String(error));
  }
}
