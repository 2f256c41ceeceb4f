/**
 * Builds real ZIP archives for tests (APPNOTE.TXT 6.3.10: local headers, central directory, End
 * Of Central Directory record), stored or deflated, with correct CRC-32 and sizes, so that
 * container inspection is tested against the bytes an Office application writes. Exported as
 * `@kontor/ticketing/testing` for the tests of apps that hand attachments to the package.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** One file of an archive. */
export interface ZipEntryInput {
  /** Path inside the archive, `/`-separated; a trailing `/` makes a directory entry. */
  readonly name: string;
  readonly content?: string | Uint8Array;
  /** `deflated` (method 8) by default, as Word writes its parts; `stored` is method 0. */
  readonly method?: "stored" | "deflated";
}

/** Archive-level options. */
export interface ZipOptions {
  /** The archive comment after the End Of Central Directory record (at most 65,535 bytes). */
  readonly comment?: string | Uint8Array;
  /** Writes a ZIP64 End Of Central Directory locator before the end record (as ZIP64 writers do). */
  readonly zip64Locator?: boolean;
}

// A fixed DOS date and time (2026-06-03 09:15:00) so archives are byte-for-byte reproducible.
const DOS_TIME = (9 << 11) | (15 << 5);
const DOS_DATE = ((2026 - 1980) << 9) | (6 << 5) | 3;
const UTF8_NAMES = 0x0800;

function bytesOf(value: string | Uint8Array): Uint8Array {
  return typeof value === "string" ? new TextEncoder().encode(value) : value;
}

/** A little-endian record of 16- and 32-bit fields. */
function record(fields: readonly (readonly [size: 2 | 4, value: number])[]): Uint8Array {
  const out = new Uint8Array(fields.reduce((sum, [size]) => sum + size, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [size, value] of fields) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += size;
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The bytes of a ZIP archive holding `entries` in order. */
export function zipArchive(entries: readonly ZipEntryInput[], options: ZipOptions = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = bytesOf(entry.name);
    const content = bytesOf(entry.content ?? "");
    const method = entry.method === "stored" || entry.name.endsWith("/") ? 0 : 8;
    const data = method === 8 ? new Uint8Array(deflateRawSync(content)) : content;
    const crc = crc32(content);
    const shared = [
      [2, 20],
      [2, UTF8_NAMES],
      [2, method],
      [2, DOS_TIME],
      [2, DOS_DATE],
      [4, crc],
      [4, data.length],
      [4, content.length],
      [2, name.length],
    ] as const;
    const local = concat([record([[4, 0x04034b50], ...shared, [2, 0]]), name, data]);
    centrals.push(concat([record([[4, 0x02014b50], [2, 20], ...shared, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(centrals);
  const comment = bytesOf(options.comment ?? "");
  const locator = options.zip64Locator === true ? [record([[4, 0x07064b50], [4, 0], [4, offset + directory.length], [4, 0], [4, 1]])] : [];
  const end = record([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, entries.length],
    [2, entries.length],
    [4, directory.length],
    [4, offset],
    [2, comment.length],
  ]);
  return concat([...locals, directory, ...locator, end, comment]);
}

/** The first bytes of a PNG (signature and IHDR start): what a pasted screenshot begins with. */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** The parts of a minimal Word document (`.docx`); with `image`, a pasted screenshot in `word/media/image1.png`. */
export function wordDocumentEntries(options: { readonly image?: boolean; readonly method?: "stored" | "deflated" } = {}): ZipEntryInput[] {
  const method = options.method ?? "deflated";
  const imageOverride = options.image === true ? '<Default Extension="png" ContentType="image/png"/>' : "";
  const imageRelationship =
    options.image === true
      ? '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>'
      : "";
  return [
    {
      name: "[Content_Types].xml",
      method,
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${imageOverride}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      method,
      content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: "word/document.xml",
      method,
      content: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Fehlermeldung beim Drucken, siehe Bild.</w:t></w:r></w:p></w:body></w:document>',
    },
    {
      name: "word/_rels/document.xml.rels",
      method,
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${imageRelationship}</Relationships>`,
    },
    ...(options.image === true ? [{ name: "word/media/image1.png", method: "stored" as const, content: PNG_BYTES }] : []),
  ];
}
