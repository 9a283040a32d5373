import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BuiltCaseExport,
  buildCaseExport,
  type CaseModelDraft,
  exampleCase,
  type IrrResult,
  irr,
  type Pricing,
  richTextFromParagraphs,
  type WorkshopRecord,
} from '@caseroom/shared';
import { strFromU8, unzipSync } from 'fflate';
import { HyperFormula } from 'hyperformula';
import { afterAll, describe, expect, it } from 'vitest';
import { caseWorkbook } from '../../server/src/exchange/xlsx/caseWorkbook.ts';
import { type WorkbookText, workbookText } from '../../server/src/exchange/xlsx/workbookText.ts';

/**
 * docs/export-xlsx.md: the XLSX export's formulas give `price`'s figures. HyperFormula recomputes
 * every workbook (no cached values exist), LibreOffice recalculates two of them and converts them
 * to CSV, and both are compared with `price` to the krone.
 */

const NOW = new Date('2026-11-28T03:00:00.000Z');
const KRONE = 0.5;
const RATE = 1e-6;
const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

const HOSTILE = {
  hyperlink: '=HYPERLINK("http://evil","x")',
  dde: "=cmd|' /C calc'!A0",
  script: '<script>alert(1)</script>',
  at: '@SUM(1+1)',
  plus: '+1+2',
  minus: '-3+4',
};

// ---------------------------------------------------------------- fixtures

function workshop(overrides: Partial<WorkshopRecord> = {}): WorkshopRecord {
  return {
    phase: 2,
    locks: {},
    timer: { status: 'idle', serverNow: 0 },
    votes: {},
    decisions: {},
    signoffs: {},
    requiredSigners: [],
    ...overrides,
  };
}

/** The example case changed by `change` (a fresh copy each time). */
function variant(change: (model: CaseModelDraft) => void): CaseModelDraft {
  const model = structuredClone(exampleCase());
  change(model);
  return model;
}

function exportOf(model: CaseModelDraft, record: WorkshopRecord = workshop()): BuiltCaseExport {
  return buildCaseExport({
    caseId: 'case-xlsx',
    model,
    workshop: record,
    source: 'current',
    now: NOW,
    seed: 42,
    iterations: 2000,
  });
}

const outcome = (model: CaseModelDraft, id: string) => model.outcomes.find((o) => o.id === id)!;

