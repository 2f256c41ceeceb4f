import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A mail the capture server accepted. */
export interface CapturedMail {
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
}

/** A real SMTP server on loopback that keeps every mail it accepts (the "customer's" mailbox in tests). */
export interface CaptureSmtpServer {
  readonly host: string;
  readonly port: number;
  readonly mails: readonly CapturedMail[];
  /** Resolves once at least `count` mails arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<readonly CapturedMail[]>;
  close(): Promise<void>;
}

/** Starts a capture SMTP server on 127.0.0.1 and a free port. */
export async function startCaptureSmtpServer(): Promise<CaptureSmtpServer> {
  const mails: CapturedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const from = session.envelope.mailFrom;
            mails.push({
              raw,
              parsed,
              envelopeFrom: from === false ? "" : from.address,
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            });
            for (const waiter of waiters.filter((w) => mails.length >= w.count)) waiter.resolve();
            callback();
          })
          .catch((error: unknown) => { callback(error instanceof Error ? error : new Error(String(error))); });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    mails,
    waitFor(count, timeoutMs = 20_000) {
      if (mails.length >= count) return Promise.resolve(mails);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { reject(new Error(`expected ${count} mails, got ${mails.length} after ${timeoutMs} ms`)); }, timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(mails);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => { server.close(() => { resolve(); }); }),
  };
}
