import type { Worksheet } from 'exceljs';
import type { NumberFormat } from './numberFormats.ts';

/** The font colour of input cells. */
const INPUT_BLUE = 'FF1F4E9A';
/** Excel's limit on the characters in one cell. */
const MAX_CELL_CHARS = 32_767;

/**
 * Writes cells of one sheet. Text always becomes a string cell — never a formula, never a
 * hyperlink — whatever it starts with (`=`, `+`, `-`, `@`) or contains (`|`): that is what keeps
 * a hostile name inert. Formulas are written without a cached result, so every figure a reader
 * sees is calculated by their spreadsheet.
 */
export class SheetWriter {
  constructor(readonly sheet: Worksheet) {}

  /** The worksheet's name (from the label catalogue). */
  get name(): string {
    return this.sheet.name;
  }

  /** A string cell; `bold` for headings and column headers. */
  text(row: number, column: number, value: string, options: { bold?: boolean; wrap?: boolean } = {}): void {
    const cell = this.sheet.getCell(row, column);
    cell.value = xmlSafe(value).slice(0, MAX_CELL_CHARS);
    if (options.bold) cell.font = { bold: true };
    if (options.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
  }

  /** A heading line. */
  heading(row: number, value: string): void {
    const cell = this.sheet.getCell(row, 1);
    cell.value = value;
    cell.font = { bold: true, size: 13 };
  }

  /**
   * A number cell; undefined (or not finite) leaves the cell empty. `input` marks a cell the
   * formulas read and a reader may change: blue, as finance models mark their inputs.
   */
  number(
    row: number,
    column: number,
    value: number | undefined,
    format: NumberFormat,
    options: { input?: boolean } = {},
  ): void {
    const cell = this.sheet.getCell(row, column);
    if (value !== undefined && Number.isFinite(value)) cell.value = value;
    cell.numFmt = format;
    if (options.input) cell.font = { color: { argb: INPUT_BLUE } };
  }

  /** A formula cell (without the leading `=`), with no cached result. */
  formula(row: number, column: number, formula: string, format?: NumberFormat): void {
    const cell = this.sheet.getCell(row, column);
    cell.value = { formula };
    if (format) cell.numFmt = format;
  }

  /** Column widths in characters, from column A. */
  widths(...widths: number[]): void {
    widths.forEach((width, i) => {
      this.sheet.getColumn(i + 1).width = width;
    });
  }
}

/** Drops the characters XML 1.0 cannot carry (control characters, lone surrogates): a case's text could hold them and would break the file. */
function xmlSafe(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (allowed) out += ch;
  }
  return out;
}
