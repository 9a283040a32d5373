import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AnnexBlock, AnnexColumn } from '../annex/annexBlocks.ts';

/**
 * One annex block as Word content: headings as Word's own Heading 1–3 (so the navigation pane and
 * a table of contents find them), paragraphs, and real tables (header row repeated on every
 * page). Every text goes in as a text run — the library escapes it — never as markup.
 */
export function docxBlock(block: AnnexBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: lines(block.text) })];
    case 'paragraph':
      return [new Paragraph({ children: lines(block.text, { italics: block.note === true }) })];
    case 'fields':
      return [
        docxTable(
          [
            { header: '', width: 2 },
            { header: '', width: 3 },
          ],
          block.rows.map((row) => [row.label, row.value]),
          { header: false, boldFirstColumn: true },
        ),
        spacer(),
      ];
    case 'table':
      return [docxTable(block.columns, block.rows, { header: true, totalRow: block.totalRow === true }), spacer()];
  }
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** The width of the text column of an A4 page with 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 9638;

type TableOptions = { header: boolean; boldFirstColumn?: boolean; totalRow?: boolean };

function docxTable(columns: AnnexColumn[], rows: string[][], options: TableOptions): Table {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.round((c.width / total) * TEXT_WIDTH_TWIPS));
  const cell = (text: string, i: number, style: { bold?: boolean; shaded?: boolean }) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      ...(style.shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7ECF2' } } : {}),
      children: [
        new Paragraph({
          alignment: columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: lines(text, { bold: style.bold === true }),
        }),
      ],
    });
  const header = options.header
    ? [
        new TableRow({
          tableHeader: true,
          children: columns.map((c, i) => cell(c.header, i, { bold: true, shaded: true })),
        }),
      ]
    : [];
  const body = rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: false,
        children: columns.map((_, i) =>
          cell(row[i] ?? '', i, {
            bold: (options.boldFirstColumn === true && i === 0) || (options.totalRow === true && r === rows.length - 1),
          }),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [...header, ...body],
  });
}

/** A text's lines as runs with line breaks between them (a cell or paragraph of several lines). */
function lines(text: string, style: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

/** An empty paragraph after a table, so the next one does not join it. */
function spacer(): Paragraph {
  return new Paragraph({ children: [] });
}
