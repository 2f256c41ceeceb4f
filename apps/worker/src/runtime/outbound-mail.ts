import type { Logger } from "pino";
import type { MailSender } from "../mail-out/mail-sender.js";
import { smtpMailSender } from "../mail-out/smtp-mail-sender.js";
import { startMailDropServer } from "./mail-drop-server.js";
import type { WorkerConfig } from "./worker-config.js";

/** The outbound mail of a process: the configured relay, or the local mail drop folder. */
export async function outboundMail(config: WorkerConfig, logger: Logger): Promise<{ readonly sender: MailSender; readonly description: string; close(): Promise<void> }> {
  if (config.smtpRelay !== undefined) {
    const sender = smtpMailSender(config.smtpRelay);
    return { sender, description: `SMTP relay ${config.smtpRelay.host}:${config.smtpRelay.port}`, close: () => sender.close() };
  }
  const drop = await startMailDropServer(config.mailDropDir, logger);
  const sender = smtpMailSender({ host: drop.host, port: drop.port });
  logger.warn({ directory: drop.directory }, "no KONTOR_SMTP_HOST: outbound mail is written to the mail drop folder");
  return {
    sender,
    description: `mail drop folder ${drop.directory} (set KONTOR_SMTP_HOST to relay)`,
    async close() {
      await sender.close();
      await drop.close();
    },
  };
}
