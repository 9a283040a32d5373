import { absCell, onSheet } from './cellAddress.ts';
import { FORMAT, type NumberFormat } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';
import type { YearlyRows } from './yearlyRows.ts';

/** The headline figures of a business-case sheet, in the order they are listed. */
export const HEADLINE_KEYS = [
  'authorityNpv',
  'publicSectorNpv',
  'investorNpv',
  'pvPublicValue',
  'pvCost',
  'bcr',
  'irr',
  'multiple',
  'investorNet',
  'losesMoney',
  'breakEven',
] as const;
type HeadlineKey = (typeof HEADLINE_KEYS)[number];

/** The headline cells of a business-case sheet, as absolute references from other sheets. */
export type Headlines = Record<HeadlineKey, string>;

const LABEL = 1;
const VALUE = 2;

/**
 * The headline figures (P12–P16) below `headingRow`, in column B: the NPVs as SUMPRODUCTs with
 * the discount-factor row (Excel's NPV() would discount year 0, P2), BCR, IRR, multiple, the
 * investor's nominal net, whether the investor loses money, and the break-even year.
 * `span(row)` is the absolute range of a yearly row's year columns.
 */
export function writeHeadlines(
  w: SheetWriter,
  headingRow: number,
  rows: YearlyRows,
  span: (row: number) => string,
  text: WorkbookText,
): Headlines {
  const t = text.businessCase;
  const pv = (row: number) => `SUMPRODUCT(${span(row)},${span(rows.df)})`;
  const none = `"${text.none}"`;
  const rowOf = (key: HeadlineKey) => headingRow + 1 + HEADLINE_KEYS.indexOf(key);
  const at = (key: HeadlineKey) => absCell(VALUE, rowOf(key));
  const capital = `SUM(${span(rows.capital)})`;
  const formulas: Record<HeadlineKey, [string, string, NumberFormat]> = {
    authorityNpv: [t.authorityNpv, pv(rows.authorityNet), FORMAT.money],
    publicSectorNpv: [t.publicSectorNpv, pv(rows.publicSectorNet), FORMAT.money],
    investorNpv: [t.investorNpv, pv(rows.investorCashFlow), FORMAT.money],
    pvPublicValue: [t.pvPublicValue, pv(rows.publicValue), FORMAT.money],
    pvCost: [t.pvCost, pv(rows.cost), FORMAT.money],
    bcr: [t.bcr, `IF(${at('pvCost')}>0,${at('pvPublicValue')}/${at('pvCost')},${none})`, FORMAT.ratio],
    irr: [t.irr, irrFormula(span(rows.investorCashFlow), none), FORMAT.rate],
    multiple: [
      t.multiple,
      `IF(${capital}>0,(SUM(${span(rows.paid)})+SUM(${span(rows.guarantee)}))/${capital},${none})`,
      FORMAT.multiple,
    ],
    investorNet: [t.investorNet, `SUM(${span(rows.investorCashFlow)})`, FORMAT.money],
    losesMoney: [t.losesMoney, `IF(${at('investorNet')}<0,"${text.yes}","${text.no}")`, FORMAT.flag],
    // P16: the years flagged "stays ≥ 0 from here" are a suffix of the horizon.
    breakEven: [
      t.breakEven,
      `IF(SUM(${span(rows.staysPositive)})>0,COUNT(${span(rows.year)})-SUM(${span(rows.staysPositive)}),${none})`,
      FORMAT.year,
    ],
  };
  w.text(headingRow, LABEL, t.headlines, { bold: true });
  const headlines = {} as Headlines;
  for (const key of HEADLINE_KEYS) {
    const [label, formula, format] = formulas[key];
    w.text(rowOf(key), LABEL, label);
    w.formula(rowOf(key), VALUE, formula, format);
    headlines[key] = onSheet(w.name, at(key));
  }
  return headlines;
}

/**
 * P15 with the spreadsheet's IRR. Its Newton search starts from a guess and can miss a root far
 * from it (LibreOffice misses −12 % from the default 10 %), so it tries a few starting points
 * before it shows "none".
 */
function irrFormula(flows: string, none: string): string {
  const guesses = ['0.1', '-0.1', '-0.4', '0.5', '-0.8'];
  return guesses.reduceRight((fallback, guess) => `IFERROR(IRR(${flows},${guess}),${fallback})`, none);
}
