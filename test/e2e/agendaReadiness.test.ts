import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { openCase, openSection } from './room.ts';

/**
 * The agenda's readiness checklist (docs/workshop.md W3) on a new, empty case: phase 1 is
 * blocked, and a blocking finding leads to its field — opened and focused.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  fie = await openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' });
  await openCase(fie.page, server.url, await createCase(server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the agenda on a new case', () => {
  it('[W3] a blocking finding in the agenda leads to its field, focused', async () => {
    const { page } = fie;
    // Start elsewhere, so the finding has to open its section.
    await openSection(page, 'Problem');
    await page.getByRole('button', { name: /Dagsorden og tjekliste/ }).click();
    const agenda = page.getByRole('dialog', { name: /^Dagsorden/ });
    await agenda.waitFor();
    const phase1 = agenda.locator('li.agenda-phase').first();
    const blocking = phase1.locator('button.finding-error');
    await blocking.first().waitFor();
    expect(await blocking.count()).toBeGreaterThan(0);
    const title = phase1.locator('button.finding-error', { hasText: 'Titel mangler' });
    await title.click();
    await agenda.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('facts/title');
    expect(await page.locator('#section-heading').textContent()).toBe('Fakta');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    expect(pageErrors(page)).toEqual([]);
  });
});
