import type { BuiltCaseExport, HeadlineFigureKey } from '@caseroom/shared';
import { candidateRiskSettings, compareCandidatesForExport } from '../candidateComparison.ts';
import { fieldRowLabel } from '../fieldRows.ts';
import { headlineLabel } from './headlineFigures.ts';
import { FORMAT, type NumberFormat } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

/** The comparison's figure columns, in order, with their formats (names from the headline-figure registry). */
const FIGURES: { key: HeadlineFigureKey; format: NumberFormat }[] = [
  { key: 'interventionCostPv', format: FORMAT.money },
  { key: 'publicValuePv', format: FORMAT.money },
  { key: 'authorityNpv', format: FORMAT.money },
  { key: 'publicSectorNpv', format: FORMAT.money },
  { key: 'benefitCostRatio', format: FORMAT.ratio },
  { key: 'investorIrr', format: FORMAT.rate },
  { key: 'probabilityAuthorityNpvNegative', format: FORMAT.rate },
];

/**
 * P19: every intervention candidate priced on its own, side by side — PV cost and value created,
 * authority and public-sector NPV, BCR, investor IRR and P(authority NPV < 0) from the case's own
 * Monte Carlo settings (seed and iterations on the sheet) — the chosen one marked, outcomes a
 * candidate has no rate for named; then each candidate's expected rate per outcome (one row per
 * outcome, one column per candidate). Values, not formulas: the chosen candidate's figures are
 * the business-case sheet's formulas.
 */
export function writeCandidatesSheet(w: SheetWriter, exported: BuiltCaseExport, text: WorkbookText): void {
  const t = text.candidates;
  const { lang } = text;
  const candidates = compareCandidatesForExport(exported);
  const settings = candidateRiskSettings(exported);
  w.widths(46, 10, 18, 18, 18, 18, 12, 12, 16, 50);
  w.heading(1, t.heading);
  w.text(2, 1, t.note);
  w.text(4, 1, t.seed);
  w.number(4, 2, settings.seed, FORMAT.year);
  w.text(5, 1, t.iterations);
  w.number(5, 2, settings.iterations, FORMAT.count);

  let row = 7;
  const headers = [t.candidate, t.chosen, ...FIGURES.map((f) => headlineLabel(f.key, lang)), t.effectNotEntered];
  headers.forEach((header, i) => {
    w.text(row, 1 + i, header, { bold: true, wrap: true });
  });
  row++;
  const noteColumn = headers.length;
  for (const candidate of candidates) {
    const c = candidate.figures;
    w.text(row, 1, candidate.name);
    if (candidate.chosen) w.text(row, 2, text.yes);
    const values: Partial<Record<HeadlineFigureKey, number>> = {
      interventionCostPv: c.interventionCost,
      publicValuePv: c.publicValue,
      authorityNpv: c.authorityNpv,
      publicSectorNpv: c.publicSectorNpv,
      benefitCostRatio: c.benefitCostRatio,
      investorIrr: c.investorIrr?.ok ? c.investorIrr.rate : undefined,
      probabilityAuthorityNpvNegative: candidate.probabilityAuthorityNpvNegative,
    };
    FIGURES.forEach((figure, i) => {
      const column = 3 + i;
      const irr = c.investorIrr;
      if (figure.key === 'investorIrr' && c.priced && irr && !irr.ok) w.text(row, column, text.risk.noIrr[irr.reason]);
      else if (c.priced && values[figure.key] === undefined) w.text(row, column, text.none);
      else w.number(row, column, values[figure.key], figure.format);
    });
    if (!c.priced) {
      const reason = c.reason ? ` ${text.case.notPricedReason[c.reason]}` : '';
      w.text(row, noteColumn, `${t.notPriced}.${reason}`, { wrap: true });
    } else if (candidate.effectNotEntered.length > 0) {
      w.text(row, noteColumn, candidate.effectNotEntered.join('; '), { wrap: true });
    }
    row++;
  }

  const { outcomes } = exported.model;
  if (outcomes.length === 0 || candidates.length === 0) return;
  row++;
  w.text(row++, 1, fieldRowLabel('intervention.expectedRates', lang), { bold: true });
  w.text(row, 1, t.outcome, { bold: true });
  candidates.forEach((candidate, i) => {
    const chosen = candidate.chosen ? ` (${t.chosen.toLowerCase()})` : '';
    w.text(row, 2 + i, `${candidate.name}${chosen}`, { bold: true, wrap: true });
    const column = w.sheet.getColumn(2 + i);
    column.width = Math.max(column.width ?? 0, 20);
  });
  row++;
  outcomes.forEach((outcome, o) => {
    w.text(row, 1, outcome.name || outcome.id);
    candidates.forEach((candidate, i) => {
      const rate = candidate.rates[o];
      if (rate === undefined) w.text(row, 2 + i, t.notEntered);
      else w.number(row, 2 + i, rate, FORMAT.rate);
    });
    row++;
  });
}
