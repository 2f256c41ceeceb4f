import { z } from "zod";

/** The mailbox the worker polls for incoming support mail (K2), e.g. the support address's INBOX. */
export const imapMailboxSettingsSchema = z.object({
  host: z.string().trim().min(1),
  port: z.number().int().min(1).max(65_535),
  /** TLS from the first byte (port 993); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().min(1),
  password: z.string().min(1),
  mailbox: z.string().min(1).default("INBOX"),
  /** Pause between two polls. */
  intervalSeconds: z.number().int().positive().default(60),
});

/** Validated IMAP mailbox settings (defaults applied). */
export type ImapMailboxSettings = z.output<typeof imapMailboxSettingsSchema>;

/** IMAP mailbox settings as written in configuration (defaults optional). */
export type ImapMailboxSettingsInput = z.input<typeof imapMailboxSettingsSchema>;

/** The environment variable of each setting, so that errors name what the operator has to fix. */
const VARIABLES = {
  host: "KONTOR_IMAP_HOST",
  port: "KONTOR_IMAP_PORT",
  secure: "KONTOR_IMAP_SECURE",
  user: "KONTOR_IMAP_USER",
  password: "KONTOR_IMAP_PASSWORD",
  mailbox: "KONTOR_IMAP_MAILBOX",
  intervalSeconds: "KONTOR_IMAP_INTERVAL_SECONDS",
} as const satisfies Record<keyof ImapMailboxSettings, string>;

const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d+$/, "must be a whole number")
  .transform(Number);

/** The variables as text: numbers and yes/no values converted, empty values treated as unset. */
const environmentSchema = z.object({
  host: z.string(),
  port: wholeNumber.optional(),
  secure: z.stringbool({ error: "must be true or false" }).optional(),
  user: z.string().optional(),
  password: z.string().optional(),
  mailbox: z.string().optional(),
  intervalSeconds: wholeNumber.optional(),
});

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path[0];
      const variable = typeof field === "string" && field in VARIABLES ? VARIABLES[field as keyof typeof VARIABLES] : String(field);
      // Every variable arrives as text, so a wrong type can only mean a missing one.
      return issue.code === "invalid_type" ? `${variable} is required` : `${variable}: ${issue.message}`;
    })
    .join("; ");
}

/**
 * IMAP polling settings from `KONTOR_IMAP_*` environment variables, or undefined when
 * `KONTOR_IMAP_HOST` is not set (IMAP intake off). Throws an error naming the variable when a
 * value is missing or invalid.
 */
export function imapSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): ImapMailboxSettings | undefined {
  const text = Object.fromEntries(
    Object.entries(VARIABLES).map(([field, variable]) => {
      const value = env[variable];
      return [field, value === undefined || value.trim() === "" ? undefined : value];
    }),
  );
  if (text.host === undefined) return undefined;
  const converted = environmentSchema.safeParse(text);
  if (!converted.success) throw new Error(`Invalid IMAP settings: ${describeIssues(converted.error.issues)}`);
  const settings = imapMailboxSettingsSchema.safeParse(converted.data);
  if (!settings.success) throw new Error(`Invalid IMAP settings: ${describeIssues(settings.error.issues)}`);
  return settings.data;
}
