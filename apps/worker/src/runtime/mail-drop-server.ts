import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Logger } from "pino";
import { SMTPServer } from "smtp-server";

/** A running mail drop. */
export interface MailDropServer {
  readonly host: string;
  readonly port: number;
  readonly directory: string;
  close(): Promise<void>;
}

/**
 * Where outbound mail goes when no relay is configured (a demo on a laptop): a real SMTP server
 * on loopback that writes every accepted message as an `.eml` file into `directory`, so the
 * demo's confirmations, service reports and invoices can be opened with any mail client.
 */
export async function startMailDropServer(directory: string, logger: Logger): Promise<MailDropServer> {
  await mkdir(directory, { recursive: true });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        sequence += 1;
        const name = `${new Date().toISOString().replaceAll(":", "-")}-${String(sequence).padStart(5, "0")}.eml`;
        writeFile(join(directory, name), Buffer.concat(chunks))
          .then(() => { callback(); })
          .catch((error: unknown) => { callback(error instanceof Error ? error : new Error(String(error))); });
      });
    },
  });
  server.on("error", (error) => { logger.error({ err: error }, "mail drop error"); });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { host: "127.0.0.1", port, directory, close: () => new Promise<void>((resolve) => { server.close(() => { resolve(); }); }) };
}
