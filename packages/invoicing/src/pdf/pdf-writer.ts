import PDFDocument from "pdfkit";
import type { DocumentLanguage, PdfFonts } from "./pdf-fonts.js";

/** What a PDF needs before the first page. */
export interface PdfSetup {
  /** Document title in the metadata, e.g. `Rechnung RE-2026-000123`. */
  readonly title: string;
  /** Date of the document: the PDF's creation date, so the same input gives the same bytes. */
  readonly documentDate: string;
  readonly language: DocumentLanguage;
  readonly fonts: PdfFonts;
  /** Small lines at the foot of every page (seller, registration, tax IDs, bank). */
  readonly footerLines: readonly string[];
  /** Page numbering, e.g. `(1, 2) => "Seite 1 von 2"`. */
  readonly pageLabel: (current: number, total: number) => string;
}

/** One table column. */
export interface PdfColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: "left" | "right";
}

/** One table cell: a main text and smaller lines beneath it (periods, keys, notes). */
export interface PdfCell {
  readonly text: string;
  readonly details?: readonly string[];
  readonly bold?: boolean;
}

const REGULAR = "kontor-regular";
const BOLD = "kontor-bold";
const GREY = "#555555";
const BLACK = "#000000";
const FOOTER_HEIGHT = 58;

/**
 * A thin layout layer over pdfkit: A4 pages with margins, a footer and page numbers on every
 * page, tables that repeat their header on page breaks. Every document is PDF/A-3b (fonts
 * embedded, sRGB output intent, XMP metadata) and deterministic: the creation date is the
 * document date, nothing reads the clock.
 */
export class PdfWriter {
  /** The pdfkit document, for what the writer does not cover. */
  readonly doc: PDFKit.PDFDocument;
  /** Left margin. */
  readonly left = 56;
  /** Right edge of the text area. */
  readonly right: number;
  private readonly bottom: number;

  constructor(private readonly setup: PdfSetup) {
    const [year, month, day] = setup.documentDate.split("-").map(Number);
    this.doc = new PDFDocument({
      size: "A4",
      margins: { top: 50, bottom: 50, left: this.left, right: 56 },
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: "1.7",
      subset: "PDF/A-3b",
      lang: setup.language === "de" ? "de-DE" : "en-GB",
      displayTitle: true,
      info: {
        // pdfkit copies the title into the XMP unescaped; numbers and labels never contain these.
        Title: setup.title.replace(/[&<>"]/g, ""),
        Producer: "Kontor @kontor/invoicing",
        Creator: "Kontor",
        CreationDate: new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)),
      },
    });
    this.doc.registerFont(REGULAR, toBuffer(setup.fonts.regular));
    this.doc.registerFont(BOLD, toBuffer(setup.fonts.bold));
    this.doc.addPage();
    this.right = this.doc.page.width - 56;
    this.bottom = this.doc.page.height - 50 - FOOTER_HEIGHT;
    this.doc.font(REGULAR).fontSize(9).fillColor(BLACK);
  }

  /** Width of the text area. */
  get width(): number {
    return this.right - this.left;
  }

  /** Current vertical position. */
  get y(): number {
    return this.doc.y;
  }

  /** Moves the vertical position to `y`. */
  moveTo(y: number): this {
    this.doc.y = y;
    return this;
  }

  /** Moves down by `points`. */
  space(points: number): this {
    this.doc.y += points;
    return this;
  }

