/** A file attached to an outgoing mail (a service report or invoice PDF). */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** A mail ready to send: `headers` carries Message-ID and threading headers. */
export interface MailMessage {
  readonly from: { readonly address: string; readonly name: string };
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly attachments?: readonly MailAttachment[];
}

/**
 * A mail handed to the SMTP server up to, not including, the final `.` of DATA: the server has
 * accepted sender and recipients and holds the content, but delivers nothing until `complete`
 * sends the terminating dot. `abort` drops the connection instead, and the server discards the
 * message (RFC 5321 §4.1.1.4).
 */
export interface PreparedMail {
  complete(): Promise<{ readonly messageId: string }>;
  abort(): void;
}

/** Hands mail to an SMTP server. */
export interface MailSender {
  /** Sends at once; resolves when the server accepted the mail. */
  send(message: MailMessage): Promise<{ readonly messageId: string }>;
  /** Opens the SMTP transaction and streams the content, holding back the final dot. */
  prepare(message: MailMessage): Promise<PreparedMail>;
  close(): Promise<void>;
}
