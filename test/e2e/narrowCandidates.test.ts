import {
  businessCase,
  type CandidateComparison,
  type CaseModelDraft,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  exampleCase,
  formatDanish,
  formatForInput,
  monteCarlo,
  noIrrText,
  scenarioRangesFromModel,
} from '@caseroom/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { enterNumber, field, openCase, openSection } from './room.ts';

/**
 * Issue 13, the room on a projector: the candidate comparison (P19) and the candidate × outcome
 * table of expected rates fit the editor column — 540 px at 1280×800 beside the business case,
 * and in "Fuld bredde" — with no sideways scroll, every candidate's figures and rates in view and
 * named on screen (a card per candidate, a block per outcome, where the table does not fit), the
 * tables still tables for a screen reader, the rates still editable (and read-only for an
 * observer). Expected figures come from the shared engine, never hard-coded. The tests run in order.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let olga: Person;

const SCREENS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const COLUMNS = [
  // The headline-figure registry's names: the panel's, the PDF's and the workbook's (issue 13).
  ['interventionCost', 'Nutidsværdi af indsatsens omkostninger'],
  ['publicValue', 'Nutidsværdi af offentlig værdi'],
  ['authorityNpv', 'Kommunens nettonutidsværdi'],
  ['publicSectorNpv', 'Hele den offentlige sektor (NNV)'],
  ['benefitCostRatio', 'Gevinst / omkostning (BCR)'],
  ['investorIrr', 'Investors afkast (IRR)'],
  ['probabilityAuthorityNpvNegative', 'Sandsynlighed for negativ NNV for kommunen'],
] as const;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const created = await createCase(server.url, { example: true });
  const audit = await inviteParty(server.url, created.id, created.token, {
    name: 'Revisionen',
    kind: 'observer',
    role: 'observer',
  });
  [fie, olga] = await Promise.all([
    openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' }),
    openPerson(browser, { name: 'Olga Olsen', department: 'Revision' }),
  ]);
  await Promise.all([
    openCase(fie.page, server.url, created),
    openCase(olga.page, server.url, { id: created.id, token: audit.token }),
  ]);
});

afterEach(() => {
  expect(pageErrors(fie.page)).toEqual([]);
  expect(pageErrors(olga.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What each figure of a candidate should read, column by column, as the engine computes it. */
function expectedFigures(candidate: CandidateComparison, model: CaseModelDraft): string[] {
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

/** Whether the element scrolls sideways: its content wider than its box. */
const scrollsSideways = (locator: Locator) =>
  locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);

/**
 * How a sighted person learns what a cell holds: the text of the column header above it when
 * the table is drawn as a table, else the label drawn in the cell itself (its `::before`). Also
 * whether the cell lies wholly, horizontally, inside the scroll box (so nothing is cut or hidden
 * to the right) and has a box at all.
 */
async function cellOnScreen(
  cell: Locator,
  scroller: Locator,
): Promise<{ shown: boolean; inside: boolean; label: string; layout: 'table' | 'cards' }> {
  const box = await scroller.elementHandle();
  return cell.evaluate((element, box) => {
    const rect = element.getBoundingClientRect();
    const edges = (box as HTMLElement).getBoundingClientRect();
    const inside = rect.left >= edges.left - 0.5 && rect.right <= edges.right + 0.5;
    const table = element.closest('table');
    const cellIndex = (element as HTMLTableCellElement).cellIndex;
    const header = table?.tHead?.rows[0]?.cells[cellIndex];
    const headerRect = header?.getBoundingClientRect();
    // A visually hidden head is clipped to 1×1 px (its cells keep their boxes, unseen).
    const head = table?.tHead?.getBoundingClientRect();
    const headerShown = !!head && head.width > 1 && head.height > 1 && !!headerRect && headerRect.width > 1;
    if (headerShown && headerRect) {
      const above = headerRect.left < rect.right && headerRect.right > rect.left;
      return { shown: rect.width > 1, inside, label: above ? (header?.textContent ?? '') : '', layout: 'table' };
    }
    const drawn = getComputedStyle(element, '::before').content;
    // `"Kommunens NNV" / ""` (alt text for generated content) or `"Kommunens NNV"`.
    const label = drawn.match(/^"((?:[^"\\]|\\.)*)"/)?.[1] ?? '';
    return { shown: rect.width > 1, inside, label, layout: 'cards' };
  }, box);
}

