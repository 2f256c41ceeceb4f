import { z } from "zod";
import { attachmentMetaSchema } from "../tickets/attachment.js";
import { isoInstantSchema } from "../time/instant.js";

/**
 * zod schema of a mail address as the parser reports it. The address is trimmed and lower-cased
 * so every lookup compares like with like; it is not validated as RFC 5322 because bounces
 * (`MAILER-DAEMON`) and broken senders must still be parsed and decided on.
 */
export const mailAddressSchema = z
  .object({
    address: z.string().transform((value) => value.trim().toLowerCase()),
    name: z.string().optional(),
  })
  .strict();

/** A mail address with optional display name. */
export type MailAddress = z.output<typeof mailAddressSchema>;

const MESSAGE_ID_IN_TEXT = /<([^<>\s]+)>/g;
const BRACKETS = /^<|>$/g;

/** Message-IDs in a header value, without angle brackets (`<a@b> <c@d>` → `["a@b", "c@d"]`). */
export function messageIdsIn(value: string): string[] {
  const ids: string[] = [];
  for (const match of value.matchAll(MESSAGE_ID_IN_TEXT)) if (match[1] !== undefined) ids.push(match[1]);
  if (ids.length === 0) {
    const bare = value.trim().replace(BRACKETS, "");
    if (bare.length > 0 && !/\s/.test(bare)) ids.push(bare);
  }
  return ids;
}

const messageIdSchema = z.string().transform((value) => messageIdsIn(value)[0] ?? "");

const headerValuesSchema = z.union([z.string(), z.array(z.string())]).transform((value) => (typeof value === "string" ? [value] : value));

/**
 * zod schema of the headers: any casing and string or string[] values in, lower-case names and
 * arrays out (header names are case-insensitive, RFC 5322 §1.2.2; `Received` repeats).
 */
export const mailHeadersSchema = z.record(z.string(), headerValuesSchema).transform((record) => {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(record)) {
    const key = name.toLowerCase();
    const existing = headers[key];
    headers[key] = existing === undefined ? values : [...existing, ...values];
  }
  return headers;
});

/** Mail headers: lower-case names, every value kept in order. */
export type MailHeaders = Readonly<Record<string, readonly string[]>>;

/**
 * zod schema of a parsed inbound message: what the worker fills from mailparser. Message-IDs come
 * out without angle brackets; `references` accepts mailparser's string or array.
 */
export const parsedMailSchema = z
  .object({
    messageId: messageIdSchema.optional(),
    inReplyTo: messageIdSchema.optional(),
    references: z
      .union([z.string(), z.array(z.string())])
      .default([])
      .transform((value) => (typeof value === "string" ? messageIdsIn(value) : value.flatMap(messageIdsIn))),
    from: mailAddressSchema.optional(),
    replyTo: z.array(mailAddressSchema).default([]),
    to: z.array(mailAddressSchema).default([]),
    cc: z.array(mailAddressSchema).default([]),
    subject: z.string().default(""),
    date: isoInstantSchema.optional(),
    headers: mailHeadersSchema.default({}),
    text: z.string().optional(),
    html: z.string().optional(),
    attachments: z.array(attachmentMetaSchema).default([]),
    /** The top-level Content-Type header as sent, e.g. `multipart/report; report-type=delivery-status`. */
    contentType: z.string().default("text/plain"),
  })
  .strict();

/** What the worker hands over to create a {@link ParsedMail} (any header casing, string or array). */
export type ParsedMailInput = z.input<typeof parsedMailSchema>;

/** A parsed inbound message with normalized headers, addresses and Message-IDs. */
export type ParsedMail = z.output<typeof parsedMailSchema>;

/** The first value of a header (name in lower case), or `undefined`. */
export function headerValue(headers: MailHeaders, lowerCaseName: string): string | undefined {
  return headers[lowerCaseName]?.[0];
}
