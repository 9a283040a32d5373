import {
  businessCase,
  type CandidateComparison,
  type CaseModelDraft,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  exampleCase,
  formatDanish,
  monteCarlo,
  noIrrText,
  scenarioRangesFromModel,
} from '@caseroom/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { enterNumber, field, openCase, openSection } from './room.ts';

/**
 * P19 in the browser: the example's three intervention candidates side by side — every column in
 * Danish number format, each candidate's P(authority NPV < 0) from its own 10.000 draws in a
 * worker ("beregner …" first), live when another person edits the payment model, and the same
 * table in the vote dialog. Expected figures come from the shared engine, never hard-coded.
 */
let server: TestServer;
let browser: Browser;
let anne: Person;
let bo: Person;

const COLUMNS = [
  'interventionCost',
  'publicValue',
  'authorityNpv',
  'publicSectorNpv',
  'benefitCostRatio',
  'investorIrr',
  'probabilityAuthorityNpvNegative',
] as const;
/** The panel's, the PDF's and the workbook's names of these figures (issue 13: one name per figure). */
const HEADERS = [
  'Nutidsværdi af indsatsens omkostninger',
  'Nutidsværdi af offentlig værdi',
  'Kommunens nettonutidsværdi',
  'Hele den offentlige sektor (NNV)',
  'Gevinst / omkostning (BCR)',
  'Investors afkast (IRR)',
  'Sandsynlighed for negativ NNV for kommunen',
];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  anne = await openPerson(browser, { name: 'Anne Holm', department: 'Jobcenter' });
  bo = await openPerson(browser, { name: 'Bo Berg', department: 'Økonomi' });
});

afterEach(() => {
  expect(pageErrors(anne.page)).toEqual([]);
  expect(pageErrors(bo.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What each cell of a candidate's row should read, as the engine computes it. */
function expectedRow(candidate: CandidateComparison, model: CaseModelDraft): string[] {
  const irr = candidate.investorIrr;
  if (!candidate.input || !irr) throw new Error(`${candidate.interventionId} is not priced`);
  const ranges = scenarioRangesFromModel(model.paymentModel.scenarios);
  const risk = monteCarlo(candidate.input, ranges, { seed: DEFAULT_SEED, iterations: DEFAULT_ITERATIONS });
  return [
    formatDanish(candidate.interventionCost, 'money'),
    formatDanish(candidate.publicValue, 'money'),
    formatDanish(candidate.authorityNpv, 'money'),
    formatDanish(candidate.publicSectorNpv, 'money'),
    formatDanish(Math.round((candidate.benefitCostRatio ?? Number.NaN) * 100) / 100, 'decimal'),
    irr.ok ? formatDanish(irr.rate, 'percent') : noIrrText(irr.reason, 'da'),
    formatDanish(risk.probabilityAuthorityNpvNegative, 'percent'),
  ];
}

const rowCells = (table: Locator, id: string) =>
  table.locator(`tr[data-candidate="${id}"] td`).evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));

/** Checks every candidate's row of a comparison against the engine's figures for the model. */
async function expectComparison(table: Locator, model: CaseModelDraft): Promise<void> {
  const result = businessCase(model);
  expect(result.candidates).toHaveLength(3);
  expect(await table.locator('thead th').allTextContents()).toEqual(['Indsats', ...HEADERS]);
  expect(
    await table.locator('thead th[data-column]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column'))),
  ).toEqual([...COLUMNS]);
  expect(await table.locator('tbody tr').count()).toBe(3);
  for (const candidate of result.candidates) {
    await expect.poll(() => rowCells(table, candidate.interventionId)).toEqual(expectedRow(candidate, model));
    const name = model.interventions.candidates.find((c) => c.id === candidate.interventionId)?.name;
    expect(await table.locator(`tr[data-candidate="${candidate.interventionId}"] th`).textContent()).toContain(name);
  }
  const chosen = table.locator('tr[data-chosen="true"]');
  expect(await chosen.count()).toBe(1);
  expect(await chosen.getAttribute('data-candidate')).toBe(model.interventions.chosenId);
  expect(await chosen.locator('th').textContent()).toContain('(valgt)');
}