/** The roles Chromium's own accessibility tree gives below an element (not Playwright's guess from the DOM). */
async function axRoles(page: Page, selector: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const counts: Record<string, number> = {};
    for (const role of ['table', 'row', 'columnheader', 'rowheader', 'cell']) {
      const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId, role });
      counts[role] = nodes.filter((node) => !node.ignored).length;
    }
    return counts;
  } finally {
    await cdp.detach();
  }
}

/** Checks the comparison: no sideways scroll, and every candidate's seven figures shown, named and right. */
async function expectComparisonFits(page: Page, model: CaseModelDraft, what: string): Promise<'table' | 'cards'> {
  const scroller = page.locator('main .candidate-comparison .table-scroll');
  await scroller.scrollIntoViewIfNeeded();
  expect(await scrollsSideways(scroller), `comparison scrolls sideways ${what}`).toBe(false);
  const layouts = new Set<string>();
  for (const candidate of businessCase(model).candidates) {
    const expected = expectedFigures(candidate, model);
    const row = page.locator(`main .candidate-table tr[data-candidate="${candidate.interventionId}"]`);
    const name = model.interventions.candidates.find((c) => c.id === candidate.interventionId)?.name ?? '';
    expect(await row.locator('th').isVisible()).toBe(true);
    expect(await row.locator('th').textContent()).toContain(name);
    for (const [index, [column, header]] of COLUMNS.entries()) {
      const cell = row.locator(`td[data-column="${column}"]`);
      await expect.poll(() => cell.textContent(), { timeout: 20_000 }).toBe(expected[index]);
      const onScreen = await cellOnScreen(cell, scroller);
      expect(onScreen, `${name} · ${header} ${what}`).toEqual({
        shown: true,
        inside: true,
        label: header,
        layout: onScreen.layout,
      });
      layouts.add(onScreen.layout);
    }
  }
  expect(layouts.size, `one layout ${what}`).toBe(1);
  const [layout] = layouts;
  // Whether drawn as a table or as cards, Chromium still exposes a table with its headers.
  expect(await axRoles(page, 'main .candidate-table')).toEqual({
    table: 1,
    row: 4,
    columnheader: 8,
    rowheader: 3,
    cell: 21,
  });
  return layout as 'table' | 'cards';
}

/** Checks the rates: no sideways scroll, every candidate's rate on every outcome shown, named and right. */
async function expectRatesFit(page: Page, model: CaseModelDraft, what: string): Promise<'table' | 'cards'> {
  const scroller = page.locator('main .candidate-rates .table-scroll');
  await scroller.scrollIntoViewIfNeeded();
  expect(await scrollsSideways(scroller), `rates scroll sideways ${what}`).toBe(false);
  const layouts = new Set<string>();
  for (const candidate of model.interventions.candidates) {
    for (const outcome of model.outcomes) {
      const cell = page.locator(`main td[data-candidate="${candidate.id}"][data-outcome="${outcome.id}"]`);
      const input = field(page, `${candidate.name}: forventet niveau for ${outcome.name}`);
      expect(await input.isVisible()).toBe(true);
      expect(await input.inputValue()).toBe(formatForInput(candidate.expectedRates?.[outcome.id], 'percent'));
      const onScreen = await cellOnScreen(cell, scroller);
      expect(onScreen, `${candidate.name} · ${outcome.name} ${what}`).toEqual({
        shown: true,
        inside: true,
        label: candidate.name,
        layout: onScreen.layout,
      });
      // The input itself is not cut by the column's edge either.
      expect((await cellOnScreen(input, scroller)).inside, `${candidate.name} · ${outcome.name} input ${what}`).toBe(
        true,
      );
      layouts.add(onScreen.layout);
    }
  }
  expect(layouts.size, `one layout ${what}`).toBe(1);
  const [layout] = layouts;
  const cells = model.interventions.candidates.length * model.outcomes.length;
  expect(await axRoles(page, 'main .candidate-rates-table')).toEqual({
    table: 1,
    row: model.outcomes.length + 1,
    columnheader: model.interventions.candidates.length + 1,
    rowheader: model.outcomes.length,
    cell: cells,
  });
  return layout as 'table' | 'cards';
}

