import type { AttachmentMeta } from "./attachment.js";

// ZIP structures (APPNOTE.TXT 6.3.10, §4.3.7, §4.3.12, §4.3.16, §4.3.15). All little-endian.
const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const END_RECORD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT_LENGTH = 0xffff;
/** The End Of Central Directory record starts within the last 22 + 65,535 = 65,557 bytes. */
const END_RECORD_SEARCH = END_RECORD_SIZE + MAX_COMMENT_LENGTH;
/** Bound on the work per attachment: a Word document has a few dozen parts, not thousands. */
export const MAX_CONTAINER_ENTRIES = 10_000;

const OCTET_STREAM = "application/octet-stream";
/** Longest extension in {@link TYPE_BY_EXTENSION}; longer ones are octet-stream without reading them. */
const MAX_EXTENSION_LENGTH = 4;
const TYPE_BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ["png", "image/png"],
  ["jpg", "image/jpeg"],
  ["jpeg", "image/jpeg"],
  ["gif", "image/gif"],
  ["bmp", "image/bmp"],
  ["tif", "image/tiff"],
  ["tiff", "image/tiff"],
  ["webp", "image/webp"],
  ["emf", "image/emf"],
  ["wmf", "image/wmf"],
  ["svg", "image/svg+xml"],
  ["xml", "application/xml"],
  ["rels", "application/xml"],
]);

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const DOT = 0x2e;

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/**
 * The content type of one entry name (bytes `start` to `end`), or `undefined` for a directory.
 * Only the extension is decoded: it is ASCII in both CP437 and UTF-8 names (APPNOTE §4.4.4 bit 11).
 */
function typeOfEntryName(bytes: Uint8Array, start: number, end: number): string | undefined {
  const lastByte = bytes[end - 1];
  if (end > start && (lastByte === SLASH || lastByte === BACKSLASH)) return undefined;
  let extension = "";
  for (let at = end - 1; at >= start; at -= 1) {
    const byte = bytes[at] ?? 0;
    if (byte === SLASH || byte === BACKSLASH) return OCTET_STREAM;
    if (byte === DOT) return TYPE_BY_EXTENSION.get(extension) ?? OCTET_STREAM;
    if (end - at > MAX_EXTENSION_LENGTH || byte > 0x7f) return OCTET_STREAM;
    extension = String.fromCharCode(byte).toLowerCase() + extension;
  }
  return OCTET_STREAM;
}

/** Reading the End Of Central Directory record at one offset. */
type EndRecordOutcome =
  | { readonly kind: "types"; readonly types: string[] }
  /** Not a consistent record (for instance a signature inside the archive comment): keep searching. */
  | { readonly kind: "not-an-end-record" }
  /** A consistent record of an archive this function does not read (ZIP64, split): stop. */
  | { readonly kind: "refused" };

function readAtEndRecord(bytes: Uint8Array, at: number): EndRecordOutcome {
  const commentLength = u16(bytes, at + 20);
  // The comment ends the file; a candidate whose comment does not is not the end record.
  if (at + END_RECORD_SIZE + commentLength !== bytes.length) return { kind: "not-an-end-record" };
  const disk = u16(bytes, at + 4);
  const directoryDisk = u16(bytes, at + 6);
  const entriesOnDisk = u16(bytes, at + 8);
  const entries = u16(bytes, at + 10);
  const directorySize = u32(bytes, at + 12);
  const directoryOffset = u32(bytes, at + 16);
  const zip64Markers = entries === 0xffff || entriesOnDisk === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff;
  const zip64Locator = at >= ZIP64_LOCATOR_SIZE && u32(bytes, at - ZIP64_LOCATOR_SIZE) === ZIP64_END_LOCATOR;
  if (zip64Markers || zip64Locator) return { kind: "refused" };
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entries) return { kind: "refused" };
  if (entries === 0 || directoryOffset + directorySize > at) return { kind: "not-an-end-record" };

  const directoryEnd = directoryOffset + directorySize;
  const types = new Set<string>();
  const limit = Math.min(entries, MAX_CONTAINER_ENTRIES);
  let read = 0;
  let header = directoryOffset;
  while (read < limit && header + CENTRAL_HEADER_SIZE <= directoryEnd && u32(bytes, header) === CENTRAL_FILE_HEADER) {
    const nameLength = u16(bytes, header + 28);
    const next = header + CENTRAL_HEADER_SIZE + nameLength + u16(bytes, header + 30) + u16(bytes, header + 32);
    if (next > directoryEnd) break;
    const nameStart = header + CENTRAL_HEADER_SIZE;
    const type = typeOfEntryName(bytes, nameStart, nameStart + nameLength);
    if (type !== undefined) types.add(type);
    read += 1;
    header = next;
  }
  // No readable header where the record points: not the archive's end record after all.
  return read === 0 ? { kind: "not-an-end-record" } : { kind: "types", types: [...types] };
}

