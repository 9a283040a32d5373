import { type BuiltCaseExport, figureLabel, formatFigure, type HeadlineFigureKey } from '@caseroom/shared';
import {
  type ComparedCandidate,
  candidateRiskSettings,
  compareCandidatesForExport,
} from '../../candidateComparison.ts';
import { choiceText } from '../../fieldRows.ts';
import { count, irrText, orDash, percent } from '../format.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine } from '../safeText.ts';
import { type Row, table } from '../table.ts';

/** Candidates side by side in the rate table: more columns would not leave a name room to be read. */
const CANDIDATES_PER_RATE_TABLE = 5;

/**
 * P19: "Intervention candidates compared" — every candidate priced on its own (cost and value
 * created as PV, authority and public-sector NPV, BCR, investor IRR, P(authority NPV < 0)), the
 * chosen one marked, a candidate without a rate on some outcome marked "effect not entered"; then
 * each candidate's expected rate on each outcome.
 */
export function candidateComparisonSection(
  w: ReportWriter,
  exported: BuiltCaseExport,
  text: ReportText,
  lang: ReportLanguage,
): void {
  const t = text.comparison;
  const candidates = compareCandidatesForExport(exported);
  if (candidates.length === 0) return;
  // Eight columns of figures: a landscape page keeps them readable (as the outcome table's).
  w.newPage('landscape');
  w.heading(t.heading, 2);
  w.note(t.intro);
  const figure = (key: HeadlineFigureKey, value: number | undefined) => formatFigure(key, value, { lang });
  const rows: Row[] = [];
  for (const candidate of candidates) {
    const c = candidate.figures;
    const priced = c.priced;
    rows.push([
      { text: nameCell(candidate, exported, text, lang), bold: candidate.chosen },
      priced ? figure('interventionCostPv', c.interventionCost) : '–',
      priced ? figure('publicValuePv', c.publicValue) : '–',
      priced ? figure('authorityNpv', c.authorityNpv) : '–',
      priced ? figure('publicSectorNpv', c.publicSectorNpv) : '–',
      priced ? figure('benefitCostRatio', c.benefitCostRatio) : '–',
      priced ? (irrText(c.investorIrr) ?? text.noIrr) : '–',
      orDash(candidate.probabilityAuthorityNpvNegative, percent),
    ]);
    if (!priced && c.reason) rows.push({ span: { text: t.notPriced(text.reasons[c.reason]), italic: true } });
    if (candidate.effectNotEntered.length > 0) {
      rows.push({ span: { text: t.effectNotEntered(candidate.effectNotEntered.join(', ')), italic: true } });
    }
  }
  table(
    w,
    [
      { header: t.candidate, width: 2.1 },
      { header: figureLabel('interventionCostPv', lang), width: 1.4, align: 'right' },
      { header: figureLabel('publicValuePv', lang), width: 1.4, align: 'right' },
      { header: figureLabel('authorityNpv', lang), width: 1.65, align: 'right' },
      { header: figureLabel('publicSectorNpv', lang), width: 1.4, align: 'right' },
      { header: figureLabel('benefitCostRatio', lang), width: 1.25, align: 'right' },
      { header: figureLabel('investorIrr', lang), width: 1, align: 'right' },
      { header: figureLabel('probabilityAuthorityNpvNegative', lang), width: 1.3, align: 'right' },
    ],
    rows,
  );
  const settings = candidateRiskSettings(exported);
  w.note(t.probabilityNote(settings.seed, count(settings.iterations)));
  rateTables(w, exported, candidates, text);
}

/** The candidate's name, "(chosen)" after the chosen one's, its evidence level under it. */
function nameCell(candidate: ComparedCandidate, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage) {
  const name = `${oneLine(candidate.name) || '–'}${candidate.chosen ? ` ${text.intervention.chosenMark}` : ''}`;
  const level = exported.model.interventions.candidates.find((c) => c.id === candidate.id)?.evidenceLevel;
  return level ? `${name}\n${text.comparison.evidence(choiceText('intervention.evidenceLevel', level, lang))}` : name;
}

/** One row per outcome, one column per candidate (a few candidates a table): the expected rate, or "not entered". */
function rateTables(w: ReportWriter, exported: BuiltCaseExport, candidates: ComparedCandidate[], text: ReportText) {
  const t = text.comparison;
  const { outcomes } = exported.model;
  if (outcomes.length === 0) return;
  w.heading(t.rates, 3);
  for (let first = 0; first < candidates.length; first += CANDIDATES_PER_RATE_TABLE) {
    const group = candidates.slice(first, first + CANDIDATES_PER_RATE_TABLE);
    table(
      w,
      [
        { header: t.outcome, width: 2.4 },
        ...group.map((c) => ({
          header: `${oneLine(c.name) || '–'}${c.chosen ? ` ${text.intervention.chosenMark}` : ''}`,
          width: 1.5,
          align: 'right' as const,
        })),
      ],
      outcomes.map((outcome, i) => [
        oneLine(outcome.name ?? '') || '–',
        ...group.map((c) => {
          const rate = c.rates[i];
          return rate === undefined ? { text: text.effectNotEntered, italic: true } : percent(rate);
        }),
      ]),
    );
  }
}
