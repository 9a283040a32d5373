import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyFactors,
  type BuiltCaseExport,
  buildCaseExport,
  type CaseModelDraft,
  compareCandidates,
  DEFAULT_SEED,
  departmentValueSourceKey,
  EXPORT_ITERATIONS,
  exampleCase,
  fieldTexts,
  figureFormat,
  headlineFigureTexts,
  monteCarlo,
  outcomePayments,
  price,
  pricingInputFromModel,
  richTextFromParagraphs,
  scenarioFactors,
  scenarioRangesFromModel,
  type WorkshopRecord,
} from '@caseroom/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { fieldRowLabel } from '../../server/src/exchange/fieldRows.ts';
import { caseWorkbook } from '../../server/src/exchange/xlsx/caseWorkbook.ts';
import { HEADLINE_KEYS, headlineLabel } from '../../server/src/exchange/xlsx/headlineFigures.ts';
import { pointLabel } from '../../server/src/exchange/xlsx/inputsSheet.ts';
import { type WorkbookText, workbookText } from '../../server/src/exchange/xlsx/workbookText.ts';
import { makeWorkshopRecord } from '../../shared/src/testing/workshopRecord.ts';
import {
  allFormulas,
  allTexts,
  decodeXml,
  type Edit,
  expectBusinessCase,
  expectIrr,
  expectKroner,
  expectNoCachedFormulaResults,
  expectRate,
  expectRiskValues,
  expectSeries,
  type Grid,
  KRONE,
  num,
  readXlsx,
  recompute,
  rowOf,
  type Value,
  valueIn,
  yearly,
} from '../support/xlsxWorkbook.ts';

/**
 * docs/export-xlsx.md: the XLSX export's formulas give `price`'s figures. HyperFormula recomputes
 * every workbook (no cached values exist), LibreOffice recalculates two of them and converts them
 * to CSV, and both are compared with `price` to the krone.
 */

const NOW = new Date('2026-11-28T03:00:00.000Z');
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

const workshop = (overrides: Partial<WorkshopRecord> = {}): WorkshopRecord =>
  makeWorkshopRecord({ phase: 2, ...overrides });

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

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const outcome = (model: CaseModelDraft, id: string) => model.outcomes.find((o) => o.id === id)!;

type Point = { months: number; price: number; basis: 'additional' | 'all' };

/** P7: gives an outcome this rate card (ids point-1, point-2, … in the order given). */
function setPoints(model: CaseModelDraft, id: string, points: Point[]): void {
  outcome(model, id).points = points.map((point, i) => ({ id: `point-${i + 1}`, ...point }));
}

/** The price at every measurement point of an outcome changed by `change`. */
function scalePrices(model: CaseModelDraft, id: string, change: (price: number) => number): void {
  for (const point of outcome(model, id).points) point.price = change(point.price ?? 0);
}

/**
 * P7, P8: a rate card of several points per outcome on the example (three cohorts, H = 10, no
 * contract terms, so s = 9): employment (lag 1, duration 4, p = 85 %) measured at 0 months on
 * "all achieved" (j = −1: the baseline is paid, in the intake year), 6 months "additional" (j = −1:
 * nothing), 12, 24 and 36 months with different prices and bases (j = 0, 1, 2), 60 months "all"
 * (j = 4 = duration: the baseline), 120 months (y = c + 10 ≥ H for every cohort) and 599 months
 * (past H): not paid. Admissions (lag 1, duration 2, p = 70 %, a = 80 %) at 12, 30 and 48 months.
 * A nominal cap that binds in a year with several outcomes and points due.
 */
function ratesCardCase(options: { cap: number }): CaseModelDraft {
  return variant((m) => {
    m.evaluation.contractYears = undefined;
    m.paymentModel.returnCap = undefined;
    m.paymentModel.guaranteeAmount = undefined;
    m.paymentModel.paymentCap = options.cap;
    setPoints(m, 'out-employment', [
      { months: 0, price: 30_000, basis: 'all' },
      { months: 6, price: 50_000, basis: 'additional' },
      { months: 12, price: 100_000, basis: 'additional' },
      { months: 24, price: 150_000, basis: 'additional' },
      { months: 36, price: 20_000, basis: 'all' },
      { months: 60, price: 10_000, basis: 'all' },
      { months: 120, price: 500_000, basis: 'all' },
      { months: 599, price: 1_000_000, basis: 'additional' },
    ]);
    setPoints(m, 'out-admissions', [
      { months: 12, price: 40_000, basis: 'additional' },
      { months: 30, price: 5_000, basis: 'all' },
      { months: 48, price: 8_000, basis: 'all' },
    ]);
  });
}

