import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Test support: the text of every page of a PDF as pdfjs-dist reads it (the legacy build for
 * Node), runs of whitespace collapsed to one space. Throws when the bytes are no readable PDF.
 */
export async function readPdfText(bytes: Uint8Array): Promise<string> {
  // pdfjs transfers the buffer it is given: hand it a copy so the caller's bytes stay intact.
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    }
    return pages.join(" ").replace(/\s+/g, " ").trim();
  } finally {
    await document.destroy();
  }
}