/**
 * The distinct content types of the files inside an Office Open XML or OpenDocument container
 * (`.docx`, `.docm`, `.odt` are ZIP archives), by the extension of each entry name, for
 * {@link AttachmentMeta.containedContentTypes} (K3: a screenshot wrapped in a Word document is
 * flagged by `classifyAttachment`).
 *
 * Only the ZIP central directory is read (the End Of Central Directory record, searched backwards
 * within the last 65,557 bytes, then the central file headers); nothing is decompressed.
 * `png`, `jpg`/`jpeg`, `gif`, `bmp`, `tif`/`tiff`, `webp`, `emf`, `wmf` and `svg` map to
 * `image/…`, `xml` and `rels` to `application/xml`, every other file to
 * `application/octet-stream`; directories are skipped. Types come in the order first seen.
 *
 * Never throws, whatever the bytes: returns `undefined` ("not inspected") for anything that is not
 * a readable ZIP archive starting with a local file header — legacy binary `.doc` (OLE), an
 * encrypted document, truncated or garbage bytes, an archive without entries, ZIP64 or split
 * archives. When the central directory breaks off part-way, or has more than
 * {@link MAX_CONTAINER_ENTRIES} entries, the types of the entries read before are returned.
 *
 * @param bytes the attachment as received
 * @returns the distinct content types inside, or `undefined` when the bytes were not inspected
 *
 * @example
 * ```ts
 * containedContentTypes(docxBytes); // ["application/xml", "image/png"]
 * containedContentTypes(legacyDocBytes); // undefined
 * ```
 */
export function containedContentTypes(bytes: Uint8Array): string[] | undefined {
  // An OOXML/ODF package starts with its first entry's local header; OLE (.doc, encrypted .docx) does not.
  if (bytes.length < END_RECORD_SIZE + 4 || u32(bytes, 0) !== LOCAL_FILE_HEADER) return undefined;
  const lowest = Math.max(4, bytes.length - END_RECORD_SEARCH);
  for (let at = bytes.length - END_RECORD_SIZE; at >= lowest; at -= 1) {
    if (u32(bytes, at) !== END_OF_CENTRAL_DIRECTORY) continue;
    const outcome = readAtEndRecord(bytes, at);
    if (outcome.kind === "types") return outcome.types;
    if (outcome.kind === "refused") return undefined;
  }
  return undefined;
}

// Word-like containers (K3): the three document types, or the file name when the sender's mail
// client labelled the file generically (application/octet-stream).
const WORD_CONTAINER_TYPE = /^application\/(?:vnd\.openxmlformats-officedocument\.wordprocessingml\.document|vnd\.ms-word\.document\.macroenabled\.12|vnd\.oasis\.opendocument\.text)$/i;
const WORD_CONTAINER_NAME = /\.(?:docx|docm|odt)$/i;

/**
 * Whether an attachment is a Word-like ZIP container worth inspecting (K3): a `.docx`, `.docm` or
 * `.odt` by content type or by file name (whatever the content type, so `application/octet-stream`
 * named `Fehler.docx` counts). Legacy `.doc` is not a container.
 */
export function isWordContainer(meta: Pick<AttachmentMeta, "filename" | "contentType">): boolean {
  const mediaType = meta.contentType.split(";", 1)[0]?.trim() ?? "";
  return WORD_CONTAINER_TYPE.test(mediaType) || WORD_CONTAINER_NAME.test(meta.filename);
}

/**
 * `meta` with `containedContentTypes` filled from the attachment's bytes when it is a Word-like
 * container ({@link isWordContainer}) that could be read ({@link containedContentTypes}); otherwise
 * `meta` unchanged. Apps call this where attachment bytes arrive (mail intake, upload), before
 * `classifyAttachment` (K3). Never throws.
 *
 * @example
 * ```ts
 * const meta = withContainedContentTypes({ filename: "Fehler.docx", contentType: "application/octet-stream", size: bytes.length }, bytes);
 * classifyAttachment(meta).flags; // ["screenshot-in-word-document"] when the document holds word/media/image1.png
 * ```
 */
export function withContainedContentTypes(meta: AttachmentMeta, bytes: Uint8Array): AttachmentMeta {
  if (!isWordContainer(meta)) return meta;
  const types = containedContentTypes(bytes);
  return types === undefined ? meta : { ...meta, containedContentTypes: types };
}
