import { inboundMailsWithStatus, type DatabaseHandle } from "@kontor/db";
import { createTransport } from "nodemailer";

/** The support address the test intake listens for (seed 004's service desk). */
export const SUPPORT_ADDRESS = "kundensupport@meinsystemhaus.de";

/** A file attached to a {@link SupportMail}; nodemailer derives the content type from the name when none is given. */
export interface SupportMailAttachment {
  readonly filename: string;
  readonly content: Uint8Array;
  readonly contentType?: string;
}

/** A mail a customer sends to support: composed from its parts, or `raw` bytes as they are. */
export interface SupportMail {
  readonly from: string;
  readonly subject: string;
  readonly text?: string;
  readonly headers?: Record<string, string>;
  readonly messageId?: string;
  /** Also sent as `References`. */
  readonly inReplyTo?: string;
  readonly attachments?: readonly SupportMailAttachment[];
  /** The whole message; the other parts except `from` (the envelope sender) are ignored. */
  readonly raw?: string;
}

/** Sends `mail` to the support address over SMTP to `listener` (tests). */
export async function sendToSupport(listener: { readonly host: string; readonly port: number }, mail: SupportMail) {
  const client = createTransport({ host: listener.host, port: listener.port, secure: false, ignoreTLS: true });
  try {
    return await client.sendMail(
      mail.raw === undefined
        ? {
            from: mail.from,
            to: SUPPORT_ADDRESS,
            subject: mail.subject,
            text: mail.text ?? "",
            headers: mail.headers ?? {},
            ...(mail.messageId === undefined ? {} : { messageId: mail.messageId }),
            ...(mail.inReplyTo === undefined ? {} : { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] }),
            ...(mail.attachments === undefined
              ? {}
              : {
                  attachments: mail.attachments.map((attachment) => ({
                    filename: attachment.filename,
                    content: Buffer.from(attachment.content),
                    ...(attachment.contentType === undefined ? {} : { contentType: attachment.contentType }),
                  })),
                }),
          }
        : { envelope: { from: mail.from, to: [SUPPORT_ADDRESS] }, raw: mail.raw },
    );
  } finally {
    client.close();
  }
}

/** Waits until intake decided every stored mail (its sweep also picks up released mail). */
export async function intakeSettled(database: DatabaseHandle): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if ((await inboundMailsWithStatus(database.db, "received")).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("inbound mail was not decided in time");
}