const PRICED_CASES: { name: string; lang: 'da' | 'en'; model: CaseModelDraft }[] = [
  { name: 'the example case (return cap binds)', lang: 'da', model: exampleCase() },
  {
    name: 'a nominal cap that binds, cut pro rata across two paid outcomes',
    lang: 'en',
    model: variant((m) => {
      m.paymentModel.paymentCap = 4_000_000;
      m.paymentModel.returnCap = undefined;
      m.paymentModel.guaranteeAmount = undefined;
      outcome(m, 'out-admissions').pricePerOutcome = 100_000;
      outcome(m, 'out-admissions').paymentBasis = 'all';
    }),
  },
  {
    name: 'a return cap that binds well below the payments',
    lang: 'da',
    model: variant((m) => {
      m.paymentModel.paymentCap = undefined;
      m.paymentModel.returnCap = 0.03;
      outcome(m, 'out-employment').pricePerOutcome = 400_000;
    }),
  },
  {
    name: 'a guarantee that pays in year H−1',
    lang: 'da',
    model: variant((m) => {
      m.paymentModel.paymentCap = undefined;
      m.paymentModel.returnCap = undefined;
      m.paymentModel.guaranteeAmount = 3_000_000;
      outcome(m, 'out-employment').pricePerOutcome = 50_000;
    }),
  },
  {
    name: 'several cohorts, fixed cost over two years, part-funded, payers with a shortfall',
    lang: 'da',
    model: variant((m) => {
      m.targetGroup.intake = [
        { year: 0, participants: 40 },
        { year: 1, participants: 55 },
        { year: 2, participants: 70 },
        { year: 3, participants: 30 },
        { year: 5, participants: 25 },
      ];
      const chosen = m.interventions.candidates.find((c) => c.id === m.interventions.chosenId)!;
      chosen.durationYears = 2;
      chosen.fixedCostPerYear = 300_000;
      m.paymentModel.investorFundedShare = 0.6;
      m.paymentModel.payerShares = { 'dep-jobcenter': 0.5, 'dep-social': 0.1, 'dep-region': 0.15 };
      m.paymentModel.paymentCap = 30_000_000;
      outcome(m, 'out-employment').paymentBasis = 'all';
      outcome(m, 'out-employment').attribution = 0.9;
      outcome(m, 'out-admissions').pricePerOutcome = 30_000;
    }),
  },
  {
    name: 'non-municipal departments, a department without a level and ids the case does not list',
    lang: 'en',
    model: variant((m) => {
      m.facts.departments[0]!.level = 'state';
      m.facts.departments[2]!.level = undefined;
      m.paymentModel.payerShares = { 'dep-region': 0.4, 'dep-state': 0.3, 'dep-social': 0.2, 'dep-ghost-payer': 0.1 };
      outcome(m, 'out-employment').valuePerDepartment['dep-ghost'] = 15_000;
      m.paymentModel.returnCap = undefined;
    }),
  },
  {
    name: 'nothing is paid: no IRR, the investor loses, a short horizon',
    lang: 'da',
    model: variant((m) => {
      m.facts.horizonYears = 3;
      for (const o of m.outcomes) o.pricePerOutcome = 0;
      m.paymentModel.guaranteeAmount = undefined;
    }),
  },
  {
    name: 'no cohorts and an outcome left out of the figures',
    lang: 'en',
    model: variant((m) => {
      m.targetGroup.intake = [];
      outcome(m, 'out-admissions').baselineRate = undefined;
    }),
  },
];

function hostileModel(): CaseModelDraft {
  return variant((m) => {
    m.facts.title = HOSTILE.hyperlink;
    m.facts.municipality = HOSTILE.at;
    m.facts.departments[0]!.name = HOSTILE.dde;
    m.facts.departments[1]!.name = HOSTILE.script;
    m.facts.departments[2]!.name = HOSTILE.minus;
    m.outcomes[0]!.name = HOSTILE.hyperlink;
    m.outcomes[1]!.name = HOSTILE.plus;
    m.problem.text = richTextFromParagraphs(HOSTILE.script, HOSTILE.dde);
    m.targetGroup.name = HOSTILE.at;
  });
}

function hostileExport(): BuiltCaseExport {
  const model = hostileModel();
  const record = workshop({
    decisions: {
      d1: { text: HOSTILE.hyperlink, partyId: 'p1', partyName: HOSTILE.dde, at: '2026-11-27T10:00:00.000Z', order: 1 },
      d2: {
        // A control character XML cannot carry: dropped, the rest written.
        text: `${HOSTILE.at}\u0001`,
        itemPath: HOSTILE.script,
        partyId: 'p1',
        partyName: 'x',
        at: '2026-11-27T11:00:00.000Z',
        order: 2,
      },
    },
    signoffs: { p1: { hash: 'not-this-version', partyName: HOSTILE.hyperlink, at: '2026-11-27T12:00:00.000Z' } },
  });
  return exportOf(model, record);
}

// ---------------------------------------------------------------- reading the XLSX

type RawCell = { formula?: string; value?: string | number; hasV: boolean };
type RawBook = {
  parts: Record<string, string>;
  sheetNames: string[];
  sheets: Map<string, Map<string, RawCell>>;
  sheetXml: Map<string, string>;
};

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
const textsIn = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1]!)).join('');

