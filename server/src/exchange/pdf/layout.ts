import PDFDocument from 'pdfkit';
import { FONT, type FontFace, registerFonts } from './fonts.ts';
import { safeText } from './safeText.ts';

/** A4 in points, with margins that leave room for the footer and for hole punching. */
export const PAGE = {
  size: 'A4',
  margins: { top: 56, bottom: 68, left: 62, right: 56 },
  footerOffset: 40,
} as const;

/** Print-friendly greys: the report must read in black and white. */
export const INK = {
  text: '#111111',
  muted: '#4d4d4d',
  rule: '#8c8c8c',
  light: '#d9d9d9',
  faint: '#f0f0f0',
  dark: '#3a3a3a',
} as const;

/** Sizes of the text styles (points). */
export const SIZE = { title: 22, h1: 16, h2: 12.5, h3: 10.5, body: 9.5, small: 8.5, tiny: 7.5 } as const;

type TextStyle = { size?: number; face?: FontFace; color?: string; indent?: number; width?: number; gapAfter?: number };

/** A new A4 document with the fonts embedded and fixed metadata (no clock: dates come from the export). */
export function createDocument(meta: { title: string; subject: string; createdAt: Date; lang: string }) {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Creator: 'Caseroom',
      Producer: 'Caseroom',
      CreationDate: meta.createdAt,
    },
  });
  registerFonts(doc);
  doc.fillColor(INK.text);
  return doc;
}

/**
 * The flow of a report: headings, paragraphs and notes one after another down the page, a new
 * page when the next block does not fit. Every string goes through `safeText` and `doc.text`
 * with no `link` option, so user text can never become a link, an action or markup.
 */
export class ReportWriter {
  /** The orientation of the pages this writer starts (wide tables get landscape pages). */
  orientation: 'portrait' | 'landscape' = 'portrait';

  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Left edge of the text column. */
  get left(): number {
    return this.doc.page.margins.left;
  }

  /** Width of the text column. */
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** The lowest y content may reach on this page. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Height available on an empty page. */
  get pageHeight(): number {
    return this.doc.page.height - this.doc.page.margins.top - this.doc.page.margins.bottom;
  }

  get y(): number {
    return this.doc.y;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /** Starts a new page, in `orientation` (which stays for the pages after it). */
  newPage(orientation = this.orientation): void {
    this.orientation = orientation;
    this.doc.addPage({ size: PAGE.size, layout: orientation, margins: { ...PAGE.margins } });
    this.doc.x = this.left;
  }

  /** Vertical space. */
  gap(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
    this.doc.x = this.left;
  }

  /** A section (1), sub-section (2) or block (3) heading, kept with at least a few lines of what follows. */
  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
    const before = level === 1 ? 6 : level === 2 ? 10 : 7;
    const keep = level === 1 ? 110 : 70;
    this.ensureSpace(before + size * 2 + keep);
    if (this.doc.y > this.doc.page.margins.top + 1) this.gap(before);
    this.doc.font(FONT.bold).fontSize(size).fillColor(INK.text);
    this.doc.text(safeText(text, 400), this.left, this.doc.y, { width: this.width });
    if (level === 1) {
      const y = this.doc.y + 2;
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(0.8)
        .strokeColor(INK.rule)
        .stroke();
      this.doc.y = y + 6;
    } else {
      this.doc.y += 3;
    }
    this.resetText();
  }

  /** A paragraph of plain text (may run onto the next page). */
  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? SIZE.body;
    const indent = style.indent ?? 0;
    this.ensureSpace(size * 2.5);
    this.doc
      .font(style.face ?? FONT.regular)
      .fontSize(size)
      .fillColor(style.color ?? INK.text);
    this.doc.text(safeText(text), this.left + indent, this.doc.y, {
      width: style.width ?? this.width - indent,
      lineGap: size * 0.25,
    });
    this.doc.y += style.gapAfter ?? size * 0.5;
    this.resetText();
  }

  /** A small grey note (how to read a chart, units, the seed). */
  note(text: string): void {
    this.paragraph(text, { size: SIZE.small, face: FONT.italic, color: INK.muted });
  }

  /** Back to the body style at the left margin. */
  resetText(): void {
    this.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(INK.text);
    this.doc.x = this.left;
  }
}
