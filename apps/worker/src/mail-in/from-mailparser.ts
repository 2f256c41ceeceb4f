import { withContainedContentTypes, type ParsedMailInput } from "@kontor/ticketing";
import type { AddressObject, ParsedMail as MailparserMail } from "mailparser";

function addresses(field: AddressObject | AddressObject[] | undefined) {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) =>
      entry.address === undefined ? [] : [{ address: entry.address, name: entry.name }],
    ),
  );
}

/**
 * Turns mailparser's result into the input of `@kontor/ticketing`'s `parsedMailSchema`: the
 * headers as sent (from the raw header lines, not mailparser's structured values), addresses,
 * Message-IDs, bodies and attachment metadata; for `.docx`/`.docm`/`.odt` attachments the
 * metadata lists the content types found inside (K3: screenshots in Word documents are flagged).
 */
export function fromMailparser(mail: MailparserMail): ParsedMailInput {
  const headers: Record<string, string[]> = {};
  for (const { key, line } of mail.headerLines) {
    const value = line.slice(line.indexOf(":") + 1).trim();
    (headers[key] ??= []).push(value);
  }
  const from = addresses(mail.from)[0];
  return {
    ...(mail.messageId === undefined ? {} : { messageId: mail.messageId }),
    ...(mail.inReplyTo === undefined ? {} : { inReplyTo: mail.inReplyTo }),
    references: mail.references ?? [],
    ...(from === undefined ? {} : { from }),
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: mail.subject ?? "",
    ...(mail.date === undefined ? {} : { date: mail.date.toISOString() }),
    headers,
    ...(mail.text === undefined ? {} : { text: mail.text }),
    ...(mail.html === false ? {} : { html: mail.html }),
    // K3: Word-like attachments are looked into, so a screenshot wrapped in a .docx gets flagged.
    attachments: mail.attachments.map((attachment) =>
      withContainedContentTypes(
        {
          filename: attachment.filename ?? "attachment",
          contentType: attachment.contentType,
          size: attachment.size,
          ...(attachment.contentDisposition === "inline" ? { disposition: "inline" as const } : {}),
        },
        attachment.content,
      ),
    ),
    contentType: headers["content-type"]?.[0] ?? "text/plain",
  };
}
