import {
  type BuiltCaseExport,
  type Container,
  EXPLAINED_FIGURES,
  EXPLANATION_COLUMN_LABELS,
  type Explanation,
  explainFigure,
  type FigureKey,
  fieldLabel,
  figureLabel,
  formatDanish,
  headlineFigureTexts,
  pricingInputFromModel,
} from '@caseroom/shared';
import { ALL_RECORDS, exportFields, keyedSourceLabel, recordValue } from '../../fieldRows.ts';
import { fieldBlock } from '../fieldBlocks.ts';
import { amount, calendarYear, count } from '../format.ts';
import { headlineFigures } from '../headlineFigures.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { safeText } from '../safeText.ts';
import { type Cell, keyValues, table } from '../table.ts';

/** Columns that are not summed in the total row (factors and running totals), as in the panel's dialog. */
const NOT_SUMMED = new Set<string>(['discountFactor', 'authorityCumulativeDiscounted']);
const factorFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

/**
 * The assumptions behind every figure: the frame (discount rate, horizon, price year), then for
 * each headline figure what the panel's "show working" shows — the rules, the formula in words,
 * the inputs and the figure year by year (shared `explainFigure`) — and every source note.
 */
export function assumptionsSection(
  w: ReportWriter,
  exported: BuiltCaseExport,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.assumptions;
  const { facts } = exported.model;
  w.newPage('portrait');
  w.heading(text.sections.assumptions, 1);
  w.paragraph(t.intro);
  w.heading(t.frame, 3);
  // Every field the registry marks as an assumption behind the figures (exportRows.pdf 'assumptions').
  const model = exported.model;
  fieldBlock(w, exportFields({ pdf: 'assumptions' }, ALL_RECORDS), (field) => recordValue(model, field), {
    model,
    lang,
    text,
  });

  const input = pricingInputFromModel(exported.model);
  if (exported.pricing.ok && input.ok) {
    const { pricing } = exported.pricing;
    const values = new Map(
      headlineFigures(exported.pricing, facts.startYear, text, lang).map((f) => [f.key, f.value] as const),
    );
    for (const figure of EXPLAINED_FIGURES) {
      const explanation = explainFigure(figure, pricing, input.input);
      explained(w, explanation, values.get(figure) ?? '', facts.startYear, text, lang);
    }
    w.heading(`${labelOf('probabilityInvestorLoses', lang)}: ${values.get('probabilityInvestorLoses') ?? ''}`, 2);
    w.paragraph(headlineFigureTexts('probabilityInvestorLoses', lang).explanation);
    w.paragraph(t.probability);
    w.note(text.seed(exported.pricing.risk.seed, count(exported.pricing.risk.iterations)));
  }
  w.note(t.rulesNote);
  sourceNotes(w, exported, text, lang);
}

function explained(
  w: ReportWriter,
  explanation: Explanation,
  value: string,
  startYear: number | undefined,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.assumptions;
  w.heading(`${labelOf(explanation.figure, lang)}: ${value}`, 2);
  w.paragraph(headlineFigureTexts(explanation.figure, lang).explanation);
  keyValues(w, [
    [t.rules, explanation.rules.join(', ')],
    [t.formula, explanation.formula[lang]],
    ...explanation.inputs.map((i): [string, string] => [
      i.label[lang],
      formatDanish(i.value, i.kind, { years: text.years }),
    ]),
  ]);
  const columns = explanation.columns;
  const totals = columns.map((column, index) =>
    column.kind === 'money' && !NOT_SUMMED.has(column.key)
      ? explanation.rows.reduce((sum, row) => sum + (row.values[index] ?? 0), 0)
      : undefined,
  );
  const cell = (v: number, kind: string) =>
    kind === 'money'
      ? amount(v)
      : kind === 'decimal'
        ? factorFormat.format(v)
        : kind === 'percent'
          ? formatDanish(v, 'percent')
          : String(v);
  const rows: Cell[][] = explanation.rows.map((row) => [
    calendarYear(row.year, startYear, text.yearOffset),
    ...row.values.map((v, i) => cell(v, columns[i]?.kind ?? '')),
  ]);
  rows.push([
    { text: t.total, bold: true },
    ...totals.map((total) => ({ text: total === undefined ? '' : amount(total), bold: true })),
  ]);
  table(
    w,
    [
      { header: t.year, width: 0.8 },
      ...columns.map((c) => ({ header: columnLabel(c, lang), width: 1.4, align: 'right' as const })),
    ],
    rows,
    { size: 7.5 },
  );
  w.note(text.moneyNote);
}

/** Every "where does this number come from?" note in the case, by section and field. */
function sourceNotes(w: ReportWriter, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage): void {
  const { model } = exported;
  const rows: Cell[][] = [];
  const add = (where: string, prefix: string, notes: Record<string, string>) => {
    for (const [field, note] of Object.entries(notes)) {
      if (note.trim() === '') continue;
      // A note on one entry of a record (a candidate's rate on one outcome) is named by its row.
      const label = keyedSourceLabel(prefix as Container, field, model, lang) ?? fieldLabel(`${prefix}.${field}`, lang);
      rows.push([safeText(where, 200), safeText(label, 300), safeText(note)]);
    }
  };
  add(text.sections.facts, 'facts', model.facts.sources);
  add(text.sections.targetGroup, 'targetGroup', model.targetGroup.sources);
  for (const c of model.interventions.candidates) add(c.name ?? text.sections.intervention, 'intervention', c.sources);
  for (const o of model.outcomes) add(o.name ?? text.sections.outcomes, 'outcome', o.sources);
  add(text.sections.paymentModel, 'paymentModel', model.paymentModel.sources);
  if (rows.length === 0) return;
  w.heading(text.assumptions.sources, 2);
  table(
    w,
    [
      { header: text.assumptions.where, width: 1.6 },
      { header: text.assumptions.field, width: 1.3 },
      { header: text.assumptions.note, width: 3.4 },
    ],
    rows,
  );
}

function columnLabel({ key, label }: Explanation['columns'][number], lang: ReportLanguage): string {
  if (label) return label[lang];
  return key in EXPLANATION_COLUMN_LABELS
    ? EXPLANATION_COLUMN_LABELS[key as keyof typeof EXPLANATION_COLUMN_LABELS][lang === 'da' ? 0 : 1]
    : labelOf(key as FigureKey, lang);
}

function labelOf(key: FigureKey, lang: ReportLanguage): string {
  return figureLabel(key, lang);
}
