import { fieldHidden, figureFormat, type RegisteredField } from '@caseroom/shared';
import { fieldRowLabel, keyedRowLabel, keyedRows, numberText, type ValueContext, valueText } from '../fieldRows.ts';
import type { ReportWriter } from './layout.ts';
import type { ReportText } from './reportText.ts';
import { richText } from './richText.ts';
import { safeText } from './safeText.ts';
import { keyValues, table } from './table.ts';

/** What a block of fields needs: the model and language for values, the report's words. */
export type BlockContext = ValueContext & { text: ReportText };

/**
 * Registered fields as the report shows them, in registry order: runs of short values as
 * label–value rows, each prose field under its label, yearly intake as a table. `read` gives a
 * field's value (from a section, an item). Labels come from the registry, values are written by
 * kind and unit, so a field the registry marks for a section appears in it with no change here.
 */
export function fieldBlock(
  w: ReportWriter,
  fields: readonly RegisteredField[],
  read: (field: RegisteredField) => unknown,
  ctx: BlockContext,
): void {
  const { text, lang } = ctx;
  let pairs: [string, string][] = [];
  const flush = () => {
    if (pairs.length > 0) keyValues(w, pairs);
    pairs = [];
  };
  // A field's siblings are the fields of its own container (a block may hold several).
  const byLabelKey = new Map<string, RegisteredField>(fields.map((field) => [field.labelKey, field]));
  const siblingOf = (field: RegisteredField) => (key: string) => {
    const sibling = byLabelKey.get(`${field.container}.${key}`);
    return sibling ? read(sibling) : undefined;
  };
  for (const field of fields) {
    if (fieldHidden(field, siblingOf(field))) continue;
    const label = fieldRowLabel(field, lang);
    const value = read(field);
    if (field.kind === 'richText') {
      flush();
      w.heading(label, 3);
      if (!richText(w, value as never)) w.note(text.empty);
    } else if (field.kind === 'cohorts') {
      flush();
      w.heading(label, 3);
      cohortTable(w, (value ?? []) as { year: number; participants: number }[], ctx);
    } else if (field.kind === 'numberRecord' && field.keyedBy === 'outcome') {
      // P19: a candidate's rate on each outcome is a row of its own, named by the outcome.
      for (const row of keyedRows(field, value, ctx.model)) {
        const shown = row.value === undefined ? text.effectNotEntered : numberText(field.unit, row.value, lang);
        pairs.push([safeText(keyedRowLabel(field, row, lang)), shown]);
      }
    } else {
      pairs.push([label, safeText(valueText(field, value, ctx)) || '–']);
    }
  }
  flush();
}

/** Participants starting per year, one row per cohort (the calendar year, or "år n" without a start year). */
function cohortTable(w: ReportWriter, cohorts: { year: number; participants: number }[], ctx: BlockContext): void {
  const t = ctx.text.targetGroup;
  if (cohorts.length === 0) {
    w.note(ctx.text.empty);
    return;
  }
  const startYear = ctx.model.facts.startYear;
  table(
    w,
    [
      { header: t.year, width: 1 },
      { header: t.participants, width: 1, align: 'right' },
    ],
    cohorts.map((c) => [
      startYear === undefined ? ctx.text.yearOffset(c.year + 1) : String(startYear + c.year),
      figureFormat.count(c.participants),
    ]),
  );
}
