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

/** Hands mail to an SMTP server. Resolves when the server accepted it, rejects otherwise. */
export interface MailSender {
  send(message: MailMessage): Promise<{ readonly messageId: string }>;
  close(): Promise<void>;
}