const screenshot = (page: Page, name: string) => page.screenshot({ path: `/tmp/${name}.png` });

describe('[issue 13] the candidates in a narrow editor column', () => {
  it('fit the 540 px column at 1280×800 as cards and blocks, and a wider column at 1920×1080, with every figure and rate shown', async () => {
    const { page } = fie;
    const model = exampleCase();
    expect(model.interventions.candidates).toHaveLength(3);
    await openSection(page, 'Indsatser');
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      const what = `at ${screen.width}×${screen.height}`;
      const comparison = await expectComparisonFits(page, model, what);
      const rates = await expectRatesFit(page, model, what);
      if (screen.width === 1280) {
        // The case the issue is about: the editor column is about 540 px, too narrow for either table.
        const column = await page.locator('main').boundingBox();
        expect(column?.width ?? 0).toBeLessThan(640);
        expect([comparison, rates]).toEqual(['cards', 'cards']);
      }
      await page.locator('main .candidate-rates').scrollIntoViewIfNeeded();
      await screenshot(page, `narrow-candidates-rates-${screen.width}`);
      await page.locator('main .candidate-comparison').scrollIntoViewIfNeeded();
      await screenshot(page, `narrow-candidates-comparison-${screen.width}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('fit in “Fuld bredde” too, at 1280×800 and 1920×1080', async () => {
    const { page } = fie;
    const model = exampleCase();
    const widen = page.locator('.business-case').getByRole('button', { name: 'Fuld bredde' });
    await widen.click();
    await page.locator('.room[data-panel="wide"]').waitFor();
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      const what = `in full width at ${screen.width}×${screen.height}`;
      expect(await expectComparisonFits(page, model, what)).toBe('cards');
      expect(await expectRatesFit(page, model, what)).toBe('cards');
      await screenshot(page, `narrow-candidates-wide-panel-${screen.width}`);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await widen.click();
    await page.locator('.room[data-panel="open"]').waitFor();
  });

  it('keeps the rates editable in the narrow layout — the comparison follows — and read-only for an observer', async () => {
    const { page } = fie;
    const model = exampleCase();
    const mentor = model.interventions.candidates[1];
    const employment = model.outcomes[0];
    if (!mentor?.name || !employment?.name || !mentor.expectedRates) throw new Error('example changed');
    await openSection(page, 'Indsatser');
    await enterNumber(field(page, `${mentor.name}: forventet niveau for ${employment.name}`), '45');
    mentor.expectedRates[employment.id] = 0.45;
    expect(await expectComparisonFits(page, model, 'after the edit')).toBe('cards');
    expect(await expectRatesFit(page, model, 'after the edit')).toBe('cards');

    await openSection(olga.page, 'Indsatser');
    expect(await expectRatesFit(olga.page, model, 'for the observer')).toBe('cards');
    const inputs = olga.page.locator('main .candidate-rates-table input');
    expect(await inputs.count()).toBe(model.interventions.candidates.length * model.outcomes.length);
    expect(await inputs.evaluateAll((all) => all.every((input) => (input as HTMLInputElement).readOnly))).toBe(true);
    expect(await seriousAxeViolations(olga.page)).toEqual([]);
  });

  it('fits the vote dialog at 1280×800 too, without sideways scroll, every figure named', async () => {
    const { page } = fie;
    await page
      .getByRole('region', { name: 'Workshop' })
      .getByRole('button', { name: /^Afstemning/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Afstemning med point/ });
    await dialog.waitFor();
    const table = dialog.locator('.candidate-table');
    await table.waitFor();
    const scroller = dialog.locator('.candidate-comparison .table-scroll');
    expect(await scrollsSideways(scroller)).toBe(false);
    // The figures' full names (one name per figure) do not fit a 46rem dialog as seven columns: cards.
    for (const [column, label] of COLUMNS) {
      const cell = table.locator(`tr[data-candidate="int-ips"] td[data-column="${column}"]`);
      expect(await cellOnScreen(cell, scroller)).toEqual({ shown: true, inside: true, label, layout: 'cards' });
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'narrow-candidates-vote-1280');
    await page.keyboard.press('Escape');
  });
});
