import { createTransport } from "nodemailer";
import type { MailMessage, MailSender } from "./mail-sender.js";

/** Where outbound mail goes: an SMTP relay (the installation's mail server, or a test server). */
export interface SmtpRelay {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure?: boolean;
  readonly user?: string;
  readonly password?: string;
}

/**
 * Outbound mail over SMTP with nodemailer, keeping our Message-ID (K3/K4 threading) instead of
 * letting the library invent one.
 */
export function smtpMailSender(relay: SmtpRelay): MailSender {
  const transport = createTransport({
    host: relay.host,
    port: relay.port,
    secure: relay.secure ?? false,
    ...(relay.user === undefined ? {} : { auth: { user: relay.user, pass: relay.password ?? "" } }),
    // A relay on loopback usually has no certificate worth checking.
    tls: { rejectUnauthorized: relay.host !== "127.0.0.1" && relay.host !== "localhost" },
    pool: true,
    maxConnections: 2,
  });
  return {
    async send(message: MailMessage) {
      const { "Message-ID": messageId, ...headers } = message.headers;
      const info = await transport.sendMail({
        from: { address: message.from.address, name: message.from.name },
        to: [...message.to],
        subject: message.subject,
        text: message.text,
        ...(messageId === undefined ? {} : { messageId }),
        headers,
        attachments: (message.attachments ?? []).map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
        })),
      });
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
