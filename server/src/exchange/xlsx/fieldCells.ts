import type { NumberUnit, RegisteredField } from '@caseroom/shared';
import { type ValueContext, valueText } from '../fieldRows.ts';
import { FORMAT, type NumberFormat } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';

/** The spreadsheet format of a number of each unit. */
export const UNIT_FORMAT: Record<NumberUnit, NumberFormat> = {
  money: FORMAT.money,
  percent: FORMAT.rate,
  years: FORMAT.year,
  count: FORMAT.count,
  calendarYear: FORMAT.year,
  decimal: FORMAT.factor,
};

/**
 * A field's value in one cell, by its kind: a number (in its unit's format; `input` marks a cell
 * the formulas read) or its text — never a formula, whatever the text holds.
 */
export function fieldCell(
  w: SheetWriter,
  row: number,
  column: number,
  field: RegisteredField,
  value: unknown,
  ctx: ValueContext,
  options: { input?: boolean } = {},
): void {
  if (field.kind === 'number') {
    w.number(row, column, typeof value === 'number' ? value : undefined, UNIT_FORMAT[field.unit], options);
    return;
  }
  const text = valueText(field, value, ctx);
  if (text !== undefined) w.text(row, column, text, { wrap: field.kind === 'richText' || text.includes('\n') });
}