/**
 * P13: the example with the investor funding half the cost. In the low scenario the payments and
 * the guarantee give the investor back exactly its capital (5.875.000 kr.): a tie, which is not a
 * loss, though the yearly flows' sum in a spreadsheet lands a few 10⁻¹⁰ kr. below zero.
 */
function capitalBackCase(): CaseModelDraft {
  return variant((m) => {
    m.paymentModel.investorFundedShare = 0.5;
  });
}

const PRICED_CASES: { name: string; lang: 'da' | 'en'; model: CaseModelDraft }[] = [
  { name: 'the example case (return cap binds)', lang: 'da', model: exampleCase() },
  {
    name: 'a nominal cap that binds, cut pro rata across two paid outcomes',
    lang: 'en',
    model: variant((m) => {
      m.paymentModel.paymentCap = 4_000_000;
      m.paymentModel.returnCap = undefined;
      m.paymentModel.guaranteeAmount = undefined;
      setPoints(m, 'out-admissions', [{ months: 12, price: 100_000, basis: 'all' }]);
    }),
  },
  {
    name: 'a return cap that binds well below the payments',
    lang: 'da',
    model: variant((m) => {
      m.paymentModel.paymentCap = undefined;
      m.paymentModel.returnCap = 0.03;
      scalePrices(m, 'out-employment', () => 400_000);
    }),
  },
  {
    name: 'a guarantee that pays in year H−1',
    lang: 'da',
    model: variant((m) => {
      m.paymentModel.paymentCap = undefined;
      m.paymentModel.returnCap = undefined;
      m.paymentModel.guaranteeAmount = 6_000_000;
      scalePrices(m, 'out-employment', () => 50_000);
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
      outcome(m, 'out-employment').points[0]!.basis = 'all';
      outcome(m, 'out-employment').attribution = 0.9;
      scalePrices(m, 'out-admissions', () => 30_000);
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
    name: 'payer shares summing to 120 %, priced pro rata to 100 % (P10)',
    lang: 'da',
    model: variant((m) => {
      m.paymentModel.payerShares = { 'dep-jobcenter': 0.6, 'dep-social': 0.3, 'dep-region': 0.3 };
    }),
  },
  {
    name: 'a contract shorter than H: the guarantee settles at its end, later payments unpaid, a municipal guarantor (P11, P12)',
    lang: 'en',
    model: variant((m) => {
      m.evaluation.contractYears = 3;
      m.paymentModel.paymentCap = undefined;
      m.paymentModel.returnCap = undefined;
      m.paymentModel.guaranteeAmount = 30_000_000;
      m.facts.partners.guarantorLevel = 'municipal';
    }),
  },
  {
    name: 'a state guarantor counts in the public-sector total only; no contract terms (P12)',
    lang: 'da',
    model: variant((m) => {
      m.evaluation.contractYears = undefined;
      m.paymentModel.returnCap = undefined;
      m.paymentModel.guaranteeAmount = 30_000_000;
      m.facts.partners.guarantorLevel = 'state';
      for (const o of m.outcomes) scalePrices(m, o.id, (price) => price / 4);
    }),
  },
  {
    name: 'a 50-year horizon on the Danish schedule, across the step after year 35, with a late cohort (P2)',
    lang: 'en',
    model: variant((m) => {
      m.facts.horizonYears = 50;
      m.evaluation.contractYears = undefined;
      m.targetGroup.intake.push({ year: 38, participants: 50 });
      for (const o of m.outcomes) o.durationYears = 8;
    }),
  },
  {
    name: 'a case stored before the schedule: no method, its rate as a flat rate of 4 % over 40 years (P2)',
    lang: 'da',
    model: variant((m) => {
      m.facts.discountMethod = undefined;
      m.facts.discountRate = 0.04;
      m.facts.horizonYears = 40;
      m.targetGroup.intake.push({ year: 37, participants: 30 });
    }),
  },
  {
    name: 'nothing is paid: no IRR, the investor loses, a short horizon',
    lang: 'da',
    model: variant((m) => {
      m.facts.horizonYears = 3;
      for (const o of m.outcomes) scalePrices(m, o.id, () => 0);
      m.paymentModel.guaranteeAmount = undefined;
    }),
  },
  {
    name: 'a rate card of several points per outcome (j < 0, j ≥ duration, past H, basis "all", persistence < 1) and a cap that binds across outcomes and points (P7, P8)',
    lang: 'da',
    model: ratesCardCase({ cap: 12_000_000 }),
  },
  {
    name: 'the rate card under a contract of 5 years and a return cap: points due after s are not paid (P7, P9, P11)',
    lang: 'en',
    model: (() => {
      const m = ratesCardCase({ cap: 14_000_000 });
      m.evaluation.contractYears = 5;
      m.paymentModel.returnCap = 0.08;
      return m;
    })(),
  },
  {
    name: 'the investor gets exactly its capital back in the low scenario: it does not lose money (P13)',
    lang: 'da',
    model: capitalBackCase(),
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

/**
 * P7: the rate card on the inputs sheet holds every point of every priced outcome as typed; each
 * outcome's payments due and paid per year on the business-case sheet are the engine's
 * (`outcomePayments`, to the krone), and the low and high sheets pay the points with the
 * scenario's e' and p' as `price` does for those factors (P18a).
 */
function expectPointPayments(book: Map<string, Grid>, exported: BuiltCaseExport, text: WorkbookText): void {
  if (!exported.pricing.ok) throw new Error('expected a priced case');
  const priced = pricingInputFromModel(exported.model);
  if (!priced.ok) throw new Error('expected a priced case');
  const { input } = priced;
  const H = input.horizonYears;
  const inputs = book.get(text.sheets.inputs)!;
  for (const o of input.outcomes) {
    o.points.forEach((point, i) => {
      const row = rowOf(inputs, pointLabel(o.name, i, text));
      const what = `${o.id} point ${i + 1}`;
      expect(inputs.at(row, 2), `${what} months`).toBe(point.months);
      expect(inputs.at(row, 3), `${what} price`).toBe(point.price);
      expect(inputs.at(row, 4), `${what} basis`).toBe(point.basis === 'all' ? 1 : 0);
    });
  }
  const t = text.businessCase;
  const payments = outcomePayments(input, exported.pricing.pricing.yearly.capital);
  const bc = book.get(text.sheets.expected)!;
  for (const o of input.outcomes) {
    expectSeries(bc, `${t.due} ${o.name}`, payments.dueByOutcome[o.id]!);
    expectSeries(bc, `${t.paidFor} ${o.name}`, payments.paidByOutcome[o.id]!);
  }
  for (const scenario of ['low', 'high'] as const) {
    const scaled = price(applyFactors(input, scenarioFactors(exported.pricing.risk.ranges, scenario)), { irr: false });
    const sheet = book.get(scenario === 'low' ? text.sheets.low : text.sheets.high)!;
    expectSeries(sheet, t.dueTotal, scaled.yearly.paymentsDue);
    expectSeries(sheet, t.paid, scaled.yearly.paid);
    expect(yearly(sheet, t.dueTotal, H).length).toBe(H);
  }
}

/**
 * P19: the candidates sheet carries each candidate's figures as compareCandidates gives them (to
 * the krone), P(authority NPV < 0) exactly as monteCarlo gives it for the seed and iterations, the
 * chosen one marked, the outcomes a candidate has no rate for, and the candidate × outcome rates.
 */
function expectCandidatesSheet(
  sheet: Grid,
  model: CaseModelDraft,
  text: ReturnType<typeof workbookText>,
  seed: number,
  iterations: number,
): number[] {
  const t = text.candidates;
  expect(valueIn(sheet, t.seed)).toBe(seed);
  expect(valueIn(sheet, t.iterations)).toBe(iterations);
  const ranges = scenarioRangesFromModel(model.paymentModel.scenarios);
  const outcomeName = (id: string) => model.outcomes.find((o) => o.id === id)?.name ?? id;
  const probabilities: number[] = [];
  for (const c of compareCandidates(model)) {
    const candidate = model.interventions.candidates.find((x) => x.id === c.interventionId)!;
    const row = rowOf(sheet, candidate.name!);
    const what = `${candidate.id}`;
    if (!c.priced || !c.input) throw new Error(`${what} is priced`);
    expect(sheet.at(row, 2), `${what} chosen`).toBe(candidate.id === model.interventions.chosenId ? text.yes : null);
    expectKroner(sheet.at(row, 3), c.interventionCost!, `${what} PV cost`);
    expectKroner(sheet.at(row, 4), c.publicValue!, `${what} PV value`);
    expectKroner(sheet.at(row, 5), c.authorityNpv!, `${what} authority NPV`);
    expectKroner(sheet.at(row, 6), c.publicSectorNpv!, `${what} public-sector NPV`);
    expectRate(sheet.at(row, 7), c.benefitCostRatio!, `${what} BCR`);
    const irr = c.investorIrr!;
    if (irr.ok) expectRate(sheet.at(row, 8), irr.rate, `${what} IRR`);
    else expect(sheet.at(row, 8), `${what} IRR`).toBe(text.risk.noIrr[irr.reason]);
    const probability = monteCarlo(c.input, ranges, { seed, iterations }).probabilityAuthorityNpvNegative;
    expectRate(sheet.at(row, 9), probability, `${what} P(authority NPV < 0)`);
    probabilities.push(probability);
    const missing = c.effectNotEntered.map(outcomeName).join('; ');
    expect(sheet.at(row, 10), `${what} effect not entered`).toBe(missing === '' ? null : missing);
  }
  // The rate table: one row per outcome, one column per candidate in the case's order.
  const header = rowOf(sheet, t.outcome);
  expect(sheet.at(header - 1, 1)).toBe(fieldRowLabel('intervention.expectedRates', text.lang));
  model.interventions.candidates.forEach((candidate, i) => {
    expect(String(sheet.at(header, 2 + i))).toContain(candidate.name!);
    for (const outcome of model.outcomes) {
      const rate = candidate.expectedRates[outcome.id];
      const cell = sheet.at(rowOf(sheet, outcome.name!), 2 + i);
      if (rate === undefined) expect(cell, `${candidate.id} × ${outcome.id}`).toBe(t.notEntered);
      else expectRate(cell, rate, `${candidate.id} × ${outcome.id}`);
    }
  });
  return probabilities;
}

/** The example with the authority funding half the cost (the candidates' P(NPV < 0) differ) and the mentor programme without a rate for fewer admissions. */
function comparisonCase(): CaseModelDraft {
  return variant((m) => {
    m.paymentModel.investorFundedShare = 0.5;
    delete m.interventions.candidates.find((c) => c.id === 'int-mentor')!.expectedRates['out-admissions'];
  });
}

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
      expectPointPayments(book, exported, text);
      expectRiskValues(book, exported, text);
      // HyperFormula 3.5 has IRR too: the workbook's own IRR cell agrees with P15 where price has one.
      if (exported.pricing.ok) {
        const bc = book.get(text.sheets.expected)!;
        expectIrr(
          valueIn(bc, headlineLabel('investorIrr', lang)),
          exported.pricing.pricing.investor.irr,
          text,
          'IRR cell',
        );
      }
    });
  }

  it('a finance officer changes inputs and every formula follows: the figures of price for the changed case', async () => {
    const text = workbookText('da');
    const t = text.inputs;
    const raw = readXlsx(await caseWorkbook(exportOf(exampleCase()), 'da'));
    const edits: Edit[] = [
      { sheet: text.sheets.inputs, label: fieldRowLabel('facts.discountRate', 'da'), column: 2, value: 0.04 },
      { sheet: text.sheets.inputs, label: fieldRowLabel('paymentModel.returnCap', 'da'), column: 2, value: null },
      { sheet: text.sheets.inputs, label: fieldRowLabel('paymentModel.paymentCap', 'da'), column: 2, value: 9_000_000 },
      {
        sheet: text.sheets.inputs,
        label: fieldRowLabel('intervention.costPerParticipant', 'da'),
        column: 2,
        value: 45_000,
      },
      { sheet: text.sheets.inputs, label: `${t.cohort} 2`, column: 3, value: 100 },
      { sheet: text.sheets.inputs, label: pointLabel('Ordinær beskæftigelse', 0, text), column: 3, value: 300_000 },
      { sheet: text.sheets.inputs, label: 'Ordinær beskæftigelse', column: 7, value: 0 },
      { sheet: text.sheets.inputs, label: text.inputs.effect, column: 2, value: 0.4 },
    ];
    const changed = variant((m) => {
      m.facts.discountRate = 0.04;
      m.paymentModel.returnCap = undefined;
      m.paymentModel.paymentCap = 9_000_000;
      m.interventions.candidates.find((c) => c.id === m.interventions.chosenId)!.costPerParticipant = 45_000;
      m.targetGroup.intake[1]!.participants = 100;
      scalePrices(m, 'out-employment', () => 300_000);
      outcome(m, 'out-employment').persistence = 0;
      m.paymentModel.scenarios.effect.low = 0.4;
    });
    expectBusinessCase(recompute(raw, edits), exportOf(changed), text);
  });

  it('[P13] the investor getting exactly its capital back is no loss on the low sheet and in the scenarios, as in price', async () => {
    const exported = exportOf(capitalBackCase());
    if (!exported.pricing.ok) throw new Error('priced');
    // The case is a tie: in the low scenario the guarantee tops the payments up to the capital.
    const priced = pricingInputFromModel(exported.model);
    if (!priced.ok) throw new Error('priced');
    const low = price(applyFactors(priced.input, scenarioFactors(exported.pricing.risk.ranges, 'low')), { irr: false });
    expect(low.totals.capital).toBeCloseTo(5_875_000, 6);
    expect(low.totals.guarantee).toBeGreaterThan(0);
    expect(Math.abs(low.totals.paid + low.totals.guarantee - low.totals.capital)).toBeLessThan(
      1e-9 * low.totals.capital,
    );
    expect(low.investor.losesMoney).toBe(false);
    const text = workbookText('da');
    const book = recompute(readXlsx(await caseWorkbook(exported, 'da')));
    const lowSheet = book.get(text.sheets.low)!;
    const net = num(valueIn(lowSheet, headlineLabel('investorNet', 'da')), 'low net');
    expect(Math.abs(net)).toBeLessThan(1e-9 * low.totals.capital);
    expect(valueIn(lowSheet, headlineLabel('investorLosesMoney', 'da'))).toBe(text.no);
    const scenarios = book.get(text.sheets.scenarios)!;
    expect(valueIn(scenarios, headlineLabel('investorLosesMoney', 'da'), 2)).toBe(text.no);
    // A real loss, however small beside the capital, is still a loss: 1 kr. less paid is "yes".
    const short = recompute(readXlsx(await caseWorkbook(exported, 'da')), [
      {
        sheet: text.sheets.inputs,
        label: fieldRowLabel('paymentModel.guaranteeAmount', 'da'),
        column: 2,
        value: low.totals.guarantee - 1,
      },
    ]);
    expect(valueIn(short.get(text.sheets.low)!, headlineLabel('investorLosesMoney', 'da'))).toBe(text.yes);
  });

  it('[P7][P8] the rate card case exercises its points and its cap; a reader changes a point’s months, price and basis and the sheets pay by P7', async () => {
    const model = ratesCardCase({ cap: 12_000_000 });
    const exported = exportOf(model);
    if (!exported.pricing.ok) throw new Error('priced');
    const y = exported.pricing.pricing.yearly;
    // j < 0 on "all achieved": the baseline of the first cohort (60 × 20 % × 30.000 kr.) is due in its intake year.
    expect(y.paymentsDue[0]).toBeCloseTo(360_000, 6);
    // The cap binds in one year, partly: something is paid there, less than is due.
    const binding = y.paymentsDue.findIndex((due, t) => y.paymentsAfterCap[t]! < due - KRONE);
    expect(binding).toBe(4);
    expect(y.paymentsAfterCap[4]).toBeGreaterThan(0);
    // The points at 120 and 599 months fall at or past H: they are on the rate card, not paid.
    const text = workbookText('da');
    const raw = readXlsx(await caseWorkbook(exported, 'da'));
    const employment = 'Ordinær beskæftigelse';
    const inputs = recompute(raw).get(text.sheets.inputs)!;
    expect(valueIn(inputs, pointLabel(employment, 6, text))).toBe(120);
    expect(valueIn(inputs, pointLabel(employment, 7, text))).toBe(599);
    // The contract variant has points due after its settlement year (P11), and the return cap binds (P9).
    const contract = PRICED_CASES.find((c) => c.name.startsWith('the rate card under a contract'))!;
    const contractPricing = exportOf(contract.model).pricing;
    if (!contractPricing.ok) throw new Error('priced');
    expect(contractPricing.pricing.dueAfterSettlement).toBeGreaterThan(0);
    expect(contractPricing.pricing.totals.paid).toBeLessThan(
      sum(contractPricing.pricing.yearly.paymentsAfterCap) - KRONE,
    );

    // A reader moves the 24-month point to 48 months, pays the 12-month point on "all achieved"
    // and halves the admissions' 30-month price.
    const admissions = 'Færre psykiatriske indlæggelser';
    const edits: Edit[] = [
      { sheet: text.sheets.inputs, label: pointLabel(employment, 3, text), column: 2, value: 48 },
      { sheet: text.sheets.inputs, label: pointLabel(employment, 2, text), column: 4, value: 1 },
      { sheet: text.sheets.inputs, label: pointLabel(admissions, 1, text), column: 3, value: 2_500 },
    ];
    const changed = ratesCardCase({ cap: 12_000_000 });
    const points = outcome(changed, 'out-employment').points;
    points[3]!.months = 48;
    points[2]!.basis = 'all';
    outcome(changed, 'out-admissions').points[1]!.price = 2_500;
    const changedExport = exportOf(changed);
    const book = recompute(raw, edits);
    expectBusinessCase(book, changedExport, text);
    expectPointPayments(book, changedExport, text);
    // The edits change the figures (the comparison above is not with the unchanged case).
    if (!changedExport.pricing.ok) throw new Error('priced');
    expect(changedExport.pricing.pricing.yearly.paymentsDue[2]).not.toBeCloseTo(y.paymentsDue[2]!, 0);
  });

  it('names and explains the headline figures as the panel and the report do (the shared registry); break-even is a calendar year', async () => {
    for (const lang of ['da', 'en'] as const) {
      const exported = exportOf(exampleCase());
      if (!exported.pricing.ok) throw new Error('priced');
      const text = workbookText(lang);
      const bc = recompute(readXlsx(await caseWorkbook(exported, lang))).get(text.sheets.expected)!;
      for (const key of HEADLINE_KEYS) {
        const { name, explanation } = headlineFigureTexts(key, lang);
        expect(String(bc.at(rowOf(bc, name), 3)), key).toContain(explanation);
      }
      expect(rowOf(bc, lang === 'da' ? 'Kommunens nettonutidsværdi' : 'Authority NPV')).toBeGreaterThan(0);
      const { breakEvenYear } = exported.pricing.pricing;
      expect(breakEvenYear).toBeDefined();
      expect(valueIn(bc, headlineLabel('breakEvenYear', lang))).toBe(exampleCase().facts.startYear! + breakEvenYear!);
    }
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

  it('writes numbers in Danish formats: amounts in kr., rates in %, marked as Danish ([$-406])', async () => {
    const raw = readXlsx(await caseWorkbook(exportOf(exampleCase()), 'da'));
    const styles = decodeXml(raw.parts['xl/styles.xml']!);
    expect(styles).toContain('[$-406]#,##0 "kr.";[$-406]-#,##0 "kr."');
    expect(styles).toContain('formatCode="[$-406]0.0 %"');
  });

  it('is a function of the export only: the same bytes every time, dated the export time', async () => {
    const exported = exportOf(exampleCase());
    const bytes = await caseWorkbook(exported, 'da');
    const first = readXlsx(bytes);
    // Zip entries carry times to 2 s: wait past that, so a clock stamp would show.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const again = await caseWorkbook(exported, 'da');
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(readXlsx(again).parts).toEqual(first.parts);
    expect(first.parts['docProps/core.xml']).toContain('2026-11-28T03:00:00Z');
  });

  it('beside each department’s value on the inputs sheet, its own source note (a library value’s), named as keyedSourceLabel names it', async () => {
    const model = exampleCase();
    const employment = model.outcomes.find((o) => o.id === 'out-employment')!;
    const note = 'Biblioteksnote: nb-beskaeftigelse.dk, prisniveau 2020';
    employment.sources[departmentValueSourceKey('dep-jobcenter')] = note;
    for (const lang of ['da', 'en'] as const) {
      const text = workbookText(lang);
      const inputs = recompute(readXlsx(await caseWorkbook(exportOf(model), lang))).get(text.sheets.inputs)!;
      const row = rowOf(inputs, employment.name!);
      const header = row - 1; // the employment outcome is the first row under the outcomes' headers
      const columnOf = (title: string) => {
        const found = Array.from({ length: inputs.columns }, (_, i) => i + 1).filter(
          (c) => inputs.at(header, c) === title,
        );
        expect(found, title).toHaveLength(1);
        return found[0]!;
      };
      const valueName = fieldTexts('outcome.valuePerDepartment', lang).name;
      const jobcenter = columnOf(`${fieldRowLabel('outcome.valuePerDepartment', lang)}: Jobcenter`);
      expect(inputs.at(row, jobcenter)).toBe(130_000);
      expect(inputs.at(row, columnOf(text.inputs.sourceNote(`${valueName} – Jobcenter`)))).toBe(note);
      // The field's own note stays beside them; a department no outcome has a note for gets no column.
      expect(inputs.at(row, columnOf(text.inputs.sourceNote(fieldRowLabel('outcome.valuePerDepartment', lang))))).toBe(
        employment.sources.valuePerDepartment,
      );
      expect(allTexts(readXlsx(await caseWorkbook(exportOf(model), lang)))).not.toContain(
        text.inputs.sourceNote(`${valueName} – Staten`),
      );
    }
  });

  it('lists outcomes left out of the figures on the case sheet', async () => {
    const exported = exportOf(PRICED_CASES.at(-1)!.model);
    const text = workbookText('en');
    const texts = allTexts(readXlsx(await caseWorkbook(exported, 'en')));
    expect(texts).toContain(text.case.excludedOutcomes);
    expect(texts).toContain('Færre psykiatriske indlæggelser');
  });
});

describe('[P19] XLSX export: the intervention candidates compared', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`a sheet with every candidate's figures (compareCandidates, monteCarlo) and their rates per outcome (${lang})`, async () => {
      const model = comparisonCase();
      const exported = exportOf(model);
      expect(exported.pricing.ok).toBe(true);
      const text = workbookText(lang);
      const raw = readXlsx(await caseWorkbook(exported, lang));
      expect(raw.sheetNames).toContain(text.sheets.candidates);
      const book = recompute(raw);
      const probabilities = expectCandidatesSheet(book.get(text.sheets.candidates)!, model, text, 42, 2000);
      // The probabilities differ (≈ 2 %, 55 %, 100 %): a wrong seed, range or input would show.
      expect(new Set(probabilities).size).toBe(3);
      // The case's own figures stay formulas; the candidates sheet holds values only.
      expect(allFormulas(raw).length).toBeGreaterThan(100);
      expect([...raw.sheets.get(text.sheets.candidates)!.values()].some((c) => c.formula !== undefined)).toBe(false);
      // The inputs sheet points to where the rates are instead of a second copy the formulas would not read.
      const inputs = book.get(text.sheets.inputs)!;
      expect(valueIn(inputs, fieldRowLabel('intervention.expectedRates', lang))).toBe(
        text.inputs.expectedRatesWhere(fieldRowLabel('outcome.expectedRate', lang), text.sheets.candidates),
      );
    });
  }

  it('with no intervention chosen the candidates are still compared, with the export defaults for the simulation', async () => {
    const model = variant((m) => {
      m.interventions.chosenId = undefined;
    });
    const exported = exportOf(model);
    expect(exported.pricing.ok).toBe(false);
    const text = workbookText('da');
    const book = recompute(readXlsx(await caseWorkbook(exported, 'da')));
    expectCandidatesSheet(book.get(text.sheets.candidates)!, model, text, DEFAULT_SEED, EXPORT_ITERATIONS);
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
      text.sheets.candidates,
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
    expect(valueIn(inputs, fieldRowLabel('facts.horizonYears', 'da'))).toBeNull();
    expect(valueIn(inputs, fieldRowLabel('facts.discountRate', 'da'))).toBe(0.035);
    expect(valueIn(inputs, fieldRowLabel('intervention.costPerParticipant', 'da'))).toBe(40_000);
    const findings = book.get(text.sheets.findings)!;
    const firstMessage = findings.at(4, 4);
    expect(typeof firstMessage === 'string' && firstMessage.length > 0).toBe(true);
  });
});

