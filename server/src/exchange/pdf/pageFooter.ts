import { FONT } from './fonts.ts';
import { INK, PAGE, SIZE } from './layout.ts';
import { oneLine } from './safeText.ts';

/** Characters of the content hash shown in every footer (the full hash is on the cover and with each sign-off). */
export const FOOTER_HASH_CHARS = 12;

/**
 * Writes every page's footer once the page count is known: the case title and the version's
 * hash prefix on the left, "Side n af N" / "Page n of N" on the right. Needs `bufferPages`.
 */
export function drawFooters(
  doc: PDFKit.PDFDocument,
  footer: { title: string; hash: string; page: (n: number, total: number) => string },
): void {
  const range = doc.bufferedPageRange();
  const left = `${oneLine(footer.title, 200)} · ${footer.hash.slice(0, FOOTER_HASH_CHARS)}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin first.
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    const y = page.height - PAGE.footerOffset;
    const x = page.margins.left;
    const width = page.width - page.margins.left - page.margins.right;
    doc
      .moveTo(x, y - 6)
      .lineTo(x + width, y - 6)
      .lineWidth(0.4)
      .strokeColor(INK.rule)
      .stroke();
    doc.font(FONT.regular).fontSize(SIZE.tiny).fillColor(INK.muted);
    const pageText = footer.page(i - range.start + 1, range.count);
    const pageWidth = doc.widthOfString(pageText) + 2;
    doc.text(left, x, y, { width: width - pageWidth - 16, height: SIZE.tiny * 1.4, ellipsis: true });
    doc.text(pageText, x + width - pageWidth, y, { width: pageWidth, align: 'right', lineBreak: false });
    page.margins.bottom = bottomMargin;
  }
}
