import { type BuiltCaseExport, fieldLabel, type OutcomeDraft, type RegisteredField } from '@caseroom/shared';
import { exportFields, fieldRowLabel, keyedSourceLabel, valueIn, valueText } from '../../fieldRows.ts';
import { type BlockContext, fieldBlock } from '../fieldBlocks.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine, safeText } from '../safeText.ts';
import { type Cell, keyValues, table } from '../table.ts';

/**
 * Outcome targets: one table row per outcome with every number the registry marks for this
 * section (on landscape pages, so the columns stay readable), then each outcome's other fields —
 * definition, data source, value per department, payment basis, … — and its source notes.
 */
export function outcomesSection(
  w: ReportWriter,
  exported: BuiltCaseExport,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.outcomes;
  const { outcomes } = exported.model;
  const ctx = { model: exported.model, lang, text };
  const excluded = new Set(exported.pricing.ok ? exported.pricing.excludedOutcomeIds : []);
  const fields = exportFields({ pdf: 'outcomes' }, ['outcome']);
  const numbers = fields.filter((field) => field.kind === 'number');
  const details = fields.filter((field) => field.kind !== 'number' && field.key !== 'name');
  w.newPage('landscape');
  w.heading(text.sections.outcomes, 1);
  if (outcomes.length === 0) {
    w.paragraph(t.none);
    return;
  }
  const rows: Cell[][] = outcomes.map((o) => [
    { text: `${oneLine(o.name) || '–'}${excluded.has(o.id) ? `\n(${t.excluded})` : ''}`, bold: true },
    ...numbers.map((field) => valueText(field, valueIn(o, field), ctx) ?? '–'),
  ]);
  table(
    w,
    [
      { header: fieldRowLabel('outcome.name', lang), width: 3.2 },
      ...numbers.map((field) => ({ header: fieldRowLabel(field, lang), width: 1.2, align: 'right' as const })),
    ],
    rows,
  );
  w.note(text.moneyNote);

  w.heading(t.details, 2);
  for (const outcome of outcomes) outcomeDetails(w, outcome, details, ctx);
}

function outcomeDetails(w: ReportWriter, o: OutcomeDraft, details: RegisteredField[], ctx: BlockContext): void {
  w.heading(oneLine(o.name) || '–', 3);
  fieldBlock(w, details, (field) => valueIn(o, field), ctx);
  const sources = Object.entries(o.sources).filter(([, note]) => note.trim() !== '');
  if (sources.length > 0) {
    // A note on one department's value (`valuePerDepartment.<department id>`, a library value's
    // source) is named by its row, "Værdi pr. forvaltning – Jobcenter", as the assumptions list does.
    const label = (field: string) =>
      keyedSourceLabel('outcome', field, ctx.model, ctx.lang) ?? fieldLabel(`outcome.${field}`, ctx.lang);
    const notes = sources.map(([field, note]) => `${label(field)}: ${note}`).join('\n');
    keyValues(w, [[ctx.text.outcomes.sources, safeText(notes)]], 0.25);
  }
}
