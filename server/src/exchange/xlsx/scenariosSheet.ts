import { HEADLINE_FIGURES } from '@caseroom/shared';
import type { BusinessCaseLayout } from './businessCaseSheet.ts';
import { absCell, onSheet } from './cellAddress.ts';
import { FORM_FORMAT, type Headlines, headlineLabel } from './headlineFigures.ts';
import { FORMAT, type NumberFormat } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

/** Where the scenario summary put each figure: row key → [low, expected, high] references. */
export type ScenariosLayout = Record<
  'authorityNpv' | 'publicSectorNpv' | 'investorNpv' | 'investorIrr' | 'investorLosesMoney' | 'paid' | 'breakEvenYear',
  [string, string, string]
>;

/**
 * The scenarios side by side (P18, P18a, P18b): each figure a reference to the low, expected
 * and high business-case sheets, so they recalculate with the inputs.
 */
export function writeScenariosSheet(
  w: SheetWriter,
  sheets: { low: BusinessCaseLayout; expected: BusinessCaseLayout; high: BusinessCaseLayout },
  text: WorkbookText,
): ScenariosLayout {
  const t = text.scenarios;
  const bc = text.businessCase;
  const order = [sheets.low, sheets.expected, sheets.high];
  w.widths(56, 20, 20, 20);
  w.heading(1, t.heading);
  [t.low, t.expected, t.high].forEach((label, i) => {
    w.text(3, 2 + i, label, { bold: true });
  });
  let row = 4;
  const factorRow = (label: string, pick: (f: NonNullable<BusinessCaseLayout['factors']>) => string) => {
    w.text(row, 1, label);
    order.forEach((sheet, i) => {
      if (sheet.factors) w.formula(row, 2 + i, pick(sheet.factors), FORMAT.factor);
      else w.number(row, 2 + i, 1, FORMAT.factor);
    });
    row++;
  };
  factorRow(bc.effectFactor, (f) => f.effect);
  factorRow(bc.costFactor, (f) => f.cost);
  factorRow(bc.persistenceFactor, (f) => f.persistence);
  row++;
  const figureRow = (label: string, pick: (sheet: BusinessCaseLayout) => string, format: NumberFormat) => {
    w.text(row, 1, label);
    const refs = order.map((sheet, i) => {
      w.formula(row, 2 + i, pick(sheet), format);
      return onSheet(w.name, absCell(2 + i, row));
    }) as [string, string, string];
    row++;
    return refs;
  };
  const headline = (key: keyof Headlines) =>
    figureRow(headlineLabel(key, text.lang), (sheet) => sheet.headlines[key], FORM_FORMAT[HEADLINE_FIGURES[key].form]);
  return {
    authorityNpv: headline('authorityNpv'),
    publicSectorNpv: headline('publicSectorNpv'),
    investorNpv: headline('investorNpv'),
    investorIrr: headline('investorIrr'),
    investorLosesMoney: headline('investorLosesMoney'),
    paid: figureRow(t.paid, (sheet) => onSheet(sheet.sheet, absCell(2, sheet.rows.paid)), FORMAT.money),
    breakEvenYear: headline('breakEvenYear'),
  };
}
