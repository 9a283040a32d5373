import {
  type BusinessCase,
  businessCase,
  type CaseModelDraft,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  exampleCase,
  explainFigure,
  formatDanish,
  renderFinding,
  riskAnalysis,
  rulesInWords,
} from '@caseroom/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { enterNumber, field, itemById, openCase, openSection } from './room.ts';

/**
 * The live business case panel: two people in the example case, one edits, the other's panel
 * follows — figures, charts, findings that lead to their field, explanations, the risk analysis
 * from its worker, the candidate table, axe-core and screenshots for review. Expected figures
 * are computed here with the same shared engine, never hard-coded.
 */
let server: TestServer;
let browser: Browser;
let anne: Person;
let bo: Person;

const EMPLOYMENT = 'out-employment';
const EXPECTED_RATE_PATH = `outcomes/${EMPLOYMENT}/expectedRate`;

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

/** The business case of the example with a change applied, as the panel should compute it. */
function exampleWith(change: (model: CaseModelDraft) => void = () => {}): BusinessCase {
  const model = exampleCase();
  change(model);
  return businessCase(model);
}

function pricedOf(result: BusinessCase) {
  if (!result.priced.ok) throw new Error(`not priced: ${result.priced.reason}`);
  return result.priced;
}

const withExpectedRate = (rate: number) => (model: CaseModelDraft) => {
  // P19: the outcome's expected rate is the chosen candidate's.
  const chosen = model.interventions.candidates.find((c) => c.id === model.interventions.chosenId);
  if (!chosen || !model.outcomes.some((o) => o.id === EMPLOYMENT))
    throw new Error('example has no chosen candidate or employment outcome');
  chosen.expectedRates[EMPLOYMENT] = rate;
  const outcome = model.outcomes.find((o) => o.id === EMPLOYMENT)!;
  outcome.expectedRate = rate;
};

const npvText = (result: BusinessCase) => formatDanish(pricedOf(result).pricing.authorityNpv, 'money');

const figureValue = (page: Page, figure: string) =>
  page.locator(`.business-case [data-figure="${figure}"] .figure-value`).textContent();

const chartSummary = (page: Page, chart: string) =>
  page.locator(`.business-case [data-chart="${chart}"]`).getAttribute('data-summary');

async function openExample(): Promise<string> {
  const created = await createCase(server.url, { example: true });
  await Promise.all([openCase(anne.page, server.url, created), openCase(bo.page, server.url, created)]);
  return created.id;
}

/** The expected-rate input of the employment outcome, found by its label inside its item. */
const expectedRateInput = (page: Page) => field(itemById(page, `list-outcome-${EMPLOYMENT}-item`), 'Forventet niveau');

