import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PNG_BYTES, wordDocumentEntries, zipArchive } from "../testing/zip-archive.js";
import { classifyAttachment } from "./classify-attachment.js";
import { MAX_CONTAINER_ENTRIES, containedContentTypes, isWordContainer, withContainedContentTypes } from "./container-content-types.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XML = "application/xml";
const OCTET = "application/octet-stream";

/** Every type the function may report: what any input, however broken, can produce. */
const KNOWN_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff", "image/webp", "image/emf", "image/wmf", "image/svg+xml", XML, OCTET]);

const docxWithScreenshot = zipArchive(wordDocumentEntries({ image: true }));
const docxWithoutImages = zipArchive(wordDocumentEntries());
const odtWithPicture = zipArchive([
  { name: "mimetype", method: "stored", content: "application/vnd.oasis.opendocument.text" },
  { name: "META-INF/manifest.xml", content: '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
  { name: "content.xml", content: "<office:document-content/>" },
  { name: "Pictures/" },
  { name: "Pictures/x.jpg", method: "stored", content: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) },
]);

/** A copy of `bytes` with the little-endian field of `size` bytes at `at` set to `value`. */
function patched(bytes: Uint8Array, at: number, size: 2 | 4, value: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  if (size === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value, true);
  return copy;
}

/** Offset of the End Of Central Directory record of an archive without comment. */
const endRecordOf = (bytes: Uint8Array) => bytes.length - 22;

