import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { field, itemById, openCase, openSection } from './room.ts';

/**
 * Issue 11, "every text merges": two people type in one short text — an outcome's
 * definition — one of them offline; once the connection is back both edits are there, in
 * both browsers (the field is a Y.Text bound character by character, not a string that the
 * last writer replaces). Run `pnpm build` first.
 */
let server: TestServer;
let browser: Browser;
let anne: Person;
let bo: Person;

const EMPLOYMENT = 'out-employment';
const definition = (person: Person) => field(itemById(person.page, `list-outcome-${EMPLOYMENT}-item`), 'Definition');

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

describe('a short text two people edit, one of them offline', () => {
  it('keeps both edits after the offline one reconnects', async () => {
    const created = await createCase(server.url, { example: true });
    await Promise.all([openCase(anne.page, server.url, created), openCase(bo.page, server.url, created)]);
    await Promise.all([openSection(anne.page, 'Resultatmål'), openSection(bo.page, 'Resultatmål')]);
    const original = await definition(anne).inputValue();
    expect(original.length).toBeGreaterThan(0);

    await bo.context.setOffline(true);
    try {
      await bo.page.locator('.connection[data-state="offline"]').waitFor();
      await definition(bo).click();
      await bo.page.keyboard.press('Control+End');
      await bo.page.keyboard.type(' (skrevet offline)');
      await definition(anne).click();
      await anne.page.keyboard.press('Control+Home');
      await anne.page.keyboard.type('Online: ');
      await anne.page.waitForTimeout(300);
      expect(await definition(anne).inputValue()).not.toContain('offline');
    } finally {
      await bo.context.setOffline(false);
    }

    await bo.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    const merged = `Online: ${original} (skrevet offline)`;
    for (const person of [anne, bo]) {
      await expect.poll(() => definition(person).inputValue(), { timeout: 10_000 }).toBe(merged);
    }
  });
});
