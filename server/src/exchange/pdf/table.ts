import { FONT, faceOf } from './fonts.ts';
import { INK, type ReportWriter, SIZE } from './layout.ts';
import { oneLine, safeText } from './safeText.ts';

/** One column: its header, its share of the text width, and how its cells align. */
export type Column = { header: string; width: number; align?: 'left' | 'right' };

/** One cell: text, optionally bold or italic (a long text wraps; a row taller than a page is cut with "…"). */
export type Cell = string | { text: string; bold?: boolean; italic?: boolean };

/** A row: one cell per column, or one cell across the whole width (`span`), e.g. a detail line under a row. */
export type Row = Cell[] | { span: Cell };

type TableOptions = {
  /** Draw the header row (and repeat it on every page the table runs onto). Default true. */
  header?: boolean;
  size?: number;
  /** Shade every other row. Default true. */
  zebra?: boolean;
};

const PAD_X = 4;
const PAD_Y = 3;

/**
 * Draws a table down the page. Rows never split: a row that does not fit starts a new page,
 * and the header row is drawn again at the top of it. Widths are shares of the text width.
 */
export function table(w: ReportWriter, columns: Column[], rows: Row[], options: TableOptions = {}): void {
  const { doc } = w;
  const size = options.size ?? SIZE.small;
  const showHeader = options.header ?? true;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * w.width);
  const lineGap = size * 0.15;
  const cellOf = (cell: Cell | undefined) =>
    typeof cell === 'string' || cell === undefined ? { text: cell ?? '', bold: false, italic: false } : cell;

  const layoutOf = (row: Row) =>
    Array.isArray(row) ? { cells: row, widths } : { cells: [row.span], widths: [w.width] };

  const measure = (row: Row, header: boolean) => {
    const { cells, widths } = layoutOf(row);
    return Math.max(
      size + 2 * PAD_Y,
      ...cells.map((_, i) => {
        const cell = cellOf(cells[i]);
        doc.font(header ? FONT.bold : faceOf(cell.bold ?? false, cell.italic ?? false)).fontSize(size);
        const text = header ? oneLine(cell.text) : safeText(cell.text);
        return doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * PAD_X, lineGap }) + 2 * PAD_Y;
      }),
    );
  };

  const drawRow = (row: Row, height: number, kind: 'header' | 'body', shade: boolean) => {
    const { cells, widths } = layoutOf(row);
    const top = w.y;
    if (kind === 'header') doc.rect(w.left, top, w.width, height).fill(INK.light);
    else if (shade) doc.rect(w.left, top, w.width, height).fill(INK.faint);
    let x = w.left;
    cells.forEach((_, i) => {
      const cell = cellOf(cells[i]);
      const align = Array.isArray(row) ? (columns[i]?.align ?? 'left') : 'left';
      const width = widths[i] ?? 0;
      doc
        .font(kind === 'header' ? FONT.bold : faceOf(cell.bold ?? false, cell.italic ?? false))
        .fontSize(size)
        .fillColor(INK.text);
      const text = kind === 'header' ? oneLine(cell.text) : safeText(cell.text);
      doc.text(text, x + PAD_X, top + PAD_Y, {
        width: width - 2 * PAD_X,
        height: height - 2 * PAD_Y,
        ellipsis: true,
        lineGap,
        align,
      });
      x += width;
    });
    doc
      .moveTo(w.left, top + height)
      .lineTo(w.left + w.width, top + height)
      .lineWidth(kind === 'header' ? 0.8 : 0.3)
      .strokeColor(INK.rule)
      .stroke();
    doc.y = top + height;
  };

  const headerCells = columns.map((c) => c.header);
  const headerHeight = showHeader ? measure(headerCells, true) : 0;
  const header = () => {
    if (showHeader) drawRow(headerCells, headerHeight, 'header', false);
  };
  // The largest row a page can hold under its header; taller rows are cut to it.
  const maxRow = w.pageHeight - headerHeight - 4;

  const firstHeight = rows[0] ? Math.min(measure(rows[0], false), maxRow) : 0;
  w.ensureSpace(headerHeight + firstHeight);
  header();
  // A span row belongs to the row above it: same shade, and never left alone at the top of a page.
  let group = -1;
  rows.forEach((row, index) => {
    if (Array.isArray(row) || index === 0) group++;
    const height = Math.min(measure(row, false), maxRow);
    const next = rows[index + 1];
    const keep = next !== undefined && !Array.isArray(next) ? Math.min(measure(next, false), maxRow) : 0;
    const needed = height + keep <= maxRow ? height + keep : height;
    if (w.y + needed > w.bottom) {
      w.newPage();
      header();
    }
    drawRow(row, height, 'body', (options.zebra ?? true) && group % 2 === 1);
  });
  doc.y += 8;
  w.resetText();
}

/** Label–value pairs as a two-column table without a header (facts, version, inputs). */
export function keyValues(w: ReportWriter, pairs: [string, string][], labelShare = 0.38): void {
  table(
    w,
    [
      { header: '', width: labelShare },
      { header: '', width: 1 - labelShare },
    ],
    pairs.map(([label, value]) => [{ text: label, bold: true }, value]),
    { header: false, size: SIZE.body - 0.5, zebra: false },
  );
}
