import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** What tests read back from a generated PDF. */
export interface PdfContent {
  /** Text of each page: items joined by spaces, runs of whitespace collapsed to one space. */
  readonly pages: readonly string[];
  /** All pages' text. */
  readonly text: string;
  /** All text without any whitespace, to find values that wrap across lines (license keys). */
  readonly compact: string;
  /** Embedded files by name. */
  readonly attachments: Readonly<Record<string, Uint8Array>>;
  /** The document information dictionary. */
  readonly info: Readonly<Record<string, unknown>>;
  /** The XMP metadata as text. */
  readonly xmp: string;
}

/** Opens a PDF with pdfjs-dist (the legacy build for Node) and extracts text, files and metadata. */
export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  // pdfjs transfers the buffer it is given: hand it a copy so the caller's bytes stay intact.
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const strings = content.items.map((item) => ("str" in item ? item.str : ""));
      pages.push(strings.join(" ").replace(/\s+/g, " ").trim());
    }
    const attachments: Record<string, Uint8Array> = {};
    const raw = (await document.getAttachments()) as Record<string, { filename: string; content: Uint8Array }> | null;
    for (const [name, file] of Object.entries(raw ?? {})) attachments[name] = file.content;
    const metadata = await document.getMetadata();
    const text = pages.join(" ");
    const xmp = (metadata.metadata as { getRaw?: () => string } | null)?.getRaw?.() ?? "";
    return {
      pages,
      text,
      compact: text.replace(/\s+/g, ""),
      attachments,
      info: metadata.info as Record<string, unknown>,
      xmp,
    };
  } finally {
    await document.destroy();
  }
}
