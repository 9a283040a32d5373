import type { BuiltCaseExport, IrrResult } from '@caseroom/shared';
import { headlineLabel } from './headlineFigures.ts';
import { FORMAT } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

/** The risk analysis of a priced export. */
export type ExportedRisk = Extract<BuiltCaseExport['pricing'], { ok: true }>['risk'];

/**
 * The Monte Carlo percentiles and the tornado (P18) as labelled values, with the seed and the
 * number of iterations: they are Caseroom's simulation at export, not formulas a spreadsheet
 * could recalculate.
 */
export function writeRiskSheet(w: SheetWriter, risk: ExportedRisk, text: WorkbookText): void {
  const t = text.risk;
  w.widths(58, 20, 20, 20, 22, 22, 24, 24);
  w.heading(1, t.heading);
  w.text(2, 1, t.note);
  w.text(4, 1, t.seed);
  w.number(4, 2, risk.seed, FORMAT.year);
  w.text(5, 1, t.iterations);
  w.number(5, 2, risk.iterations, FORMAT.count);

  const mc = risk.monteCarlo;
  w.text(7, 1, t.monteCarlo, { bold: true });
  w.text(8, 1, headlineLabel('probabilityInvestorLoses', text.lang));
  w.number(8, 2, mc.probabilityInvestorLoses, FORMAT.rate);
  w.text(9, 1, headlineLabel('probabilityAuthorityNpvNegative', text.lang));
  w.number(9, 2, mc.probabilityAuthorityNpvNegative, FORMAT.rate);
  w.text(11, 1, t.percentile, { bold: true });
  ['P5', 'P50', 'P95'].forEach((label, i) => {
    w.text(11, 2 + i, label, { bold: true });
  });
  const percentileRow = (row: number, label: string, p: { p5: number; p50: number; p95: number }) => {
    w.text(row, 1, label);
    [p.p5, p.p50, p.p95].forEach((value, i) => {
      w.number(row, 2 + i, value, FORMAT.money);
    });
  };
  percentileRow(12, headlineLabel('authorityNpv', text.lang), mc.authorityNpv);
  percentileRow(13, headlineLabel('investorNet', text.lang), mc.investorNet);

  w.text(15, 1, t.tornado, { bold: true });
  [t.input, t.lowFactor, t.highFactor, t.npvAtLow, t.npvAtHigh, t.irrAtLow, t.irrAtHigh].forEach((label, i) => {
    w.text(16, 1 + i, label, { bold: true, wrap: true });
  });
  const names = { effect: text.inputs.effect, cost: text.inputs.cost, persistence: text.inputs.persistence };
  const irrCell = (row: number, column: number, irr: IrrResult) => {
    if (irr.ok) w.number(row, column, irr.rate, FORMAT.rate);
    else w.text(row, column, t.noIrr[irr.reason]);
  };
  risk.sensitivity.forEach((bar, i) => {
    const row = 17 + i;
    w.text(row, 1, names[bar.input]);
    w.number(row, 2, bar.lowFactor, FORMAT.factor);
    w.number(row, 3, bar.highFactor, FORMAT.factor);
    w.number(row, 4, bar.authorityNpv.atLow, FORMAT.money);
    w.number(row, 5, bar.authorityNpv.atHigh, FORMAT.money);
    irrCell(row, 6, bar.investorIrr.atLow);
    irrCell(row, 7, bar.investorIrr.atHigh);
  });
}
