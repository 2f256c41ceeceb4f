import { inflateSync } from "node:zlib";

/** The bytes of a PDF as latin1 text: PDF syntax is bytes, so every byte maps to one character. */
export function pdfText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

/**
 * The decoded content of every stream of a PDF (FlateDecode inflated, others as they are), to
 * read back what a PDF embeds (such as `factur-x.xml`) without a PDF library.
 */
export function pdfStreams(bytes: Uint8Array): string[] {
  const raw = pdfText(bytes);
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) continue;
    const data = Buffer.from(raw.slice(start, end), "latin1");
    try {
      streams.push(inflateSync(data).toString("utf8"));
    } catch {
      streams.push(data.toString("utf8"));
    }
  }
  return streams;
}

/** The embedded CII XML (`factur-x.xml`) of a Factur-X/ZUGFeRD PDF, or `undefined`. */
export function embeddedCiiXml(bytes: Uint8Array): string | undefined {
  return pdfStreams(bytes).find((stream) => stream.startsWith("<?xml") && stream.includes("CrossIndustryInvoice"));
}
