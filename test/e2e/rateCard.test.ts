import { businessCase, type CaseModelDraft, exampleCase, formatDanish } from '@caseroom/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { enterNumber, field, items, openCase, openSection } from './room.ts';

/**
 * P7 in the browser: Anne adds a measurement point to an outcome's rate card; Bo sees the case's
 * figures follow, as the shared engine prices the rate card — and the point's row reads the year
 * it falls in. Expected figures come from the engine, never hard-coded.
 */
let server: TestServer;
let browser: Browser;
let anne: Person;
let bo: Person;

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

const headline = (page: Page) => page.locator('.business-case [data-figure="authorityNpv"] .figure-value');

function npvOf(model: CaseModelDraft): string {
  const priced = businessCase(model).priced;
  if (!priced.ok) throw new Error(`not priced: ${priced.reason}`);
  return formatDanish(priced.pricing.authorityNpv, 'money');
}

describe('[P7] the rate card in the outcome form', () => {
  it('a measurement point added by one person changes everyone’s figures as the engine prices it', async () => {
    const created = await createCase(server.url, { example: true });
    await Promise.all([openCase(anne.page, server.url, created), openCase(bo.page, server.url, created)]);
    await Promise.all([openSection(anne.page, 'Resultatmål'), openSection(bo.page, 'Resultatmål')]);
    await expect.poll(() => headline(bo.page).textContent()).toBe(npvOf(exampleCase()));

    const employment = items(anne.page).first();
    const card = employment.locator('.measurement-points');
    expect(await card.locator('tbody tr').count()).toBe(1);
    await employment.getByRole('button', { name: 'Tilføj målepunkt' }).click();
    await expect.poll(() => card.locator('tbody tr').count()).toBe(2);
    await enterNumber(field(employment, 'Måneder efter start, målepunkt 2'), '24');
    await enterNumber(field(employment, 'Pris pr. resultat, målepunkt 24 måneder'), '100.000');

    // The engine's figures for the example with that point (its basis empty: "additional", P0).
    const model = exampleCase();
    model.outcomes[0]!.points.push({ id: 'any', months: 24, price: 100_000 });
    expect(npvOf(model)).not.toBe(npvOf(exampleCase()));
    await expect.poll(() => headline(bo.page).textContent()).toBe(npvOf(model));
    await expect.poll(() => headline(anne.page).textContent()).toBe(npvOf(model));

    // Bo's form shows the new row in months order, with the year it falls in.
    const boCard = items(bo.page).first().locator('.measurement-points');
    await expect.poll(() => boCard.locator('tbody tr').count()).toBe(2);
    expect(await boCard.locator('tbody tr').nth(1).textContent()).toContain('= år 3');
    // Issue 13: at 1280×800 with the panel open the rate card fits the editor column — no sideways scroll.
    expect(bo.page.viewportSize()).toEqual({ width: 1280, height: 800 });
    const scroller = boCard.locator('.table-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    // The panel's tables dim while the risk analysis recomputes after the edit; checked once it has.
    await expect.poll(() => seriousAxeViolations(bo.page), { timeout: 15_000 }).toEqual([]);
    await boCard.scrollIntoViewIfNeeded();
    await bo.page.screenshot({ path: '/tmp/rate-card.png' });
  });
});
