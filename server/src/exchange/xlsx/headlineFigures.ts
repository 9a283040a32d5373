import {
  FIGURE_WORDS,
  type FigureForm,
  HEADLINE_FIGURES,
  type HeadlineFigureKey,
  headlineFigureTexts,
} from '@caseroom/shared';
import { absCell, onSheet } from './cellAddress.ts';
import { FORMAT, type NumberFormat } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';
import type { YearlyRows } from './yearlyRows.ts';

/** The headline figures of a business-case sheet (keys of the shared HEADLINE_FIGURES), in the order they are listed. */
export const HEADLINE_KEYS = [
  'authorityNpv',
  'publicSectorNpv',
  'investorNpv',
  'publicValuePv',
  'interventionCostPv',
  'benefitCostRatio',
  'investorIrr',
  'investorMultiple',
  'investorNet',
  'investorLosesMoney',
  'breakEvenYear',
] as const satisfies readonly HeadlineFigureKey[];
type SheetHeadline = (typeof HEADLINE_KEYS)[number];

/** The headline cells of a business-case sheet, as absolute references from other sheets. */
export type Headlines = Record<SheetHeadline, string>;

/** The rules (docs/pricing.md) behind each headline, written beside its explanation. */
const RULES: Record<SheetHeadline, string> = {
  authorityNpv: 'P12, P14',
  publicSectorNpv: 'P12a',
  investorNpv: 'P14',
  publicValuePv: 'P6, P2',
  interventionCostPv: 'P3, P2',
  benefitCostRatio: 'P14',
  investorIrr: 'P15',
  investorMultiple: 'P13',
  investorNet: 'P13',
  investorLosesMoney: 'P13',
  breakEvenYear: 'P16',
};

/** The spreadsheet number format of each figure form. */
export const FORM_FORMAT: Record<FigureForm, NumberFormat> = {
  money: FORMAT.money,
  percent: FORMAT.rate,
  ratio: FORMAT.ratio,
  multiple: FORMAT.multiple,
  calendarYear: FORMAT.year,
  yesNo: FORMAT.flag,
};

const LABEL = 1;
const VALUE = 2;
const EXPLANATION = 3;

/** A headline figure's label on a sheet: its name from the shared registry. */
export function headlineLabel(key: HeadlineFigureKey, lang: 'da' | 'en'): string {
  return headlineFigureTexts(key, lang).name;
}

/**
 * The headline figures (P12–P16) below `headingRow`: the shared registry's name in column A, the
 * formula in column B in the figure's form, its explanation and rules in column C. The NPVs are
 * SUMPRODUCTs with the discount-factor row (Excel's NPV() would discount year 0, P2); the
 * break-even year is a calendar year, as the panel and the report show it. `span(row)` is the
 * absolute range of a yearly row's year columns; `startYear` the inputs' start-year cell.
 */
export function writeHeadlines(
  w: SheetWriter,
  headingRow: number,
  rows: YearlyRows,
  span: (row: number) => string,
  startYear: string,
  text: WorkbookText,
): Headlines {
  const { lang } = text;
  const pv = (row: number) => `SUMPRODUCT(${span(row)},${span(rows.df)})`;
  const none = `"${text.none}"`;
  const rowOf = (key: SheetHeadline) => headingRow + 1 + HEADLINE_KEYS.indexOf(key);
  const at = (key: SheetHeadline) => absCell(VALUE, rowOf(key));
  const capital = `SUM(${span(rows.capital)})`;
  // P16: the years flagged "stays ≥ 0 from here" are a suffix of the horizon; t is where it starts.
  const breakEvenT = `(COUNT(${span(rows.year)})-SUM(${span(rows.staysPositive)}))`;
  const yearWord = FIGURE_WORDS[lang].yearOffset(0).replace(/\s*0$/, '');
  const formulas: Record<SheetHeadline, string> = {
    authorityNpv: pv(rows.authorityNet),
    publicSectorNpv: pv(rows.publicSectorNet),
    investorNpv: pv(rows.investorCashFlow),
    publicValuePv: pv(rows.publicValue),
    interventionCostPv: pv(rows.cost),
    benefitCostRatio: `IF(${at('interventionCostPv')}>0,${at('publicValuePv')}/${at('interventionCostPv')},${none})`,
    investorIrr: irrFormula(span(rows.investorCashFlow), none),
    investorMultiple: `IF(${capital}>0,(SUM(${span(rows.paid)})+SUM(${span(rows.guarantee)}))/${capital},${none})`,
    investorNet: `SUM(${span(rows.investorCashFlow)})`,
    // P13: a loss only below the rounding noise `price` zeroes flows within (10⁻⁹ × Σ capital):
    // an exact repayment can sum to −10⁻¹⁰ kr. over yearly flows, which is a tie, not a loss.
    investorLosesMoney: `IF(${at('investorNet')}<-0.000000001*MAX(1,${capital}),"${text.yes}","${text.no}")`,
    breakEvenYear: `IF(SUM(${span(rows.staysPositive)})>0,IF(ISNUMBER(${startYear}),${startYear}+${breakEvenT},"${yearWord} "&(${breakEvenT}+1)),${none})`,
  };
  w.text(headingRow, LABEL, text.businessCase.headlines, { bold: true });
  const headlines = {} as Headlines;
  for (const key of HEADLINE_KEYS) {
    const { name, explanation } = headlineFigureTexts(key, lang);
    w.text(rowOf(key), LABEL, name);
    w.formula(rowOf(key), VALUE, formulas[key], FORM_FORMAT[HEADLINE_FIGURES[key].form]);
    w.text(rowOf(key), EXPLANATION, `${explanation} (${RULES[key]})`);
    headlines[key] = onSheet(w.name, at(key));
  }
  return headlines;
}

/**
 * P15 with the spreadsheet's IRR. Its Newton search starts from a guess and can miss a root far
 * from it (LibreOffice misses −12 % from the default 10 %) or land on a root outside P15's
 * range (LibreOffice finds −163 % from 10 % where the only root in range is −25 %), so it tries
 * a few starting points, keeps a result only inside −99 % … 1000 %, and otherwise shows "none".
 */
function irrFormula(flows: string, none: string): string {
  const guesses = ['0.1', '-0.1', '-0.4', '0.5', '-0.8'];
  return guesses.reduceRight((fallback, guess) => {
    const irr = `IRR(${flows},${guess})`;
    return `IFERROR(IF(AND(${irr}>=-0.99,${irr}<=10),${irr},NA()),${fallback})`;
  }, none);
}
