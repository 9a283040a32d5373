import { type BuiltCaseExport, fieldLabel, type OutcomeDraft } from '@caseroom/shared';
import { count, money, orDash, percent } from '../format.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine, safeText } from '../safeText.ts';
import { type Cell, keyValues, table } from '../table.ts';

/**
 * Outcome targets: one table row per outcome with every number that prices it (on landscape
 * pages, so nine columns stay readable), then each outcome's definition, data source, value per
 * department and source notes.
 */
export function outcomesSection(
  w: ReportWriter,
  exported: BuiltCaseExport,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.outcomes;
  const { outcomes, facts } = exported.model;
  const excluded = new Set(exported.pricing.ok ? exported.pricing.excludedOutcomeIds : []);
  const years = (n: number) => `${count(n)} ${text.years}`;
  w.newPage('landscape');
  w.heading(text.sections.outcomes, 1);
  if (outcomes.length === 0) {
    w.paragraph(t.none);
    return;
  }
  const rows: Cell[][] = outcomes.map((o) => [
    { text: `${oneLine(o.name) || '–'}${excluded.has(o.id) ? `\n(${t.excluded})` : ''}`, bold: true },
    orDash(o.baselineRate, percent),
    orDash(o.expectedRate, percent),
    orDash(o.attribution, percent),
    orDash(o.lagYears, years),
    orDash(o.durationYears, years),
    orDash(o.persistence, percent),
    orDash(o.pricePerOutcome, money),
    o.paymentBasis ? t.bases[o.paymentBasis] : '–',
  ]);
  table(
    w,
    [
      { header: t.name, width: 3.2 },
      { header: t.baseline, width: 0.9, align: 'right' },
      { header: t.expected, width: 1, align: 'right' },
      { header: t.attribution, width: 1.25, align: 'right' },
      { header: t.lag, width: 1.2, align: 'right' },
      { header: t.duration, width: 1, align: 'right' },
      { header: t.persistence, width: 1.35, align: 'right' },
      { header: t.price, width: 1.5, align: 'right' },
      { header: t.basis, width: 1.3 },
    ],
    rows,
  );
  w.note(text.moneyNote);

  w.heading(t.details, 2);
  const names = new Map(facts.departments.map((d) => [d.id, oneLine(d.name) || d.id]));
  for (const outcome of outcomes) outcomeDetails(w, outcome, names, text, lang);
}

function outcomeDetails(
  w: ReportWriter,
  o: OutcomeDraft,
  names: Map<string, string>,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.outcomes;
  w.heading(oneLine(o.name) || '–', 3);
  const values = Object.entries(o.valuePerDepartment)
    .map(([id, value]) => `${names.get(id) ?? oneLine(id)}: ${money(value)}`)
    .join('\n');
  const pairs: [string, string][] = [
    [t.definition, safeText(o.definition) || '–'],
    [t.direction, o.direction ? t.directions[o.direction] : '–'],
    [t.dataSource, safeText(o.dataSource) || '–'],
    [t.measurementMethod, safeText(o.measurementMethod) || '–'],
    [t.valuePerDepartment, values || '–'],
    [t.basis, o.paymentBasis ? t.basesLong[o.paymentBasis] : '–'],
  ];
  const sources = Object.entries(o.sources).filter(([, note]) => note.trim() !== '');
  if (sources.length > 0)
    pairs.push([
      t.sources,
      sources.map(([field, note]) => `${fieldLabel(`outcome.${field}`, lang)}: ${note}`).join('\n'),
    ]);
  keyValues(w, pairs, 0.25);
}
