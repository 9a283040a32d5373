import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Issue 15: the facilitator archives a case on the start page, finds it under "Vis arkiverede", and restores it. */
let server: TestServer;
let browser: Browser;
let person: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  person = await openPerson(browser, { name: 'Carla Dahl', department: 'Fonden' });
});

afterEach(() => {
  expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the case lifecycle on the start page', () => {
  it('archive → hidden from the list → shown with "Vis arkiverede" → the room says it is archived → restore', async () => {
    const { page } = person;
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Åbn eksemplet' }).click();
    await page.waitForURL(/\/case\//);
    await page.locator('.connection[data-state="connected"]').waitFor();
    const caseUrl = page.url();
    await page.getByRole('link', { name: 'Til forsiden' }).click();

    const row = page.getByRole('row', { name: /Sygedagpenge/ });
    await row.getByRole('button', { name: 'Arkivér' }).click();
    await expect.poll(() => row.count()).toBe(0);

    await page.getByLabel('Vis arkiverede').check();
    await row.waitFor();
    expect(await row.locator('[data-archived-mark]').textContent()).toBe('Arkiveret');

    await page.goto(caseUrl);
    await page.getByRole('heading', { name: 'Sagen er arkiveret' }).waitFor();

    await page.goto(`${server.url}/`);
    await page.getByLabel('Vis arkiverede').check();
    await row.getByRole('button', { name: 'Gendan' }).click();
    await expect.poll(() => row.locator('[data-archived-mark]').count()).toBe(0);
    await page.getByLabel('Vis arkiverede').uncheck();
    await row.waitFor();

    await page.goto(caseUrl);
    await page.locator('.connection[data-state="connected"]').waitFor();
  });
});
