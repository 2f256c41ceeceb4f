/**
 * A deliberately small RFC 5322/MIME reader for tests: it turns raw-looking messages into the
 * `ParsedMailInput` the worker would build from mailparser (headers unfolded, encoded words
 * decoded, multipart parts listed as attachment metadata). Not part of the package.
 */
import { Buffer } from "node:buffer";
import { DateTime } from "luxon";
import { parsedMailSchema, type ParsedMail, type ParsedMailInput } from "../mail/parsed-mail.js";
import type { AttachmentMeta } from "../tickets/attachment.js";

type Headers = Record<string, string[]>;

function decodeWords(value: string): string {
  // RFC 2047 §6.2: whitespace between adjacent encoded words is not displayed.
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_match, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === "B"
          ? Buffer.from(text, "base64")
          : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1");
      return bytes.toString(/^utf-?8$/i.test(charset) ? "utf8" : "latin1");
    });
}

function parseHeaderBlock(block: string): Headers {
  const headers: Headers = {};
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = decodeWords(line.slice(colon + 1).trim());
    (headers[name] ??= []).push(value);
  }
  return headers;
}

function first(headers: Headers, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key]?.[0];
}

function parseAddresses(value: string | undefined): { address: string; name?: string }[] {
  if (value === undefined || value.trim() === "") return [];
  return value
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const angle = /^(.*)<([^>]*)>\s*$/.exec(part);
      if (angle === null) {
        // `user@host (Display Name)`, the old comment form Postfix still uses for bounces.
        const comment = /^(\S+)\s*\((.*)\)\s*$/.exec(part);
        return comment === null ? { address: part } : { address: comment[1] ?? "", name: comment[2] ?? "" };
      }
      const name = (angle[1] ?? "").trim().replace(/^"|"$/g, "");
      return name.length > 0 ? { address: angle[2] ?? "", name } : { address: angle[2] ?? "" };
    });
}

function param(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const match = new RegExp(`${name}\\*?=\\s*"?([^";]+)"?`, "i").exec(value);
  return match?.[1];
}

interface Part {
  headers: Headers;
  body: string;
}

function splitParts(body: string, boundary: string): Part[] {
  const parts: Part[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith("--")) break;
    const trimmed = chunk.replace(/^\r?\n/, "");
    const separator = /\r?\n\r?\n/.exec(trimmed);
    if (separator === null) continue;
    parts.push({ headers: parseHeaderBlock(trimmed.slice(0, separator.index)), body: trimmed.slice(separator.index + separator[0].length) });
  }
  return parts;
}

function decodedSize(part: Part): number {
  const encoding = first(part.headers, "Content-Transfer-Encoding")?.toLowerCase();
  const text = part.body.trim();
  return encoding === "base64" ? Buffer.from(text.replace(/\s+/g, ""), "base64").length : Buffer.byteLength(text, "utf8");
}

/**
 * Reads a raw message. `inspect` stands in for the worker's look inside container attachments
 * (a .docx is a zip): it returns the content types found inside, by filename.
 */
export function readRawMail(raw: string, inspect: Record<string, string[]> = {}): ParsedMail {
  const separator = /\r?\n\r?\n/.exec(raw);
  const headerBlock = separator === null ? raw : raw.slice(0, separator.index);
  const body = separator === null ? "" : raw.slice(separator.index + separator[0].length);
  const headers = parseHeaderBlock(headerBlock);
  const contentType = first(headers, "Content-Type") ?? "text/plain";
  let text: string | undefined;
  let html: string | undefined;
  const attachments: AttachmentMeta[] = [];
  const boundary = param(contentType, "boundary");
  const collect = (parts: Part[]): void => {
    for (const part of parts) {
      const type = first(part.headers, "Content-Type") ?? "text/plain";
      const disposition = first(part.headers, "Content-Disposition");
      const nested = param(type, "boundary");
      if (nested !== undefined) {
        collect(splitParts(part.body, nested));
        continue;
      }
      const filename = param(disposition, "filename") ?? param(type, "name");
      if (filename === undefined && /^text\/plain/i.test(type) && text === undefined) text = part.body.trim();
      else if (filename === undefined && /^text\/html/i.test(type) && html === undefined) html = part.body.trim();
      else if (filename !== undefined || !/^text\//i.test(type)) {
        const contained = filename === undefined ? undefined : inspect[filename];
        attachments.push({
          filename: filename ?? "",
          contentType: (type.split(";")[0] ?? type).trim().toLowerCase(),
          size: decodedSize(part),
          ...(disposition?.toLowerCase().startsWith("inline") === true ? { disposition: "inline" as const } : { disposition: "attachment" as const }),
          ...(contained === undefined ? {} : { containedContentTypes: contained }),
        });
      }
    }
  };
  if (boundary === undefined) text = body.trim();
  else collect(splitParts(body, boundary));

  const date = first(headers, "Date");
  const parsedDate = date === undefined ? undefined : DateTime.fromRFC2822(date, { setZone: true });
  const from = parseAddresses(first(headers, "From"))[0];
  const input: ParsedMailInput = {
    ...(first(headers, "Message-ID") === undefined ? {} : { messageId: first(headers, "Message-ID") }),
    ...(first(headers, "In-Reply-To") === undefined ? {} : { inReplyTo: first(headers, "In-Reply-To") }),
    references: first(headers, "References") ?? [],
    ...(from === undefined ? {} : { from }),
    to: parseAddresses(first(headers, "To")),
    cc: parseAddresses(first(headers, "Cc")),
    subject: first(headers, "Subject") ?? "",
    ...(parsedDate?.isValid === true ? { date: parsedDate.toISO() } : {}),
    headers,
    ...(text === undefined ? {} : { text }),
    ...(html === undefined ? {} : { html }),
    attachments,
    contentType,
  };
  return parsedMailSchema.parse(input);
}
