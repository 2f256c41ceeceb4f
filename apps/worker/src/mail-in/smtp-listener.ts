import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { SMTPServer } from "smtp-server";
import type { InboundEnvelope } from "./store-inbound-mail.js";

/** Where the SMTP listener accepts mail for the support address. */
export interface SmtpListenerSettings {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Largest message accepted, in bytes (announced with SIZE; larger ones get 552). */
  readonly maxMessageBytes: number;
}

/** A running listener. */
export interface SmtpListener {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Stores one received message; the listener answers 250 only after it resolved. */
export type StoreReceivedMail = (raw: Buffer, envelope: InboundEnvelope) => Promise<void>;

/**
 * An SMTP listener (smtp-server) for inbound support mail. Each message is read completely and
 * handed to `store`; the client gets `250` only once the raw message is stored (K2: nothing is
 * lost), and a temporary `451` when storing failed, so the sending server retries. No AUTH, no
 * relaying: it accepts mail for anyone at this host, as an MX for the support address would.
 */
export async function startSmtpListener(settings: SmtpListenerSettings, store: StoreReceivedMail, logger: Logger): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: "kontor",
    banner: "Kontor mail intake",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: settings.maxMessageBytes,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error(`Message exceeds the ${settings.maxMessageBytes} byte limit`), { responseCode: 552 }));
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        const envelope: InboundEnvelope = {
          source: "smtp",
          mailFrom: mailFrom === false ? "" : mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          remoteAddress: session.remoteAddress,
          clientHostname: session.clientHostname,
        };
        store(Buffer.concat(chunks), envelope)
          .then(() => { callback(); })
          .catch((error: unknown) => {
            logger.error({ err: error }, "storing an inbound mail failed; answering 451");
            callback(Object.assign(new Error("Temporary failure storing the message, try again later"), { responseCode: 451 }));
          });
      });
    },
  });
  server.on("error", (error) => { logger.error({ err: error }, "SMTP listener error"); });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    host: settings.host,
    port: address.port,
    close: () => new Promise<void>((resolve) => { server.close(() => { resolve(); }); }),
  };
}