/** Records what every P(authority NPV < 0) cell of the page says, each time it changes. */
async function recordRiskCells(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { riskSeen: typeof seen }).riskSeen = seen;
    const record = () => {
      for (const cell of document.querySelectorAll('td[data-column="probabilityAuthorityNpvNegative"]')) {
        const id = cell.closest('tr')?.getAttribute('data-candidate') ?? '';
        const list = seen[id] ?? [];
        seen[id] = list;
        const text = cell.textContent ?? '';
        if (list.at(-1) !== text) list.push(text);
      }
    };
    new MutationObserver(record).observe(document.body, { childList: true, characterData: true, subtree: true });
    record();
  });
}

const riskSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { riskSeen: Record<string, string[]> }).riskSeen);

async function openExample(): Promise<void> {
  const created = await createCase(server.url, { example: true });
  await Promise.all([openCase(anne.page, server.url, created), openCase(bo.page, server.url, created)]);
}

describe('[P19] the candidate comparison in the browser', () => {
  it('shows every column for the three example candidates in Danish numbers, the risk after “beregner …”, and follows an edit', async () => {
    await openExample();
    const { page } = bo;
    await recordRiskCells(page);
    await openSection(page, 'Indsatser');
    const table = page.locator('main .candidate-table');
    await expectComparison(table, exampleCase());
    const model = exampleCase();
    for (const candidate of businessCase(model).candidates) {
      const seen = (await riskSeen(page))[candidate.interventionId];
      expect(seen?.[0]).toBe('beregner …');
      expect(seen?.at(-1)).toBe(expectedRow(candidate, model)[6]);
    }
    expect(await page.locator('main .candidate-comparison').textContent()).toContain(
      `${formatDanish(DEFAULT_ITERATIONS, 'count')} simulerede forløb (seed ${DEFAULT_SEED})`,
    );
    await page.locator('main .candidate-comparison').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/candidate-comparison.png' });

    // Anne makes the authority fund half of the cost itself: Bo's table recomputes, risk included.
    await openSection(anne.page, 'Betalingsmodel');
    await enterNumber(field(anne.page, 'Investors andel af udgiften'), '50');
    const changed = exampleCase();
    changed.paymentModel.investorFundedShare = 0.5;
    await expectComparison(table, changed);
    const after = await riskSeen(page);
    for (const candidate of businessCase(changed).candidates) {
      const seen = after[candidate.interventionId] ?? [];
      expect(seen.slice(-2)).toEqual(['beregner …', expectedRow(candidate, changed)[6]]);
    }
    // Not every candidate is 0 % any more: the figure is each candidate's own.
    expect(
      new Set(businessCase(changed).candidates.map((candidate) => expectedRow(candidate, changed)[6])).size,
    ).toBeGreaterThan(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('[P19] A changes candidate 2’s effect on one outcome: B sees that candidate’s NPV change while the case’s figures (candidate 1 chosen) stay', async () => {
    await openExample();
    const model = exampleCase();
    const mentor = model.interventions.candidates[1];
    const employment = model.outcomes[0];
    if (!mentor?.name || !employment?.name || model.interventions.chosenId !== model.interventions.candidates[0]?.id) {
      throw new Error('example changed');
    }
    await Promise.all([openSection(anne.page, 'Indsatser'), openSection(bo.page, 'Indsatser')]);
    const table = bo.page.locator('main .candidate-table');
    await expectComparison(table, model);
    const npvCell = table.locator(`tr[data-candidate="${mentor.id}"] td[data-column="authorityNpv"]`);
    const before = await npvCell.textContent();
    const priced = businessCase(model).priced;
    if (!priced.ok) throw new Error('the example is priced');
    const caseNpv = formatDanish(priced.pricing.authorityNpv, 'money');
    const headline = bo.page.locator('.business-case [data-figure="authorityNpv"] .figure-value');
    await expect.poll(() => headline.textContent()).toBe(caseNpv);

    // Anne raises the mentor programme's expected employment rate in the candidate × outcome table.
    await enterNumber(field(anne.page, `${mentor.name}: forventet niveau for ${employment.name}`), '45');
    mentor.expectedRates[employment.id] = 0.45;
    await expectComparison(table, model);
    const after = await npvCell.textContent();
    expect(after).not.toBe(before);
    expect(after).toBe(expectedRow(businessCase(model).candidates[1]!, model)[2]);
    // The case prices the chosen candidate (IPS): its headline figure and the outcome's rate stay.
    expect(await headline.textContent()).toBe(caseNpv);
    await openSection(bo.page, 'Resultatmål');
    expect(await field(bo.page, 'Forventet niveau').first().inputValue()).toBe('40');
  });

  it('marks a candidate whose effect on an outcome is not entered, naming the outcome, and prices it without it', async () => {
    await openExample();
    const model = exampleCase();
    const coordination = model.interventions.candidates.find((c) => c.id === 'int-coordination');
    const admissions = model.outcomes.find((o) => o.id === 'out-admissions');
    if (!coordination?.name || !admissions?.name || !coordination.expectedRates) throw new Error('example changed');
    await Promise.all([openSection(anne.page, 'Indsatser'), openSection(bo.page, 'Indsatser')]);
    // Anne empties the coordinator's expected rate on admissions in the rates table.
    await enterNumber(field(anne.page, `${coordination.name}: forventet niveau for ${admissions.name}`), '');
    delete coordination.expectedRates['out-admissions'];
    const row = bo.page.locator('main .candidate-table tr[data-candidate="int-coordination"]');
    const mark = row.locator('.effect-not-entered');
    await expect.poll(() => mark.textContent()).toBe(`⚠ effekt ikke indtastet: ${admissions.name}`);
    expect(await bo.page.locator('main .candidate-table .effect-not-entered').count()).toBe(1);
    // Its figures are those of the candidate priced without that outcome.
    await expectComparison(bo.page.locator('main .candidate-table'), model);
    await mark.scrollIntoViewIfNeeded();
    await bo.page.screenshot({ path: '/tmp/candidate-comparison-effect-missing.png' });
  });

  it('shows the same comparison in the vote dialog, before and during a vote on the intervention', async () => {
    await openExample();
    const { page } = anne;
    await page
      .getByRole('region', { name: 'Workshop' })
      .getByRole('button', { name: /^Afstemning/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Afstemning med point' });
    await dialog.waitFor();
    // Before the vote: the facilitator choosing what to vote on sees the candidates side by side.
    expect(await dialog.getByLabel('Hvad stemmer I om?').inputValue()).toBe('interventions');
    await expectComparison(dialog.locator('.candidate-table'), exampleCase());
    await dialog.getByLabel('Hvad stemmer I om?').selectOption('outcomes');
    expect(await dialog.locator('.candidate-table').count()).toBe(0);
    await dialog.getByLabel('Hvad stemmer I om?').selectOption('interventions');
    await dialog.getByRole('button', { name: 'Start afstemning' }).click();
    await dialog.getByText('Afstemningen er åben').waitFor();

    // During the vote, for everyone: Bo opens the dialog and sees the table above his dots.
    await bo.page
      .getByRole('region', { name: 'Workshop' })
      .getByRole('button', { name: /^Afstemning/ })
      .click();
    const boDialog = bo.page.getByRole('dialog', { name: /^Afstemning med point/ });
    await boDialog.waitFor();
    await expectComparison(boDialog.locator('.candidate-table'), exampleCase());
    const model = exampleCase();
    await boDialog
      .getByRole('button', { name: `Giv et point til ${model.interventions.candidates[0]?.name}` })
      .waitFor();
    expect(await seriousAxeViolations(bo.page)).toEqual([]);
    await bo.page.screenshot({ path: '/tmp/candidate-comparison-vote.png' });
  });
});
