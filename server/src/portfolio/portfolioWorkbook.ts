import { headlineFigureTexts, type PortfolioRow } from '@caseroom/shared';
import ExcelJS from 'exceljs';
import { cell } from '../exchange/xlsx/cellAddress.ts';
import { FORMAT } from '../exchange/xlsx/numberFormats.ts';
import { SheetWriter } from '../exchange/xlsx/sheetWriter.ts';
import { portfolioWorkbookText } from './portfolioWorkbookText.ts';

/** What the portfolio workbook is made from: plain data (it crosses into the worker thread). */
export type PortfolioWorkbookRequest = {
  organisation: string;
  rows: PortfolioRow[];
  lang: 'da' | 'en';
  /** ISO 8601: when it was exported. */
  exportedAt: string;
};

/** The columns, in order (1-based): the figures are values, "per krone of capital" and the total row formulas. */
const COLUMN = {
  title: 1,
  municipality: 2,
  phase: 3,
  readyThrough: 4,
  intervention: 5,
  version: 6,
  authorityNpv: 7,
  publicSectorNpv: 8,
  investorIrr: 9,
  capital: 10,
  probabilityInvestorLoses: 11,
  valuePerCapital: 12,
  errors: 13,
  warnings: 14,
  lastActivity: 15,
  active: 16,
} as const;

/** The first case row (after the heading, the date, the note, a blank line and the column headers). */
const FIRST_ROW = 6;

/**
 * The fund's portfolio as a workbook (issue 15; docs/access.md "Members and the portfolio"): one
 * row per case with its figures as values (the same as `GET /api/portfolio`), the authority NPV
 * per krone of capital per case and a total row as live formulas — sums, and the probability of
 * investor loss weighted by capital — recalculated on load. Text cells stay text whatever they
 * start with (SheetWriter).
 */
export async function portfolioWorkbook(request: PortfolioWorkbookRequest): Promise<Uint8Array> {
  const { lang, rows } = request;
  const text = portfolioWorkbookText(lang);
  const workbook = new ExcelJS.Workbook();
  const exportedAt = new Date(request.exportedAt);
  workbook.creator = 'Caseroom';
  workbook.created = exportedAt;
  workbook.modified = exportedAt;
  workbook.calcProperties.fullCalcOnLoad = true;
  const sheet = new SheetWriter(workbook.addWorksheet(text.sheet));
  sheet.heading(1, text.heading(request.organisation));
  sheet.text(2, 1, text.exportedAt(request.exportedAt.slice(0, 10)));
  sheet.text(3, 1, `${text.versionNote} ${text.weightedNote}`);

  const figure = (key: Parameters<typeof headlineFigureTexts>[0]) => headlineFigureTexts(key, lang).name;
  const headers: Record<keyof typeof COLUMN, string> = {
    ...text.columns,
    authorityNpv: figure('authorityNpv'),
    publicSectorNpv: figure('publicSectorNpv'),
    investorIrr: figure('investorIrr'),
    capital: figure('capital'),
    probabilityInvestorLoses: figure('probabilityInvestorLoses'),
  };
  for (const [key, column] of Object.entries(COLUMN)) {
    sheet.text(FIRST_ROW - 1, column, headers[key as keyof typeof COLUMN], { bold: true, wrap: true });
  }

  rows.forEach((row, i) => {
    const r = FIRST_ROW + i;
    sheet.text(r, COLUMN.title, row.title);
    sheet.text(r, COLUMN.municipality, row.municipality ?? '');
    sheet.number(r, COLUMN.phase, row.phase, FORMAT.count);
    sheet.number(r, COLUMN.readyThrough, row.readyThroughPhase, FORMAT.count);
    sheet.text(r, COLUMN.intervention, row.intervention ?? '');
    sheet.text(r, COLUMN.version, row.version.agreed ? text.agreed : text.current);
    if (row.figures) {
      sheet.number(r, COLUMN.authorityNpv, row.figures.authorityNpv, FORMAT.money);
      sheet.number(r, COLUMN.publicSectorNpv, row.figures.publicSectorNpv, FORMAT.money);
      sheet.number(r, COLUMN.investorIrr, row.figures.investorIrr ?? undefined, FORMAT.rate);
      sheet.number(r, COLUMN.capital, row.figures.capitalNeeded, FORMAT.money);
      sheet.number(r, COLUMN.probabilityInvestorLoses, row.figures.probabilityInvestorLoses, FORMAT.rate);
      const capital = cell(COLUMN.capital, r);
      sheet.formula(
        r,
        COLUMN.valuePerCapital,
        `IF(${capital}>0,${cell(COLUMN.authorityNpv, r)}/${capital},"")`,
        FORMAT.ratio,
      );
    } else {
      sheet.text(r, COLUMN.authorityNpv, text.notPriced);
    }
    sheet.number(r, COLUMN.errors, row.findings.errors, FORMAT.count);
    sheet.number(r, COLUMN.warnings, row.findings.warnings, FORMAT.count);
    sheet.text(r, COLUMN.lastActivity, row.lastActivityAt ? row.lastActivityAt.slice(0, 16).replace('T', ' ') : '');
    sheet.text(r, COLUMN.active, row.activeParties.join(', '));
  });

  const last = FIRST_ROW + Math.max(rows.length, 1) - 1;
  const total = last + 1;
  const range = (column: number) => `${cell(column, FIRST_ROW)}:${cell(column, last)}`;
  sheet.text(total, COLUMN.title, text.total, { bold: true });
  for (const column of [COLUMN.authorityNpv, COLUMN.publicSectorNpv, COLUMN.capital]) {
    sheet.formula(total, column, `SUM(${range(column)})`, FORMAT.money);
  }
  sheet.formula(
    total,
    COLUMN.probabilityInvestorLoses,
    `IF(SUM(${range(COLUMN.capital)})>0,SUMPRODUCT(${range(COLUMN.capital)},${range(COLUMN.probabilityInvestorLoses)})/SUM(${range(COLUMN.capital)}),"")`,
    FORMAT.rate,
  );
  const capitalTotal = cell(COLUMN.capital, total);
  sheet.formula(
    total,
    COLUMN.valuePerCapital,
    `IF(${capitalTotal}>0,${cell(COLUMN.authorityNpv, total)}/${capitalTotal},"")`,
    FORMAT.ratio,
  );
  for (const column of [COLUMN.errors, COLUMN.warnings]) {
    sheet.formula(total, column, `SUM(${range(column)})`, FORMAT.count);
  }
  sheet.widths(32, 16, 7, 10, 28, 10, 18, 18, 12, 18, 14, 14, 8, 10, 18, 30);
  sheet.sheet.views = [{ state: 'frozen', ySplit: FIRST_ROW - 1, xSplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