describe('the live business case panel', () => {
  it('follows another person’s edit: NPV, cash-flow chart and a new finding that leads to its field', async () => {
    await openExample();
    await openSection(anne.page, 'Resultatmål');
    await expect.poll(() => figureValue(bo.page, 'authorityNpv')).toBe(npvText(exampleWith()));
    const summaryBefore = await chartSummary(bo.page, 'cashFlow');
    expect(summaryBefore).toBeTruthy();
    expect(await bo.page.locator('.business-case .readiness').textContent()).toContain('Klar til at lukke fase 2');

    // Record what the status line says while the risk analysis is recomputed in the worker.
    await bo.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      const status = document.querySelector('.business-case .bc-status');
      if (!status) throw new Error('no status line');
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });

    // 15 % is below the 20 % baseline: the intervention creates no effect there (V3).
    await enterNumber(expectedRateInput(anne.page), '15');
    const changed = exampleWith(withExpectedRate(0.15));
    await expect.poll(() => figureValue(bo.page, 'authorityNpv')).toBe(npvText(changed));
    await expect.poll(() => chartSummary(bo.page, 'cashFlow')).not.toBe(summaryBefore);

    const v3 = changed.findings.find((f) => f.rule === 'V3');
    expect(v3).toBeDefined();
    const finding = bo.page.locator('.business-case button.finding[data-rule="V3"]');
    await expect.poll(() => finding.textContent()).toContain(renderFinding(v3!, 'da'));
    // The navigation counts it, in words too.
    const outcomesLink = bo.page.getByRole('navigation').getByRole('button', { name: /^Resultatmål/ });
    await expect.poll(() => outcomesLink.textContent()).toContain('1 fejl');
    expect(await bo.page.locator('.business-case .readiness').textContent()).toContain('1 fejl');
    await expect
      .poll(() => bo.page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen))
      .toContain('Regner risiko igen …');

    // Bo is in another section; the finding takes him to the field, focused and highlighted.
    await openSection(bo.page, 'Fakta');
    await finding.click();
    await expect
      .poll(() => bo.page.evaluate(() => document.activeElement?.getAttribute('data-path')))
      .toBe(EXPECTED_RATE_PATH);
    expect(await bo.page.locator('#section-heading').textContent()).toBe('Resultatmål');
    expect(await bo.page.locator(`[data-path="${EXPECTED_RATE_PATH}"]`).inputValue()).toBe('15');
    expect(await bo.page.locator('.finding-target').locator(`[data-path="${EXPECTED_RATE_PATH}"]`).count()).toBe(1);
    // Only the centre column scrolled: the top bar stays in view.
    expect(await bo.page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
    await bo.page.screenshot({ path: '/tmp/panel-finding.png' });
  });

  it('measures the time from an edit committing to the other person’s panel showing the new NPV', async () => {
    await openExample();
    await openSection(anne.page, 'Resultatmål');
    await expect.poll(() => figureValue(bo.page, 'authorityNpv')).toBe(npvText(exampleWith()));
    await anne.page.evaluate(() => {
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter') (window as unknown as { enterAt: number }).enterAt = Date.now();
        },
        { capture: true },
      );
    });

    // Bo's main-thread tasks over 50 ms (chart redraws), printed beside the latency.
    await bo.page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
      }).observe({ entryTypes: ['longtask'] });
    });
    const latencies: number[] = [];
    for (const percent of [41, 43, 45, 47, 49]) {
      const expected = npvText(exampleWith(withExpectedRate(percent / 100)));
      // Bo's page notes the moment its panel shows the new figure.
      const shown = bo.page.evaluate(
        (text) =>
          new Promise<number>((resolve) => {
            const check = () => {
              const value = document.querySelector('.business-case [data-figure="authorityNpv"] .figure-value');
              if (value?.textContent === text) {
                observer.disconnect();
                resolve(Date.now());
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            check();
          }),
        expected,
      );
      await enterNumber(expectedRateInput(anne.page), String(percent));
      const shownAt = await shown;
      const enterAt = await anne.page.evaluate(() => (window as unknown as { enterAt: number }).enterAt);
      latencies.push(shownAt - enterAt);
    }
    const longTasks = await bo.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `remote edit → panel NPV latency over ${sorted.length} edits: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms (all: ${latencies.join(', ')} ms); ` +
        `receiver's long tasks meanwhile: ${longTasks.length}, longest ${Math.max(0, ...longTasks)} ms`,
    );
    expect(latencies.every((ms) => ms >= 0)).toBe(true);
  });

  it('opens how a headline figure was built: formula, inputs and a per-year table', async () => {
    await openExample();
    const { page } = bo;
    const priced = pricedOf(exampleWith());
    const explanation = explainFigure('authorityNpv', priced.pricing, priced.input);

    const opener = page.locator('.business-case [data-figure="authorityNpv"] button');
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Kommunens nettonutidsværdi' });
    await dialog.waitFor();
    expect(await dialog.locator('[data-formula]').textContent()).toBe(explanation.formula.da);
    // Rule codes in words (issue 13): "P2 Diskontering, P10 Rækkefølge, …".
    expect(await dialog.textContent()).toContain(rulesInWords(explanation.rules, 'da'));
    expect(await dialog.locator('tbody tr').count()).toBe(priced.input.horizonYears);
    // The first row is the start year, the discounted net of year 0 as its last column.
    const firstRow = dialog.locator('tbody tr').first();
    expect(await firstRow.locator('th').textContent()).toBe('2027');
    const discounted = explanation.rows[0]!.values.at(-1)!;
    expect(await firstRow.locator('td').last().textContent()).toBe(
      formatDanish(discounted, 'money').replace(' kr.', ''),
    );

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/panel-explanation.png' });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-figure]')?.getAttribute('data-figure')),
    ).toBe('authorityNpv');
  });

  it('shows the Monte Carlo figures from the worker, with the seed they were drawn with', async () => {
    await openExample();
    const { page } = bo;
    const priced = pricedOf(exampleWith());
    const risk = riskAnalysis(priced.input, priced.ranges, { seed: DEFAULT_SEED, iterations: DEFAULT_ITERATIONS });

    await expect
      .poll(() => figureValue(page, 'probabilityInvestorLoses'), { timeout: 10_000 })
      .toBe(formatDanish(risk.monteCarlo.probabilityInvestorLoses, 'percent'));
    const card = page.locator('.business-case .figure-card[data-figure="probabilityInvestorLoses"]');
    expect(await card.textContent()).toContain(`seed ${DEFAULT_SEED}`);

    const monteCarlo = page.locator('.business-case .monte-carlo');
    await monteCarlo.waitFor();
    expect(await monteCarlo.getAttribute('data-seed')).toBe(String(DEFAULT_SEED));
    const summary = await chartSummary(page, 'monteCarlo');
    expect(summary).toContain(formatDanish(risk.monteCarlo.authorityNpv.p50, 'money'));
    expect(summary).toContain(formatDanish(risk.monteCarlo.probabilityAuthorityNpvNegative, 'percent'));
    // The scenario table and the tornado come from the same run.
    const expectedRow = page.locator('.business-case tr[data-scenario="expected"]');
    expect(await expectedRow.textContent()).toContain(formatDanish(risk.scenarios[1]!.authorityNpv, 'money'));
    expect(await page.locator('.business-case [data-chart="tornado"] tbody tr').count()).toBe(risk.sensitivity.length);
  });

  it('compares the three example candidates side by side in the interventions section', async () => {
    await openExample();
    const { page } = bo;
    await openSection(page, 'Indsatser');
    const model = exampleCase();
    const result = businessCase(model);
    const rows = page.locator('.candidate-table tbody tr');
    expect(await rows.count()).toBe(model.interventions.candidates.length);
    expect(model.interventions.candidates).toHaveLength(3);
    for (const candidate of result.candidates) {
      const row = page.locator(`.candidate-table tr[data-candidate="${candidate.interventionId}"]`);
      const name = model.interventions.candidates.find((c) => c.id === candidate.interventionId)!.name!;
      expect(await row.locator('th').textContent()).toContain(name);
      expect(await row.textContent()).toContain(formatDanish(candidate.authorityNpv, 'money'));
      expect(await row.textContent()).toContain(formatDanish(candidate.interventionCost, 'money'));
    }
  });

  it('has no serious or critical axe-core findings with the panel open, and reads well (screenshots)', async () => {
    await openExample();
    const { page } = bo;
    await page.locator('.business-case .monte-carlo').waitFor({ timeout: 10_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await openSection(page, 'Resultatmål');
    await page.screenshot({ path: '/tmp/panel-1280.png' });
    await page.locator('.business-case [data-chart="cashFlow"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/panel-1280-charts.png' });
    await page.locator('.business-case [data-chart="monteCarlo"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/panel-1280-risk.png' });

    // The tables behind the charts are part of the page too.
    for (const summary of await page.locator('.business-case details.chart-table > summary').all()) {
      await summary.click();
    }
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: '/tmp/panel-1920.png' });
    await page.locator('.business-case [data-chart="cashFlow"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/panel-1920-charts.png' });
    await page.getByRole('button', { name: 'Fuld bredde' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/panel-1920-wide.png' });
    await page.locator('.business-case [data-chart="departments"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/panel-1920-wide-charts.png' });
    await page.getByRole('button', { name: 'Fuld bredde' }).click();
    await page.getByRole('button', { name: 'Skjul business case' }).click();
    await page.getByRole('button', { name: 'Vis business case' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/panel-1920-collapsed.png' });
    await page.getByRole('button', { name: 'Vis business case' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