describe('XLSX export: imported history', () => {
  it('marks decisions and sign-offs an import brought along as history; they never sign the exported version', async () => {
    const model = exampleCase();
    const hash = exportOf(model).version.contentHash;
    const exported = buildCaseExport({
      caseId: 'case-xlsx',
      model,
      workshop: workshop({ signoffs: { own: { hash, partyName: 'Egen Part', at: '2026-11-27T09:00:00.000Z' } } }),
      importedHistory: {
        decisions: [
          {
            id: 'x1',
            text: 'Gammel beslutning',
            partyId: 'old',
            partyName: 'Gammel Part',
            at: '2025-01-01T00:00:00.000Z',
            order: 1,
          },
        ],
        signoffs: [{ partyId: 'old', partyName: 'Gammel Part', hash, at: '2025-01-02T00:00:00.000Z' }],
      },
      source: 'current',
      now: NOW,
      iterations: 500,
    });
    const text = workbookText('da');
    const book = recompute(readXlsx(await caseWorkbook(exported, 'da')));
    const signoffs = book.get(text.sheets.signoffs)!;
    const old = rowOf(signoffs, 'Gammel Part');
    const own = rowOf(signoffs, 'Egen Part');
    expect(signoffs.at(3, 6)).toBe(text.importedHistory);
    // Same hash, but history: it does not sign the exported version; the case's own does.
    expect([signoffs.at(old, 4), signoffs.at(old, 5), signoffs.at(old, 6)]).toEqual([hash, text.no, text.yes]);
    expect([signoffs.at(own, 4), signoffs.at(own, 5), signoffs.at(own, 6)]).toEqual([hash, text.yes, null]);
    const decisions = book.get(text.sheets.decisions)!;
    expect(decisions.at(rowOf(decisions, '1'), 6)).toBe(text.yes);
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

/** A CSV sheet as a grid: numbers ("0,5", "12.5%", "3,5 %") as numbers, empty as null, the rest as text. */
function csvGrid(rows: string[][]): Grid {
  const parse = (s: string): Value => {
    if (s === '') return null;
    // Raw values use the format's locale for the decimal mark: Danish formats give "0,9661…".
    const percent = /^(-?\d+(?:[.,]\d+)?(?:E[-+]?\d+)?) ?%$/i.exec(s);
    if (percent) return Number(percent[1]!.replace(',', '.')) / 100;
    if (/^-?\d+(?:[.,]\d+)?(?:E[-+]?\d+)?$/i.test(s)) return Number(s.replace(',', '.'));
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

  it('[P1–P17] converts the example, the hostile case, one with the revised rules and a rate card to CSV with price’s figures', async () => {
    expect(
      existsSync(SOFFICE),
      `LibreOffice is needed for this test: ${SOFFICE} is missing (Debian: apt-get install libreoffice-calc-nogui)`,
    ).toBe(true);
    // P2, P10, P11, P12: 50 years on the schedule across its step, 20 % not allocated, a contract
    // of 32 years with payments due after it, and a municipal guarantor.
    const rules = variant((m) => {
      m.facts.horizonYears = 50;
      m.evaluation.contractYears = 32;
      // The employment effect starts 30 years after intake and lasts 10: value across year 35.
      outcome(m, 'out-employment').lagYears = 30;
      outcome(m, 'out-employment').durationYears = 10;
      // P7: measured where the effect starts (30 years after intake), so payments fall due after s.
      setPoints(m, 'out-employment', [{ months: 360, price: 250_000, basis: 'additional' }]);
      m.paymentModel.payerShares = { 'dep-jobcenter': 0.5, 'dep-region': 0.3 };
      m.paymentModel.returnCap = undefined;
      m.paymentModel.paymentCap = undefined;
      m.paymentModel.guaranteeAmount = 3_000_000;
      m.facts.partners.guarantorLevel = 'municipal';
    });
    const rulesPricing = exportOf(rules).pricing;
    // The case must exercise what it is for: payments due after s, a guarantee, a remainder.
    if (!rulesPricing.ok) throw new Error('priced');
    expect(rulesPricing.pricing.dueAfterSettlement).toBeGreaterThan(0);
    expect(rulesPricing.pricing.totals.guarantee).toBeGreaterThan(0);
    expect(rulesPricing.pricing.authorityRows.unallocated).toBeGreaterThan(0);
    const cases = {
      example: exportOf(exampleCase()),
      hostile: hostileExport(),
      rules: exportOf(rules),
      rateCard: exportOf(ratesCardCase({ cap: 12_000_000 })),
    };
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
        join(work, 'rules.xlsx'),
        join(work, 'rateCard.xlsx'),
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
      expect([...book.keys()].length, `${name}: CSV files in ${readdirSync(out).join(', ')}`).toBe(12);
      const flows = expectBusinessCase(book, exported, text);
      expectPointPayments(book, exported, text);
      expectRiskValues(book, exported, text);
      expect(flows.length).toBe(exported.model.facts.horizonYears);
      if (!exported.pricing.ok) throw new Error('priced');
      // LibreOffice has IRR: the workbook's IRR cell agrees with P15.
      const bc = book.get(text.sheets.expected)!;
      expectIrr(
        valueIn(bc, headlineLabel('investorIrr', 'da')),
        exported.pricing.pricing.investor.irr,
        text,
        `${name} IRR`,
      );
      // P19: LibreOffice reads the candidates sheet's values as written.
      expectCandidatesSheet(book.get(text.sheets.candidates)!, exported.model, text, 42, 2000);
      if (name === 'hostile') {
        const caseSheet = book.get(text.sheets.case)!;
        expect(valueIn(caseSheet, fieldRowLabel('facts.title', 'da'))).toBe(HOSTILE.hyperlink);
        expect(valueIn(caseSheet, fieldRowLabel('facts.municipality', 'da'))).toBe(HOSTILE.at);
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

  it('shows the figures in Danish notation, as the panel writes them, on a reader whose locale is English', async () => {
    const exported = exportOf(exampleCase());
    if (!exported.pricing.ok) throw new Error('priced');
    const dir = mkdtempSync(join(work, 'shown-'));
    writeFileSync(join(dir, 'example.xlsx'), await caseWorkbook(exported, 'da'));
    // Cell contents as shown (token 9 true), the import/export locale en-US (1033).
    const filter = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,true,false,false,-1';
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        dir,
        join(dir, 'example.xlsx'),
      ],
      { stdio: 'pipe', timeout: 110_000 },
    );
    const text = workbookText('da');
    const shown = readFileSync(join(dir, `example-${text.sheets.expected}.csv`), 'utf8');
    const { pricing } = exported.pricing;
    expect(shown).toContain(figureFormat.money(pricing.authorityNpv));
    expect(shown).toContain(figureFormat.money(pricing.publicSectorNpv));
    expect(shown).toContain(`${figureFormat.decimal(pricing.benefitCostRatio!)}`);
    expect(shown).not.toMatch(/\d,\d{3},\d{3} kr\./);
  }, 120_000);
});