  /** Starts a new page when less than `height` points are left. */
  ensureSpace(height: number): this {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = this.doc.page.margins.top;
    }
    return this;
  }

  /** Sets font weight, size and colour. */
  style(weight: "regular" | "bold", size: number, colour: "black" | "grey" = "black"): this {
    this.doc
      .font(weight === "bold" ? BOLD : REGULAR)
      .fontSize(size)
      .fillColor(colour === "black" ? BLACK : GREY);
    return this;
  }

  /** Height of `text` set in a box of `width` in the current style. */
  heightOf(text: string, width: number): number {
    return this.doc.heightOfString(text, { width });
  }

  /** Writes `text` at (`x`, `y`) in a box of `width`; returns the y below it. */
  textAt(text: string, x: number, y: number, width: number, align: "left" | "right" = "left"): number {
    this.doc.text(text, x, y, { width, align });
    return this.doc.y;
  }

  /** Writes a paragraph across the text area, on a new page if it does not fit. */
  paragraph(text: string, size = 9, weight: "regular" | "bold" = "regular"): this {
    this.style(weight, size);
    this.ensureSpace(this.heightOf(text, this.width) + 2);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    return this;
  }

  /** Label/value pairs in two columns starting at (`x`, `y`); returns the y below them. */
  keyValues(pairs: readonly (readonly [string, string])[], x: number, y: number, width: number): number {
    const labelWidth = Math.round(width * 0.45);
    let line = y;
    for (const [label, value] of pairs) {
      this.style("regular", 8.5, "grey");
      const labelBottom = this.textAt(label, x, line, labelWidth - 4);
      this.style("regular", 8.5);
      const valueBottom = this.textAt(value, x + labelWidth, line, width - labelWidth);
      line = Math.max(labelBottom, valueBottom) + 1.5;
    }
    this.style("regular", 9);
    return line;
  }

  /** A table with a bold header row that repeats on every page the table continues on. */
  table(columns: readonly PdfColumn[], rows: readonly (readonly (PdfCell | string)[])[]): this {
    const padding = 3;
    const drawHeader = (): void => {
      this.style("bold", 8);
      const height = Math.max(...columns.map((column) => this.heightOf(column.header, column.width - padding * 2)));
      const top = this.doc.y;
      let x = this.left;
      for (const column of columns) {
        this.textAt(column.header, x + padding, top, column.width - padding * 2, column.align);
        x += column.width;
      }
      this.doc.y = top + height + 3;
      this.rule();
      this.doc.y += 3;
    };
    this.ensureSpace(40);
    drawHeader();
    for (const row of rows) {
      const cells = row.map((cell) => (typeof cell === "string" ? { text: cell } : cell));
      const heights = cells.map((cell, index) => this.cellHeight(cell, (columns[index]?.width ?? 0) - padding * 2));
      const height = Math.max(...heights);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        this.doc.y = this.doc.page.margins.top;
        drawHeader();
      }
      const top = this.doc.y;
      let x = this.left;
      cells.forEach((cell, index) => {
        const column = columns[index];
        if (column === undefined) return;
        this.drawCell(cell, x + padding, top, column.width - padding * 2, column.align ?? "left");
        x += column.width;
      });
      this.doc.y = top + height + 4;
    }
    this.rule();
    this.doc.y += 4;
    this.style("regular", 9);
    return this;
  }

  /** Right-aligned totals: label and amount per line, the `emphasised` lines in bold. */
  totals(lines: readonly { label: string; value: string; emphasised?: boolean }[]): this {
    const labelX = this.left + this.width * 0.42;
    const labelWidth = this.width * 0.38;
    const valueWidth = this.width * 0.2;
    this.ensureSpace(lines.length * 13 + 6);
    for (const line of lines) {
      this.style(line.emphasised === true ? "bold" : "regular", 9);
      const top = this.doc.y;
      const below = Math.max(
        this.textAt(line.label, labelX, top, labelWidth),
        this.textAt(line.value, labelX + labelWidth, top, valueWidth, "right"),
      );
      this.doc.y = below + 2;
    }
    this.style("regular", 9);
    return this;
  }

  /** A thin horizontal line across the text area at the current position. */
  rule(): this {
    this.doc
      .moveTo(this.left, this.doc.y)
      .lineTo(this.right, this.doc.y)
      .lineWidth(0.5)
      .strokeColor("#999999")
      .stroke();
    return this;
  }

  /**
   * Embeds a file (PDF/A-3 associated file, listed in the catalog's `/AF`), e.g. the
   * `factur-x.xml` of an invoice.
   */
  attach(
    bytes: Uint8Array,
    options: { name: string; mimeType: string; description: string; relationship: string; date: string },
  ): this {
    const date = new Date(`${options.date}T00:00:00Z`);
    // pdfkit supports `relationship` (AFRelationship); @types/pdfkit does not list it yet.
    const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
      name: options.name,
      type: options.mimeType,
      description: options.description,
      relationship: options.relationship,
      creationDate: date,
      modifiedDate: date,
    };
    this.doc.file(toBuffer(bytes), attachment);
    return this;
  }

  /** Adds XMP metadata (an `rdf:Description`) to the document's metadata stream. */
  appendXmp(xml: string): this {
    this.doc.appendXML(xml);
    return this;
  }

  /** Draws footers and page numbers, ends the document and returns its bytes. */
  finish(): Uint8Array {
    const range = this.doc.bufferedPageRange();
    for (let index = 0; index < range.count; index += 1) {
      this.doc.switchToPage(range.start + index);
      // Writing below the bottom margin would start a new page: lift the margin for the footer.
      const margins = this.doc.page.margins;
      const savedBottom = margins.bottom;
      margins.bottom = 0;
      let y = this.doc.page.height - 50 - FOOTER_HEIGHT + 14;
      this.doc
        .moveTo(this.left, y - 6)
        .lineTo(this.right, y - 6)
        .lineWidth(0.5)
        .strokeColor("#999999")
        .stroke();
      this.style("regular", 7, "grey");
      for (const line of this.setup.footerLines) {
        y = this.textAt(line, this.left, y, this.width - 70);
      }
      this.textAt(
        this.setup.pageLabel(index + 1, range.count),
        this.right - 70,
        this.doc.page.height - 50 - FOOTER_HEIGHT + 14,
        70,
        "right",
      );
      margins.bottom = savedBottom;
    }
    this.doc.end();
    const chunks: Uint8Array[] = [];
    // pdfkit writes synchronously into the stream's buffer: read it out without waiting.
    for (let chunk: unknown = this.doc.read(); chunk !== null; chunk = this.doc.read()) {
      chunks.push(chunk as Uint8Array);
    }
    return concat(chunks);
  }

  private cellHeight(cell: PdfCell, width: number): number {
    this.style(cell.bold === true ? "bold" : "regular", 8.5);
    let height = this.heightOf(cell.text, width);
    this.style("regular", 7.5, "grey");
    for (const detail of cell.details ?? []) height += this.heightOf(detail, width) + 1;
    return height;
  }

  private drawCell(cell: PdfCell, x: number, y: number, width: number, align: "left" | "right"): void {
    this.style(cell.bold === true ? "bold" : "regular", 8.5);
    let line = this.textAt(cell.text, x, y, width, align);
    this.style("regular", 7.5, "grey");
    for (const detail of cell.details ?? []) line = this.textAt(detail, x, line + 1, width, align);
    this.style("regular", 9);
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
