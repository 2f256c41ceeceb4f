/**
 * `@kontor/invoicing/fonts`: the default fonts of the PDF documents, DejaVu Sans regular and
 * bold from the `dejavu-fonts-ttf` package. This entry reads files; the main entry does not
 * (domain code gets the font bytes as input).
 *
 * @packageDocumentation
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PdfFonts } from "../pdf/pdf-fonts.js";

export type { PdfFonts } from "../pdf/pdf-fonts.js";

/** The files of the default fonts inside `dejavu-fonts-ttf`. */
export const DEJAVU_FONT_FILES = Object.freeze({
  regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
});

let cached: PdfFonts | undefined;

/**
 * DejaVu Sans regular and bold, read once per process. DejaVu covers Latin, Greek and Cyrillic
 * including `€`, `–` and German umlauts.
 */
export function loadDejaVuFonts(): PdfFonts {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  cached = Object.freeze({
    regular: new Uint8Array(readFileSync(require.resolve(DEJAVU_FONT_FILES.regular))),
    bold: new Uint8Array(readFileSync(require.resolve(DEJAVU_FONT_FILES.bold))),
  });
  return cached;
}
