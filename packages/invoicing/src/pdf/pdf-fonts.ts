/**
 * The TrueType fonts a PDF is set in. PDF/A requires every font to be embedded, so the bytes
 * are an input of the renderers (domain code reads no files); `@kontor/invoicing/fonts` loads
 * the DejaVu Sans fonts shipped with `dejavu-fonts-ttf`.
 */
export interface PdfFonts {
  /** Regular weight, e.g. DejaVuSans.ttf. */
  readonly regular: Uint8Array;
  /** Bold weight, e.g. DejaVuSans-Bold.ttf. */
  readonly bold: Uint8Array;
}

/** Languages the documents are printed in; German is the default. */
export type DocumentLanguage = "de" | "en";

/** Options every PDF renderer takes. */
export interface PdfRenderOptions {
  readonly fonts: PdfFonts;
  /** `"de"` (default) or `"en"`. */
  readonly language?: DocumentLanguage;
}
