import { pino, type Logger } from "pino";

/** Fields that can carry secrets (passwords, tokens, raw mail), replaced before a line is written. */
const REDACTED = ["*.password", "*.pass", "*.token", "*.secret", "*.raw", "smtpRelay.password", "imap.password"];

/** The worker's JSON logger, secrets redacted. */
export function workerLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED, censor: "[redacted]" } });
}