/** Unzips the workbook and reads every cell from the raw sheet XML (no spreadsheet library). */
function readXlsx(bytes: Uint8Array): RawBook {
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

const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const columnName = (index: number) => {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

// ---------------------------------------------------------------- a sheet as rows, found by label

type Value = number | string | boolean | null;
/** A recalculated sheet: value at (row, column), 1-based. */
type Grid = { at(row: number, column: number): Value; rows: number; columns: number };

/** The row whose column A is exactly `label` (exactly one). */
function rowOf(grid: Grid, label: string): number {
  const found: number[] = [];
  for (let r = 1; r <= grid.rows; r++) if (grid.at(r, 1) === label) found.push(r);
  expect(found.length, `rows labelled "${label}"`).toBe(1);
  return found[0]!;
}

const num = (value: Value, what: string): number => {
  expect(typeof value, `${what} is a number (got ${JSON.stringify(value)})`).toBe('number');
  return value as number;
};

function expectKroner(actual: Value, expected: number, what: string): void {
  const value = num(actual, what);
  expect(Math.abs(value - expected), `${what}: ${value} vs price ${expected}`).toBeLessThan(KRONE);
}

function expectRate(actual: Value, expected: number, what: string): void {
  const value = num(actual, what);
  expect(Math.abs(value - expected), `${what}: ${value} vs price ${expected}`).toBeLessThan(RATE);
}

/** The values of a labelled yearly row, years t = 0 … H−1 in columns C … */
function yearly(grid: Grid, label: string, years: number): Value[] {
  const row = rowOf(grid, label);
  return Array.from({ length: years }, (_, t) => grid.at(row, 3 + t));
}

function expectSeries(grid: Grid, label: string, expected: readonly number[], format: 'kr' | 'rate' = 'kr'): void {
  const values = yearly(grid, label, expected.length);
  expected.forEach((e, t) => {
    if (format === 'kr') expectKroner(values[t]!, e, `${label}, year ${t}`);
    else expectRate(values[t]!, e, `${label}, year ${t}`);
  });
}

const valueIn = (grid: Grid, label: string, column = 2) => grid.at(rowOf(grid, label), column);

function expectIrr(actual: Value, expected: IrrResult, text: WorkbookText, what: string): void {
  if (expected.ok) expectRate(actual, expected.rate, what);
  else expect(actual, what).toBe(text.none);
}

// ---------------------------------------------------------------- the checks against price

const departmentName = (exported: BuiltCaseExport, id: string) =>
  exported.model.facts.departments.find((d) => d.id === id)?.name ?? id;

/** Every yearly figure, headline and who-pays row of the recalculated workbook against `price`. */
function expectBusinessCase(book: Map<string, Grid>, exported: BuiltCaseExport, text: WorkbookText): number[] {
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
  expectHeadlines(bc, pricing, text, 'expected');

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

  // P18: the scenario sheets against the risk analysis's scenarios.
  const scenarios = book.get(text.sheets.scenarios)!;
  risk.scenarios.forEach((scenario, i) => {
    const column = 2 + i;
    const what = `scenario ${scenario.scenario}`;
    expectKroner(valueIn(scenarios, t.authorityNpv, column), scenario.authorityNpv, `${what} authority NPV`);
    expectKroner(valueIn(scenarios, t.publicSectorNpv, column), scenario.publicSectorNpv, `${what} public NPV`);
    expectKroner(valueIn(scenarios, text.scenarios.paid, column), scenario.paid, `${what} paid`);
    expect(valueIn(scenarios, t.losesMoney, column), `${what} loses`).toBe(
      scenario.investorLosesMoney ? text.yes : text.no,
    );
    expectIrr(valueIn(scenarios, t.irr, column), scenario.investorIrr, text, `${what} IRR`);
  });

  // The calendar years label the columns.
  const start = exported.model.facts.startYear;
  if (start !== undefined) expect(yearly(bc, t.calendarYear, H)).toEqual(y.years.map((year) => start + year));

  return flows;
}

/** P18: the simulation's results are written as values, with seed and iterations. */
function expectRiskValues(book: Map<string, Grid>, exported: BuiltCaseExport, text: WorkbookText): void {
  if (!exported.pricing.ok) throw new Error('expected a priced case');
  const { risk } = exported.pricing;
  const riskSheet = book.get(text.sheets.risk)!;
  expect(valueIn(riskSheet, text.risk.seed)).toBe(risk.seed);
  expect(valueIn(riskSheet, text.risk.iterations)).toBe(risk.iterations);
  expectRate(
    valueIn(riskSheet, text.risk.probabilityInvestorLoses),
    risk.monteCarlo.probabilityInvestorLoses,
    'P(investor loses)',
  );
  expectKroner(valueIn(riskSheet, text.risk.authorityNpv, 3), risk.monteCarlo.authorityNpv.p50, 'authority NPV P50');
}

function expectHeadlines(bc: Grid, pricing: Pricing, text: WorkbookText, what: string): void {
  const t = text.businessCase;
  expectKroner(valueIn(bc, t.authorityNpv), pricing.authorityNpv, `${what} authority NPV`);
  expectKroner(valueIn(bc, t.publicSectorNpv), pricing.publicSectorNpv, `${what} public-sector NPV`);
  expectKroner(valueIn(bc, t.investorNpv), pricing.investor.npv, `${what} investor NPV`);
  if (pricing.benefitCostRatio === undefined) expect(valueIn(bc, t.bcr)).toBe(text.none);
  else expectRate(valueIn(bc, t.bcr), pricing.benefitCostRatio, `${what} BCR`);
  if (pricing.investor.multiple === undefined) expect(valueIn(bc, t.multiple)).toBe(text.none);
  else expectRate(valueIn(bc, t.multiple), pricing.investor.multiple, `${what} multiple`);
  expectKroner(valueIn(bc, t.investorNet), pricing.investor.netNominal, `${what} investor net`);
  expect(valueIn(bc, t.losesMoney), `${what} loses money`).toBe(pricing.investor.losesMoney ? text.yes : text.no);
  expect(valueIn(bc, t.breakEven), `${what} break-even`).toBe(pricing.breakEvenYear ?? text.none);
}

// ---------------------------------------------------------------- HyperFormula

/** An input a reader changes: the cell in `column` of the row labelled `label` on `sheet`. */
type Edit = { sheet: string; label: string; column: number; value: number | null };

/**
 * Recomputes every formula of the workbook with HyperFormula; text cells go in as text. `edits`
 * change input cells first, as a finance officer would.
 */
function recompute(raw: RawBook, edits: Edit[] = []): Map<string, Grid> {
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

function expectNoCachedFormulaResults(raw: RawBook): void {
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

const allFormulas = (raw: RawBook) =>
  [...raw.sheets.values()].flatMap((cells) => [...cells.values()].flatMap((c) => (c.formula ? [c.formula] : [])));
const allTexts = (raw: RawBook) =>
  [...raw.sheets.values()].flatMap((cells) =>
    [...cells.values()].flatMap((c) => (typeof c.value === 'string' ? [c.value] : [])),
  );

// ---------------------------------------------------------------- tests

describe('XLSX export: HyperFormula recomputes price', () => {
  for (const { name, lang, model } of PRICED_CASES) {
    it(`[P1–P18] ${name} (${lang})`, async () => {
      const exported = exportOf(model);
      expect(exported.pricing.ok).toBe(true);
      const raw = readXlsx(await caseWorkbook(exported, lang));
      expectNoCachedFormulaResults(raw);
      const text = workbookText(lang);
      const book = recompute(raw);
      expectBusinessCase(book, exported, text);
      expectRiskValues(book, exported, text);
      // HyperFormula 3.5 has IRR too: the workbook's own IRR cell agrees with P15 where price has one.
      if (exported.pricing.ok) {
        const bc = book.get(text.sheets.expected)!;
        expectIrr(valueIn(bc, text.businessCase.irr), exported.pricing.pricing.investor.irr, text, 'IRR cell');
      }
    });
  }

  it('a finance officer changes inputs and every formula follows: the figures of price for the changed case', async () => {
    const text = workbookText('da');
    const t = text.inputs;
    const raw = readXlsx(await caseWorkbook(exportOf(exampleCase()), 'da'));
    const edits: Edit[] = [
      { sheet: text.sheets.inputs, label: t.discountRate, column: 2, value: 0.04 },
      { sheet: text.sheets.inputs, label: t.returnCap, column: 2, value: null },
      { sheet: text.sheets.inputs, label: t.paymentCap, column: 2, value: 9_000_000 },
      { sheet: text.sheets.inputs, label: t.costPerParticipant, column: 2, value: 45_000 },
      { sheet: text.sheets.inputs, label: `${t.cohort} 2`, column: 3, value: 100 },
      { sheet: text.sheets.inputs, label: 'Ordinær beskæftigelse', column: 8, value: 300_000 },
      { sheet: text.sheets.inputs, label: 'Ordinær beskæftigelse', column: 7, value: 0 },
      { sheet: text.sheets.inputs, label: text.inputs.effect, column: 2, value: 0.4 },
    ];
    const changed = variant((m) => {
      m.facts.discountRate = 0.04;
      m.paymentModel.returnCap = undefined;
      m.paymentModel.paymentCap = 9_000_000;
      m.interventions.candidates.find((c) => c.id === m.interventions.chosenId)!.costPerParticipant = 45_000;
      m.targetGroup.intake[1]!.participants = 100;
      outcome(m, 'out-employment').pricePerOutcome = 300_000;
      outcome(m, 'out-employment').persistence = 0;
      m.paymentModel.scenarios.effect.low = 0.4;
    });
    expectBusinessCase(recompute(raw, edits), exportOf(changed), text);
  });

  it('[P8] a binding cap is used up in year order and cut pro rata across outcomes', async () => {
    const exported = exportOf(PRICED_CASES[1]!.model);
    if (!exported.pricing.ok) throw new Error('priced');
    const y = exported.pricing.pricing.yearly;
    expect(
      y.paymentsAfterCap.some((v, t) => v > 0 && v < y.paymentsDue[t]!),
      'the cap binds in some year',
    ).toBe(true);
    const text = workbookText('en');
    const bc = recompute(readXlsx(await caseWorkbook(exported, 'en'))).get(text.sheets.expected)!;
    const H = y.years.length;
    const paidFor = exported.model.outcomes.map((o) =>
      yearly(bc, `${text.businessCase.paidFor} ${o.name}`, H).map((v) => num(v, 'paid for')),
    );
    y.paid.forEach((paid, t) => {
      const sum = paidFor.reduce((total, series) => total + series[t]!, 0);
      expect(Math.abs(sum - paid)).toBeLessThan(KRONE);
    });
  });

  it('[P9][P11] the variants really exercise the return cap and the guarantee', () => {
    const returnCap = exportOf(PRICED_CASES[2]!.model);
    const guarantee = exportOf(PRICED_CASES[3]!.model);
    if (!returnCap.pricing.ok || !guarantee.pricing.ok) throw new Error('priced');
    const rc = returnCap.pricing.pricing;
    expect(rc.totals.paid).toBeLessThan(rc.yearly.paymentsAfterCap.reduce((a, b) => a + b, 0) - 1);
    expect(rc.investor.irr.ok && Math.abs(rc.investor.irr.rate - 0.03) < 1e-6).toBe(true);
    expect(guarantee.pricing.pricing.totals.guarantee).toBeGreaterThan(0);
  });

  it('writes numbers with locale-neutral formats: amounts in kr., rates in %', async () => {
    const raw = readXlsx(await caseWorkbook(exportOf(exampleCase()), 'da'));
    const styles = raw.parts['xl/styles.xml']!;
    expect(decodeXml(styles)).toContain('#,##0 "kr."');
    expect(styles).toContain('formatCode="0.0%"');
  });

  it('is a function of the export only: the document dates are the export time, parts are identical', async () => {
    const exported = exportOf(exampleCase());
    const first = readXlsx(await caseWorkbook(exported, 'da'));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = readXlsx(await caseWorkbook(exported, 'da'));
    expect(second.parts).toEqual(first.parts);
    expect(first.parts['docProps/core.xml']).toContain('2026-11-28T03:00:00Z');
  });

  it('lists outcomes left out of the figures on the case sheet', async () => {
    const exported = exportOf(PRICED_CASES.at(-1)!.model);
    const text = workbookText('en');
    const texts = allTexts(readXlsx(await caseWorkbook(exported, 'en')));
    expect(texts).toContain(text.case.excludedOutcomes);
    expect(texts).toContain('Færre psykiatriske indlæggelser');
  });

  it('exports the example case well under 2 s', async () => {
    const exported = exportOf(exampleCase());
    await caseWorkbook(exported, 'da');
    const started = performance.now();
    await caseWorkbook(exported, 'da');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('XLSX export: a case that cannot be priced', () => {
  it('[P0] writes the inputs it has, the reason and the record sheets, and no formulas', async () => {
    const model = variant((m) => {
      m.facts.horizonYears = undefined;
    });
    const record = workshop({
      decisions: {
        d1: { text: 'Vi venter', partyId: 'p1', partyName: 'Facilitator', at: NOW.toISOString(), order: 1 },
      },
    });
    const exported = exportOf(model, record);
    expect(exported.pricing.ok).toBe(false);
    const text = workbookText('da');
    const raw = readXlsx(await caseWorkbook(exported, 'da'));
    expect(raw.sheetNames).toEqual([
      text.sheets.case,
      text.sheets.inputs,
      text.sheets.findings,
      text.sheets.decisions,
      text.sheets.signoffs,
    ]);
    expect(allFormulas(raw)).toEqual([]);
    const texts = allTexts(raw);
    expect(texts).toContain(text.case.notPriced);
    expect(texts).toContain(text.case.notPricedReason.noHorizon);
    expect(texts).toContain('Vi venter');
    const book = recompute(raw);
    const inputs = book.get(text.sheets.inputs)!;
    expect(valueIn(inputs, text.inputs.horizon)).toBeNull();
    expect(valueIn(inputs, text.inputs.discountRate)).toBe(0.035);
    expect(valueIn(inputs, text.inputs.costPerParticipant)).toBe(40_000);
    const findings = book.get(text.sheets.findings)!;
    const firstMessage = findings.at(4, 4);
    expect(typeof firstMessage === 'string' && firstMessage.length > 0).toBe(true);
  });
});

describe('XLSX export: hostile content stays inert', () => {
  it('writes names, rich text, decisions and sign-offs as strings, never inside a formula', async () => {
    const exported = hostileExport();
    const raw = readXlsx(await caseWorkbook(exported, 'da'));
    const texts = allTexts(raw);
    const joined = texts.join('\n');
    for (const hostile of Object.values(HOSTILE)) expect(joined, hostile).toContain(hostile);
    expect(texts).toContain(HOSTILE.hyperlink); // the title, a whole cell
    expect(texts).toContain(HOSTILE.dde); // a department name
    for (const formula of allFormulas(raw)) {
      expect(formula).not.toMatch(/HYPERLINK|cmd|script|evil|@SUM/i);
    }
    for (const [name, xml] of Object.entries(raw.parts)) {
      expect(xml, name).not.toMatch(/<hyperlinks?[\s>]|relationships\/hyperlink|<ddeLink|<externalLink/);
    }
    // Sheet names come from the catalogue, never from content.
    const catalogue: string[] = Object.values(workbookText('da').sheets);
    for (const sheet of raw.sheetNames) expect(catalogue).toContain(sheet);
    // And the hostile case still prices: the labels with hostile names are found as text.
    expectBusinessCase(recompute(raw), exported, workbookText('da'));
  });
});

// ---------------------------------------------------------------- LibreOffice

/** Parses RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV sheet as a grid: numbers (and "12.5%") as numbers, empty as null, the rest as text. */
function csvGrid(rows: string[][]): Grid {
  const parse = (s: string): Value => {
    if (s === '') return null;
    const percent = /^(-?\d+(?:\.\d+)?(?:E[-+]?\d+)?)%$/i.exec(s);
    if (percent) return Number(percent[1]) / 100;
    if (/^-?\d+(?:\.\d+)?(?:E[-+]?\d+)?$/i.test(s)) return Number(s);
    return s;
  };
  return {
    at: (row, column) => parse(rows[row - 1]?.[column - 1] ?? ''),
    rows: rows.length,
    columns: Math.max(0, ...rows.map((r) => r.length)),
  };
}

describe('XLSX export: LibreOffice recalculates the file', () => {
  const work = mkdtempSync(join(tmpdir(), 'caseroom-xlsx-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('[P1–P17] converts the example and the hostile case to CSV with price’s figures', async () => {
    expect(
      existsSync(SOFFICE),
      `LibreOffice is needed for this test: ${SOFFICE} is missing (Debian: apt-get install libreoffice-calc-nogui)`,
    ).toBe(true);
    const cases = { example: exportOf(exampleCase()), hostile: hostileExport() };
    for (const [name, exported] of Object.entries(cases)) {
      writeFileSync(join(work, `${name}.xlsx`), await caseWorkbook(exported, 'da'));
    }
    const out = join(work, 'out');
    mkdirSync(out);
    // Every sheet to its own CSV (last token -1), raw values rather than as shown, UTF-8.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1';
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        out,
        join(work, 'example.xlsx'),
        join(work, 'hostile.xlsx'),
      ],
      { stdio: 'pipe', timeout: 110_000 },
    );
    const text = workbookText('da');
    for (const [name, exported] of Object.entries(cases)) {
      const book = new Map<string, Grid>();
      for (const sheet of Object.values(text.sheets)) {
        const file = join(out, `${name}-${sheet}.csv`);
        if (!existsSync(file)) continue;
        const rows = parseCsv(readFileSync(file, 'utf8'));
        for (const row of rows) for (const cell of row) expect(cell, `${name}/${sheet}`).not.toMatch(/^(#[A-Z]|Err:)/);
        book.set(sheet, csvGrid(rows));
      }
      expect([...book.keys()].length, `${name}: CSV files in ${readdirSync(out).join(', ')}`).toBe(11);
      const flows = expectBusinessCase(book, exported, text);
      expectRiskValues(book, exported, text);
      expect(flows.length).toBe(exampleCase().facts.horizonYears);
      if (!exported.pricing.ok) throw new Error('priced');
      // LibreOffice has IRR: the workbook's IRR cell agrees with P15.
      const bc = book.get(text.sheets.expected)!;
      expectIrr(valueIn(bc, text.businessCase.irr), exported.pricing.pricing.investor.irr, text, `${name} IRR`);
      if (name === 'hostile') {
        const caseSheet = book.get(text.sheets.case)!;
        expect(valueIn(caseSheet, text.case.title)).toBe(HOSTILE.hyperlink);
        expect(valueIn(caseSheet, text.case.municipality)).toBe(HOSTILE.at);
        const decisions = book.get(text.sheets.decisions)!;
        expect(decisions.at(4, 2)).toBe(HOSTILE.hyperlink);
        expect(decisions.at(4, 4)).toBe(HOSTILE.dde);
        expect(decisions.at(5, 2)).toBe(HOSTILE.at);
        const inputs = book.get(text.sheets.inputs)!;
        rowOf(inputs, HOSTILE.dde);
        rowOf(inputs, HOSTILE.script);
        rowOf(inputs, HOSTILE.minus);
      }
    }
  }, 120_000);
});
