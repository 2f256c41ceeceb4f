import type { AttachmentFlag, AttachmentKind, AttachmentMeta, TicketAttachment } from "./attachment.js";

// Precompiled at module level: classification runs for every attachment of every intake mail.
const IMAGE_TYPE = /^image\/(?:png|jpe?g|gif|bmp|webp|heic|tiff?)$/i;
const IMAGE_NAME = /\.(?:png|jpe?g|gif|bmp|webp|heic|tiff?)$/i;
const WORD_TYPE = /^application\/(?:msword|vnd\.openxmlformats-officedocument\.wordprocessingml\.document|vnd\.ms-word\.document\.macroenabled\.12|vnd\.oasis\.opendocument\.text)$/i;
const WORD_NAME = /\.(?:docx?|docm|odt)$/i;
const DOCUMENT_TYPE = /^(?:application\/pdf|text\/plain|text\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|application\/vnd\.ms-excel)$/i;
const EXECUTABLE_NAME = /\.(?:exe|com|bat|cmd|scr|msi|ps1|vbs|js|jar|lnk)$/i;
const OCTET_STREAM = "application/octet-stream";

function isImage(meta: AttachmentMeta): boolean {
  if (IMAGE_TYPE.test(meta.contentType)) return true;
  // Some clients send screenshots as octet-stream; trust the extension then.
  return meta.contentType.toLowerCase() === OCTET_STREAM && IMAGE_NAME.test(meta.filename);
}

function isWord(meta: AttachmentMeta): boolean {
  return WORD_TYPE.test(meta.contentType) || WORD_NAME.test(meta.filename);
}

function containsImage(meta: AttachmentMeta): boolean {
  return meta.containedContentTypes?.some((type) => IMAGE_TYPE.test(type)) ?? false;
}

/**
 * Classifies an attachment (K1, K3). Screenshots are welcome. A screenshot wrapped in a Word
 * document is accepted but flagged `screenshot-in-word-document`, because seed 004 asks customers
 * not to do that and a technician has to unpack it. Executables are kept but flagged.
 */
export function classifyAttachment(meta: AttachmentMeta): TicketAttachment {
  let kind: AttachmentKind = "other";
  const flags: AttachmentFlag[] = [];
  if (isImage(meta)) {
    kind = "screenshot";
  } else if (isWord(meta)) {
    kind = "word-document";
    if (containsImage(meta)) flags.push("screenshot-in-word-document");
  } else if (DOCUMENT_TYPE.test(meta.contentType)) {
    kind = "document";
  }
  if (EXECUTABLE_NAME.test(meta.filename)) flags.push("executable");
  return { ...meta, kind, flags };
}
