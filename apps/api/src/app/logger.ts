import type { LoggerOptions } from "pino";

/**
 * Log paths that can carry secrets: tokens, passwords, cookies and API keys are replaced with
 * `[redacted]` before a line is written.
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers['x-monitoring-key']",
  "req.headers['idempotency-key']",
  "res.headers['set-cookie']",
  "*.password",
  "*.token",
  "*.secret",
  "*.loginToken",
  "*.apiToken",
  "*.sourceKey",
] as const;

interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, unknown>;
  ip: string;
}

/**
 * pino options of the API: JSON lines with the request headers (useful when debugging a
 * client), secrets redacted.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: "[redacted]" },
    serializers: {
      req: (request: LoggedRequest) => ({ method: request.method, url: request.url, headers: request.headers, remoteAddress: request.ip }),
    },
  };
}