describe("containedContentTypes (K3)", () => {
  it("K3: a .docx with a pasted screenshot lists image/png beside its XML parts", () => {
    expect(containedContentTypes(docxWithScreenshot)).toEqual([XML, "image/png"]);
  });

  it("a .docx with only XML parts lists application/xml alone", () => {
    expect(containedContentTypes(docxWithoutImages)).toEqual([XML]);
  });

  it("an .odt with Pictures/x.jpg lists its mimetype file, XML and image/jpeg, skipping the directory entry", () => {
    expect(containedContentTypes(odtWithPicture)).toEqual([OCTET, XML, "image/jpeg"]);
  });

  it("reads names only: stored and deflated parts give the same answer", () => {
    expect(containedContentTypes(zipArchive(wordDocumentEntries({ image: true, method: "stored" })))).toEqual([XML, "image/png"]);
  });

  it.each([
    ["word/media/image2.JPEG", "image/jpeg"],
    ["word/media/image3.gif", "image/gif"],
    ["word/media/image4.bmp", "image/bmp"],
    ["word/media/image5.tif", "image/tiff"],
    ["word/media/image6.TIFF", "image/tiff"],
    ["word/media/image7.webp", "image/webp"],
    ["word/media/image8.emf", "image/emf"],
    ["word/media/image9.wmf", "image/wmf"],
    ["word/media/logo.svg", "image/svg+xml"],
    ["word/_rels/document.xml.rels", XML],
    ["word/media/Bildschirmfoto_Größe.png", "image/png"],
    ["word/embeddings/oleObject1.bin", OCTET],
    ["word/vbaProject", OCTET],
    ["word.media/image", OCTET],
    ["word\\media\\image1.png", "image/png"],
    ["word/media/image1.pngx", OCTET],
    ["word/media/.png", "image/png"],
  ])("maps the entry %s to %s", (name, type) => {
    expect(containedContentTypes(zipArchive([{ name, content: "x" }]))).toEqual([type]);
  });

  it("lists each type once, in the order first seen", () => {
    const bytes = zipArchive([{ name: "a.png" }, { name: "b.xml" }, { name: "c.PNG" }, { name: "d.rels" }, { name: "e.jpg" }]);
    expect(containedContentTypes(bytes)).toEqual(["image/png", XML, "image/jpeg"]);
  });

  it("an archive of directories only was inspected and holds nothing", () => {
    expect(containedContentTypes(zipArchive([{ name: "word/" }, { name: "word/media/" }]))).toEqual([]);
  });

  it("finds the end record behind an archive comment", () => {
    expect(containedContentTypes(zipArchive(wordDocumentEntries({ image: true }), { comment: "Erstellt mit Word für Microsoft 365" }))).toEqual([XML, "image/png"]);
  });

  it("finds the end record behind the longest comment (65,535 bytes, 65,557 from the end)", () => {
    const bytes = zipArchive(wordDocumentEntries({ image: true }), { comment: new Uint8Array(0xffff).fill(0x20) });
    expect(containedContentTypes(bytes)).toEqual([XML, "image/png"]);
  });

  it("skips a fake end-record signature inside the comment", () => {
    // Far enough from the end to be searched; as a record it would claim disk 0x0201.
    const fake = new Uint8Array([0x50, 0x4b, 0x05, 0x06, 1, 2, 3, 4, 5, 6, 7, 8, ...new TextEncoder().encode(" Kopie von Anna Becker, Juni 2026")]);
    expect(containedContentTypes(zipArchive(wordDocumentEntries({ image: true }), { comment: fake }))).toEqual([XML, "image/png"]);
  });

  it("skips a self-consistent fake end record in the comment that points at no central directory", () => {
    // 22-byte record: one entry, directory at offset 0 (a local header), comment length 0 = ends the file.
    const fake = new Uint8Array(22);
    const view = new DataView(fake.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, 1, true);
    view.setUint16(10, 1, true);
    view.setUint32(12, 46, true);
    expect(containedContentTypes(zipArchive(wordDocumentEntries({ image: true }), { comment: fake }))).toEqual([XML, "image/png"]);
  });

  it("returns undefined for every truncation of a small .docx, and the types only for the whole file", () => {
    for (let length = 0; length < docxWithScreenshot.length; length += 1) {
      expect(containedContentTypes(docxWithScreenshot.subarray(0, length)), `length ${length}`).toBeUndefined();
    }
    expect(containedContentTypes(docxWithScreenshot.subarray(0, docxWithScreenshot.length))).toEqual([XML, "image/png"]);
  });

  it("reads a Uint8Array view at an offset into a larger buffer", () => {
    const buffer = new Uint8Array(docxWithScreenshot.length + 7);
    buffer.set(docxWithScreenshot, 7);
    expect(containedContentTypes(buffer.subarray(7))).toEqual([XML, "image/png"]);
  });

  it.each([
    ["empty", new Uint8Array()],
    ["plain text", new TextEncoder().encode("Sehr geehrte Damen und Herren, anbei der Screenshot.")],
    ["a PNG", PNG_BYTES],
    // Legacy .doc and encrypted .docx: OLE compound file signature D0 CF 11 E0 A1 B1 1A E1.
    ["legacy .doc (OLE)", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)])],
    ["OLE with a ZIP appended", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...docxWithScreenshot])],
    ["only an end record (empty ZIP)", zipArchive([])],
  ])("returns undefined for %s", (_, bytes) => {
    expect(containedContentTypes(bytes)).toBeUndefined();
  });

  it("returns undefined for an archive whose end record counts zero entries", () => {
    const end = endRecordOf(docxWithoutImages);
    expect(containedContentTypes(patched(patched(docxWithoutImages, end + 8, 2, 0), end + 10, 2, 0))).toBeUndefined();
  });

  it("returns undefined when the end record's directory offset or size lies", () => {
    const end = endRecordOf(docxWithScreenshot);
    expect(containedContentTypes(patched(docxWithScreenshot, end + 16, 4, 0x7fff_fff0))).toBeUndefined();
    expect(containedContentTypes(patched(docxWithScreenshot, end + 12, 4, 0x7fff_fff0))).toBeUndefined();
    // Pointing inside the first local header: no central header signature there.
    expect(containedContentTypes(patched(docxWithScreenshot, end + 16, 4, 5))).toBeUndefined();
  });

  it("returns undefined when the first central header's name length runs past the directory", () => {
    const directory = new DataView(docxWithScreenshot.buffer).getUint32(endRecordOf(docxWithScreenshot) + 16, true);
    expect(containedContentTypes(patched(docxWithScreenshot, directory + 28, 2, 0xffff))).toBeUndefined();
    expect(containedContentTypes(patched(docxWithScreenshot, directory + 30, 2, 0xffff))).toBeUndefined();
  });

  it("returns the types read before a central header that breaks off", () => {
    // The image is the 5th entry; a lying comment length in the 4th header ends the walk there.
    const bytes = docxWithScreenshot;
    const view = new DataView(bytes.buffer);
    let header = view.getUint32(endRecordOf(bytes) + 16, true);
    for (let index = 0; index < 3; index += 1) header += 46 + view.getUint16(header + 28, true);
    expect(containedContentTypes(patched(bytes, header + 32, 2, 0xffff))).toEqual([XML]);
    expect(containedContentTypes(patched(bytes, header, 4, 0x12345678))).toEqual([XML]);
  });

  it("refuses ZIP64 archives cleanly (marker values or a ZIP64 locator)", () => {
    const end = endRecordOf(docxWithScreenshot);
    expect(containedContentTypes(patched(patched(docxWithScreenshot, end + 8, 2, 0xffff), end + 10, 2, 0xffff))).toBeUndefined();
    expect(containedContentTypes(patched(docxWithScreenshot, end + 16, 4, 0xffffffff))).toBeUndefined();
    expect(containedContentTypes(patched(docxWithScreenshot, end + 12, 4, 0xffffffff))).toBeUndefined();
    expect(containedContentTypes(zipArchive(wordDocumentEntries({ image: true }), { zip64Locator: true }))).toBeUndefined();
  });

  it("refuses split archives", () => {
    const end = endRecordOf(docxWithScreenshot);
    expect(containedContentTypes(patched(docxWithScreenshot, end + 4, 2, 1))).toBeUndefined();
    expect(containedContentTypes(patched(docxWithScreenshot, end + 8, 2, 4))).toBeUndefined();
  });

  it(`reads at most ${MAX_CONTAINER_ENTRIES} entries`, () => {
    const entries = Array.from({ length: MAX_CONTAINER_ENTRIES }, (_, index) => ({ name: `p/${index}.xml`, method: "stored" as const }));
    const bytes = zipArchive([...entries, { name: "word/media/image1.png", method: "stored" }]);
    expect(containedContentTypes(bytes)).toEqual([XML]);
    expect(containedContentTypes(zipArchive([...entries.slice(1), { name: "word/media/image1.png", method: "stored" }]))).toEqual([XML, "image/png"]);
  });

  it("never throws on random bytes, with or without a ZIP signature in front", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (random, signed) => {
        const bytes = signed ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...random]) : random;
        const result = containedContentTypes(bytes);
        expect(result === undefined || result.every((type) => KNOWN_TYPES.has(type))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on a .docx with bytes overwritten anywhere, and reports only known types", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: docxWithScreenshot.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (changes) => {
          const bytes = docxWithScreenshot.slice();
          for (const [at, value] of changes) bytes[at] = value;
          const result = containedContentTypes(bytes);
          expect(result === undefined || result.every((type) => KNOWN_TYPES.has(type))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("isWordContainer and withContainedContentTypes (K3)", () => {
  it.each([
    [{ filename: "Fehler.docx", contentType: DOCX }, true],
    [{ filename: "Makro.docm", contentType: "application/vnd.ms-word.document.macroEnabled.12" }, true],
    [{ filename: "Protokoll.odt", contentType: "application/vnd.oasis.opendocument.text" }, true],
    [{ filename: "Fehler.DOCX", contentType: "application/octet-stream" }, true],
    [{ filename: "attachment", contentType: `${DOCX}; name="Fehler.docx"` }, true],
    [{ filename: "Alt.doc", contentType: "application/msword" }, false],
    [{ filename: "Liste.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, false],
    [{ filename: "Fotos.zip", contentType: "application/zip" }, false],
  ])("isWordContainer(%o) is %s", (meta, expected) => {
    expect(isWordContainer(meta)).toBe(expected);
  });

  it("K3: an octet-stream .docx with a screenshot gets its contained types and is flagged by classifyAttachment", () => {
    const meta = withContainedContentTypes({ filename: "Fehler.docx", contentType: "application/octet-stream", size: docxWithScreenshot.length }, docxWithScreenshot);
    expect(meta.containedContentTypes).toEqual([XML, "image/png"]);
    expect(classifyAttachment(meta)).toMatchObject({ kind: "word-document", flags: ["screenshot-in-word-document"] });
  });

  it("K3: a .docx without images is inspected and not flagged", () => {
    const meta = withContainedContentTypes({ filename: "Protokoll.docx", contentType: DOCX, size: docxWithoutImages.length }, docxWithoutImages);
    expect(meta.containedContentTypes).toEqual([XML]);
    expect(classifyAttachment(meta).flags).toEqual([]);
  });

  it("K3: an .odt with a picture is flagged", () => {
    const meta = withContainedContentTypes({ filename: "Protokoll.odt", contentType: "application/vnd.oasis.opendocument.text", size: odtWithPicture.length }, odtWithPicture);
    expect(classifyAttachment(meta).flags).toEqual(["screenshot-in-word-document"]);
  });

  it("leaves other attachments and unreadable documents as they are (not inspected)", () => {
    const sheet = { filename: "Liste.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", size: docxWithScreenshot.length };
    expect(withContainedContentTypes(sheet, docxWithScreenshot)).toBe(sheet);
    const broken = { filename: "Fehler.docx", contentType: DOCX, size: 4 };
    expect(withContainedContentTypes(broken, new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(broken);
  });
});
