/**
 * Reading an exported XLSX in tests (test/integration/xlsxExport.test.ts): the raw parts
 * (formulas, cached values, strings), recomputing every formula with HyperFormula (optionally
 * after a reader's edits), and comparisons with `price` to the krone.
 */
import {
  type BuiltCaseExport,
  formatFigure,
  type HeadlineFigureKey,
  type IrrResult,
  irr,
  type Pricing,
} from '@caseroom/shared';
import { strFromU8, unzipSync } from 'fflate';
import { HyperFormula } from 'hyperformula';
import { expect } from 'vitest';
import { headlineLabel } from '../../server/src/exchange/xlsx/headlineFigures.ts';
import type { WorkbookText } from '../../server/src/exchange/xlsx/workbookText.ts';

/** Amounts agree to the krone; rates to 1e-6. */
export const KRONE = 0.5;
export const RATE = 1e-6;
// ---------------------------------------------------------------- reading the XLSX

export type RawCell = { formula?: string; value?: string | number; hasV: boolean };
export type RawBook = {
  parts: Record<string, string>;
  sheetNames: string[];
  sheets: Map<string, Map<string, RawCell>>;
  sheetXml: Map<string, string>;
};

export const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
export const textsIn = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1]!)).join('');

/** Unzips the workbook and reads every cell from the raw sheet XML (no spreadsheet library). */
export function readXlsx(bytes: Uint8Array): RawBook {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) parts[name] = strFromU8(data);
  const shared = [...(parts['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textsIn(m[1]!),
  );
  const targets = new Map(
    [...parts['xl/_rels/workbook.xml.rels']!.matchAll(/<Relationship\s[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map(
      (m) => [m[1]!, m[2]!.replace(/^\/?(xl\/)?/, 'xl/')],
    ),
  );
  const sheetNames: string[] = [];
  const sheets = new Map<string, Map<string, RawCell>>();
  const sheetXml = new Map<string, string>();
  for (const m of parts['xl/workbook.xml']!.matchAll(/<sheet\s[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const name = decodeXml(m[1]!);
    const xml = parts[targets.get(m[2]!)!]!;
    sheetNames.push(name);
    sheetXml.set(name, xml);
    const cells = new Map<string, RawCell>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, address, attributes, inner = ''] = c;
      const type = /\st="([^"]+)"/.exec(attributes!)?.[1];
      const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(inner);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
      const cell: RawCell = { hasV: v !== null };
      if (f) cell.formula = decodeXml(f[1]!);
      else if (type === 's') cell.value = shared[Number(v![1])];
      else if (type === 'inlineStr') cell.value = textsIn(inner);
      else if (type === 'str') cell.value = decodeXml(v?.[1] ?? '');
      else if (v) cell.value = Number(v[1]);
      cells.set(address!, cell);
    }
    sheets.set(name, cells);
  }
  return { parts, sheetNames, sheets, sheetXml };
}

export const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
export const columnName = (index: number) => {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

// ---------------------------------------------------------------- a sheet as rows, found by label

export type Value = number | string | boolean | null;
/** A recalculated sheet: value at (row, column), 1-based. */
export type Grid = { at(row: number, column: number): Value; rows: number; columns: number };

/** The row whose column A is exactly `label` (exactly one). */
export function rowOf(grid: Grid, label: string): number {
  const found: number[] = [];
  for (let r = 1; r <= grid.rows; r++) if (grid.at(r, 1) === label) found.push(r);
  expect(found.length, `rows labelled "${label}"`).toBe(1);
  return found[0]!;
}

export const num = (value: Value, what: string): number => {
  expect(typeof value, `${what} is a number (got ${JSON.stringify(value)})`).toBe('number');
  return value as number;
};

export function expectKroner(actual: Value, expected: number, what: string): void {
  const value = num(actual, what);
  expect(Math.abs(value - expected), `${what}: ${value} vs price ${expected}`).toBeLessThan(KRONE);
}

export function expectRate(actual: Value, expected: number, what: string): void {
  const value = num(actual, what);
  expect(Math.abs(value - expected), `${what}: ${value} vs price ${expected}`).toBeLessThan(RATE);
}

/** The values of a labelled yearly row, years t = 0 … H−1 in columns C … */
export function yearly(grid: Grid, label: string, years: number): Value[] {
  const row = rowOf(grid, label);
  return Array.from({ length: years }, (_, t) => grid.at(row, 3 + t));
}

export function expectSeries(
  grid: Grid,
  label: string,
  expected: readonly number[],
  format: 'kr' | 'rate' = 'kr',
): void {
  const values = yearly(grid, label, expected.length);
  expected.forEach((e, t) => {
    if (format === 'kr') expectKroner(values[t]!, e, `${label}, year ${t}`);
    else expectRate(values[t]!, e, `${label}, year ${t}`);
  });
}

export const valueIn = (grid: Grid, label: string, column = 2) => grid.at(rowOf(grid, label), column);

export function expectIrr(actual: Value, expected: IrrResult, text: WorkbookText, what: string): void {
  if (expected.ok) expectRate(actual, expected.rate, what);
  else expect(actual, what).toBe(text.none);
}

// ---------------------------------------------------------------- the checks against price

export const departmentName = (exported: BuiltCaseExport, id: string) =>
  exported.model.facts.departments.find((d) => d.id === id)?.name ?? id;

/** Every yearly figure, headline and who-pays row of the recalculated workbook against `price`. */
export function expectBusinessCase(book: Map<string, Grid>, exported: BuiltCaseExport, text: WorkbookText): number[] {
  if (!exported.pricing.ok) throw new Error('expected a priced case');
  const { pricing, risk } = exported.pricing;
  const y = pricing.yearly;
  const H = y.years.length;
  const bc = book.get(text.sheets.expected)!;
  const t = text.businessCase;
  expectSeries(bc, t.discountFactor, y.discountFactor, 'rate');
  expectSeries(bc, t.cost, y.interventionCost);
  expectSeries(bc, t.capital, y.capital);
  expectSeries(bc, t.ownFunding, y.ownFunding);
  for (const [id, series] of Object.entries(y.valueByDepartment)) {
    expectSeries(bc, `${t.valueTo} ${departmentName(exported, id)}`, series);
  }
  expectSeries(bc, t.publicValue, y.publicValue);
  expectSeries(bc, t.dueTotal, y.paymentsDue);
  expectSeries(bc, t.afterCap, y.paymentsAfterCap);
  expectSeries(bc, t.paid, y.paid);
  for (const [id, series] of Object.entries(y.paymentsByPayer)) {
    expectSeries(bc, `${t.paidBy} ${departmentName(exported, id)}`, series);
  }
  expectSeries(bc, t.unallocated, y.unallocated);
  expectSeries(bc, t.guarantee, y.guarantee);
  expectSeries(bc, t.authorityNet, y.authorityNet);
  expectSeries(bc, t.publicSectorNet, y.publicSectorNet);
  expectSeries(bc, t.investorCashFlow, y.investorCashFlow);
  expectSeries(bc, t.cumulative, y.authorityCumulativeDiscounted);

  // Totals (column B) and headlines.
  expectKroner(valueIn(bc, t.cost), pricing.totals.interventionCost, 'total cost');
  expectKroner(valueIn(bc, t.capital), pricing.totals.capital, 'total capital');
  expectKroner(valueIn(bc, t.publicValue), pricing.totals.publicValue, 'total public value');
  expectKroner(valueIn(bc, t.paid), pricing.totals.paid, 'total paid');
  expectKroner(valueIn(bc, t.unallocated), pricing.totals.unallocated, 'total unallocated');
  expectKroner(valueIn(bc, t.guarantee), pricing.totals.guarantee, 'total guarantee');
  expectHeadlines(bc, pricing, text, 'expected', exported.model.facts.startYear);

  // P15: the IRR of the recomputed cash flows, by the shared bisection.
  const flows = yearly(bc, t.investorCashFlow, H).map((v) => num(v, 'cash flow'));
  const recomputed = irr(flows);
  expect(recomputed.ok, 'IRR of the recomputed flows exists as in price').toBe(pricing.investor.irr.ok);
  if (recomputed.ok && pricing.investor.irr.ok) {
    expect(Math.abs(recomputed.rate - pricing.investor.irr.rate)).toBeLessThan(RATE);
  } else if (!recomputed.ok && !pricing.investor.irr.ok) {
    expect(recomputed.reason).toBe(pricing.investor.irr.reason);
  }

  // P17, P17a.
  const who = book.get(text.sheets.whoPays)!;
  for (const account of pricing.departments) {
    const row = rowOf(who, departmentName(exported, account.departmentId));
    const what = `who pays: ${account.departmentId}`;
    expectKroner(who.at(row, 2), account.valueGained, `${what} value`);
    expectKroner(who.at(row, 3), account.paymentsMade, `${what} payments`);
    expectKroner(who.at(row, 4), account.ownCost, `${what} own cost`);
    expectKroner(who.at(row, 5), account.net, `${what} net`);
  }
  // P10, P17: the not-yet-allocated remainder, a row of its own, owed by the authority.
  const unallocatedRow = rowOf(who, text.whoPays.unallocated);
  expectKroner(who.at(unallocatedRow, 3), pricing.authorityRows.unallocated, 'who pays: unallocated');
  expectKroner(who.at(unallocatedRow, 5), -pricing.authorityRows.unallocated, 'who pays: unallocated net');
  const guaranteeRow = rowOf(who, text.whoPays.guarantee);
  expectKroner(who.at(guaranteeRow, 3), pricing.authorityRows.guarantee, 'who pays: municipal guarantor');

  // P18: the scenario sheets against the risk analysis's scenarios.
  const h = (key: HeadlineFigureKey) => headlineLabel(key, text.lang);
  const scenarios = book.get(text.sheets.scenarios)!;
  risk.scenarios.forEach((scenario, i) => {
    const column = 2 + i;
    const what = `scenario ${scenario.scenario}`;
    expectKroner(valueIn(scenarios, h('authorityNpv'), column), scenario.authorityNpv, `${what} authority NPV`);
    expectKroner(valueIn(scenarios, h('publicSectorNpv'), column), scenario.publicSectorNpv, `${what} public NPV`);
    expectKroner(valueIn(scenarios, text.scenarios.paid, column), scenario.paid, `${what} paid`);
    expect(valueIn(scenarios, h('investorLosesMoney'), column), `${what} loses`).toBe(
      scenario.investorLosesMoney ? text.yes : text.no,
    );
    expectIrr(valueIn(scenarios, h('investorIrr'), column), scenario.investorIrr, text, `${what} IRR`);
  });

  // The calendar years label the columns.
  const start = exported.model.facts.startYear;
  if (start !== undefined) expect(yearly(bc, t.calendarYear, H)).toEqual(y.years.map((year) => start + year));

  return flows;
}

/** P18: the simulation's results are written as values, with seed and iterations. */
export function expectRiskValues(book: Map<string, Grid>, exported: BuiltCaseExport, text: WorkbookText): void {
  if (!exported.pricing.ok) throw new Error('expected a priced case');
  const { risk } = exported.pricing;
  const riskSheet = book.get(text.sheets.risk)!;
  expect(valueIn(riskSheet, text.risk.seed)).toBe(risk.seed);
  expect(valueIn(riskSheet, text.risk.iterations)).toBe(risk.iterations);
  expectRate(
    valueIn(riskSheet, headlineLabel('probabilityInvestorLoses', text.lang)),
    risk.monteCarlo.probabilityInvestorLoses,
    'P(investor loses)',
  );
  expectKroner(
    valueIn(riskSheet, headlineLabel('authorityNpv', text.lang), 3),
    risk.monteCarlo.authorityNpv.p50,
    'authority NPV P50',
  );
}

export function expectHeadlines(
  bc: Grid,
  pricing: Pricing,
  text: WorkbookText,
  what: string,
  startYear: number | undefined,
): void {
  const h = (key: HeadlineFigureKey) => headlineLabel(key, text.lang);
  expectKroner(valueIn(bc, h('authorityNpv')), pricing.authorityNpv, `${what} authority NPV`);
  expectKroner(valueIn(bc, h('publicSectorNpv')), pricing.publicSectorNpv, `${what} public-sector NPV`);
  expectKroner(valueIn(bc, h('investorNpv')), pricing.investor.npv, `${what} investor NPV`);
  if (pricing.benefitCostRatio === undefined) expect(valueIn(bc, h('benefitCostRatio'))).toBe(text.none);
  else expectRate(valueIn(bc, h('benefitCostRatio')), pricing.benefitCostRatio, `${what} BCR`);
  if (pricing.investor.multiple === undefined) expect(valueIn(bc, h('investorMultiple'))).toBe(text.none);
  else expectRate(valueIn(bc, h('investorMultiple')), pricing.investor.multiple, `${what} multiple`);
  expectKroner(valueIn(bc, h('investorNet')), pricing.investor.netNominal, `${what} investor net`);
  expect(valueIn(bc, h('investorLosesMoney')), `${what} loses money`).toBe(
    pricing.investor.losesMoney ? text.yes : text.no,
  );
  // Break-even is a calendar year, as the panel and the report show it.
  const breakEven =
    pricing.breakEvenYear === undefined
      ? text.none
      : startYear === undefined
        ? formatFigure('breakEvenYear', pricing.breakEvenYear, { lang: text.lang })
        : startYear + pricing.breakEvenYear;
  expect(valueIn(bc, h('breakEvenYear')), `${what} break-even`).toBe(breakEven);
}

// ---------------------------------------------------------------- HyperFormula

/** An input a reader changes: the cell in `column` of the row labelled `label` on `sheet`. */
export type Edit = { sheet: string; label: string; column: number; value: number | null };

/**
 * Recomputes every formula of the workbook with HyperFormula; text cells go in as text. `edits`
 * change input cells first, as a finance officer would.
 */
export function recompute(raw: RawBook, edits: Edit[] = []): Map<string, Grid> {
  const sheets: Record<string, (string | number | null)[][]> = {};
  for (const [name, cells] of raw.sheets) {
    const grid: (string | number | null)[][] = [];
    for (const [address, cell] of cells) {
      const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
      const r = Number(digits) - 1;
      const c = columnIndex(letters!) - 1;
      while (grid.length <= r) grid.push([]);
      const row = grid[r]!;
      while (row.length <= c) row.push(null);
      // A leading apostrophe makes HyperFormula take the text as text, even if it starts with '='.
      row[c] =
        cell.formula !== undefined
          ? `=${cell.formula}`
          : typeof cell.value === 'string'
            ? `'${cell.value}`
            : (cell.value ?? null);
    }
    sheets[name] = grid;
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  for (const edit of edits) {
    const rows = [...raw.sheets.get(edit.sheet)!].filter(
      ([address, cell]) => /^A\d+$/.test(address) && cell.value === edit.label,
    );
    expect(rows.length, `input row "${edit.label}"`).toBe(1);
    const row = Number(rows[0]![0].slice(1)) - 1;
    hf.setCellContents({ sheet: hf.getSheetId(edit.sheet)!, row, col: edit.column - 1 }, edit.value);
  }
  const book = new Map<string, Grid>();
  for (const name of raw.sheetNames) {
    const values = hf.getSheetValues(hf.getSheetId(name)!) as Value[][];
    const at = (row: number, column: number): Value => {
      const value = values[row - 1]?.[column - 1] ?? null;
      if (value !== null && typeof value === 'object') {
        throw new Error(`${name}!${columnName(column)}${row}: ${JSON.stringify(value)}`);
      }
      return value;
    };
    book.set(name, { at, rows: values.length, columns: Math.max(0, ...values.map((r) => r.length)) });
  }
  hf.destroy();
  return book;
}

// ---------------------------------------------------------------- the raw XML

export function expectNoCachedFormulaResults(raw: RawBook): void {
  let formulas = 0;
  for (const [name, cells] of raw.sheets) {
    for (const [address, cell] of cells) {
      if (cell.formula === undefined) continue;
      formulas++;
      expect(cell.hasV, `${name}!${address} carries a cached value`).toBe(false);
    }
  }
  for (const xml of raw.sheetXml.values()) expect(xml).not.toMatch(/<f[^>]*>[^<]*<\/f>\s*<v>/);
  expect(raw.parts['xl/workbook.xml']).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  return void formulas;
}

export const allFormulas = (raw: RawBook) =>
  [...raw.sheets.values()].flatMap((cells) => [...cells.values()].flatMap((c) => (c.formula ? [c.formula] : [])));
export const allTexts = (raw: RawBook) =>
  [...raw.sheets.values()].flatMap((cells) =>
    [...cells.values()].flatMap((c) => (typeof c.value === 'string' ? [c.value] : [])),
  );
