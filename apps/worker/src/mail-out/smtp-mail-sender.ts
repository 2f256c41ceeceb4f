import { Readable } from "node:stream";
import { createTransport } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type { MailMessage, MailSender, PreparedMail } from "./mail-sender.js";

/** Where outbound mail goes: an SMTP relay (the installation's mail server, or a test server). */
export interface SmtpRelay {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure?: boolean;
  readonly user?: string;
  readonly password?: string;
}

/** The RFC 5322 message with our Message-ID (K3/K4 threading), not one the library invents. */
async function compose(message: MailMessage): Promise<Buffer> {
  const { "Message-ID": messageId, ...headers } = message.headers;
  const composer = new MailComposer({
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
  return composer.compile().build();
}

/**
 * The message as a stream that ends only when `release` is called: nodemailer writes DATA's
 * terminating dot when its source ends, so until then the server holds an unfinished message.
 * `drained` resolves once every byte was taken (the server answered 354 and has the content).
 */
function gatedStream(content: Buffer): { readonly stream: Readable; readonly drained: Promise<void>; release(): void } {
  let pushed = false;
  let released = false;
  let waiting = false;
  let markDrained: () => void = () => undefined;
  const drained = new Promise<void>((resolve) => (markDrained = resolve));
  const stream = new Readable({
    read() {
      if (!pushed) {
        pushed = true;
        this.push(content);
        return;
      }
      markDrained();
      if (released) this.push(null);
      else waiting = true;
    },
  });
  return {
    stream,
    drained,
    release() {
      released = true;
      if (waiting) stream.push(null);
    },
  };
}

/**
 * Outbound mail over SMTP with nodemailer. `prepare` gives the two-phase send the outbox uses:
 * the caller commits its transaction between streaming the content and sending the final dot,
 * so a crash either leaves an unfinished SMTP transaction the server discards (and the retry
 * sends it) or a committed delivery — never a mail sent twice.
 */
export function smtpMailSender(relay: SmtpRelay): MailSender {
  const transport = createTransport({
    host: relay.host,
    port: relay.port,
    secure: relay.secure ?? false,
    ...(relay.user === undefined ? {} : { auth: { user: relay.user, pass: relay.password ?? "" } }),
    // A relay on loopback usually has no certificate worth checking.
    tls: { rejectUnauthorized: relay.host !== "127.0.0.1" && relay.host !== "localhost" },
  });

  async function prepare(message: MailMessage): Promise<PreparedMail> {
    const content = await compose(message);
    const gate = gatedStream(content);
    const sending = transport.sendMail({ envelope: { from: message.from.address, to: [...message.to] }, raw: gate.stream });
    // Whichever comes first: the server took the content (ready to complete) or refused earlier.
    const early = await Promise.race([gate.drained.then(() => undefined), sending.then(() => undefined, (error: unknown) => error)]);
    if (early !== undefined) throw early instanceof Error ? early : new Error("The SMTP server refused the mail", { cause: early });
    return {
      async complete() {
        gate.release();
        await sending;
        return { messageId: message.headers["Message-ID"] ?? "" };
      },
      abort() {
        gate.stream.destroy(new Error("mail aborted: the transaction that sends it rolled back"));
        sending.catch(() => undefined);
      },
    };
  }

  return {
    prepare,
    async send(message) {
      return (await prepare(message)).complete();
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}
