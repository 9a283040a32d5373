import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { linkUrl, openCase, openSection } from './room.ts';

/** The start page, the first visit, the language switch, and axe-core on every screen. */
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

const SECTION_TITLES = [
  'Fakta',
  'Problem',
  'Målgruppe',
  'Indsatser',
  'Resultatmål',
  'Betalingsmodel',
  'Evaluering og kontrakt',
];

describe('start page', () => {
  it('opens the example from the start page and lists it afterwards', async () => {
    const { page } = person;
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Åbn eksemplet' }).click();
    await page.waitForURL(/\/case\//);
    await page.locator('.connection[data-state="connected"]').waitFor();
    expect(await page.locator('.case-title').textContent()).toContain('Sygedagpenge');
    // The creator is the case's facilitator (A3).
    await page.locator('.room[data-role="facilitator"]').waitFor();

    await page.getByRole('link', { name: 'Til forsiden' }).click();
    const row = page.getByRole('row', { name: /Sygedagpenge/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Business case og betalingsmodel');
    expect(await row.textContent()).toContain('Facilitator');
  });

  it('creates a new, empty case', async () => {
    const { page } = person;
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Ny sag' }).click();
    await page.waitForURL(/\/case\//);
    await page.locator('.connection[data-state="connected"]').waitFor();
    expect(await page.locator('.case-title').textContent()).toBe('Sag uden titel');
  });

  it('asks a first-time visitor for their name before entering a case', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const created = await createCase(server.url);
    await page.goto(linkUrl(server.url, created));
    await page.getByRole('heading', { name: 'Hvem er du?' }).waitFor();
    // The link's token is kept on this device and taken out of the address bar (A12).
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe(`/case/${created.id}`);
    await page.getByRole('button', { name: 'Gå til sagen' }).click();
    expect(await page.getByText('Skriv dit navn').isVisible()).toBe(true);
    await page.getByLabel('Dit navn').fill('Dorte Eskildsen');
    await page.getByLabel('Din forvaltning eller organisation').fill('Sundhed');
    await page.getByRole('button', { name: 'Gå til sagen' }).click();
    await page.locator('.connection[data-state="connected"]').waitFor();
    expect(await page.locator('.presence-person').first().textContent()).toContain('Dorte Eskildsen');
    await context.close();
  });

  it('switches to English and remembers it', async () => {
    const { page } = person;
    const created = await createCase(server.url, { example: true });
    await openCase(page, server.url, created);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Facts', level: 2 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Facts', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { name: 'Fakta', level: 2 }).waitFor();
  });
});

describe('accessibility', () => {
  it('the start page has no serious or critical axe-core findings', async () => {
    const { page } = person;
    await page.goto(`${server.url}/`);
    await page.locator('.case-table').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('every section of the case room has no serious or critical axe-core findings', async () => {
    const { page } = person;
    const created = await createCase(server.url, { example: true });
    await openCase(page, server.url, created);
    for (const title of SECTION_TITLES) {
      await openSection(page, title);
      const violations = await seriousAxeViolations(page);
      expect({ section: title, violations }).toEqual({ section: title, violations: [] });
    }
  });

  it('is operable by keyboard: skip link, section navigation, focus on the opened section', async () => {
    const { page } = person;
    const created = await createCase(server.url, { example: true });
    await openCase(page, server.url, created);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Spring til indholdet');
    // Into the section list: Tab through the top bar, then choose "Resultatmål" with Enter.
    const outcomes = page.getByRole('navigation').getByRole('button', { name: /^Resultatmål/ });
    await outcomes.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('section-heading');
    expect(await page.locator('#section-heading').textContent()).toBe('Resultatmål');
  });

  it('looks right on a 1280×800 projector (screenshot for review)', async () => {
    const { page } = person;
    const created = await createCase(server.url, { example: true });
    await openCase(page, server.url, created);
    await openSection(page, 'Resultatmål');
    await page.screenshot({ path: '/tmp/caseroom.png' });
    await openSection(page, 'Fakta');
    await page.screenshot({ path: '/tmp/caseroom-facts.png' });
    // Base font size ≥ 18px for projector reading.
    expect(
      await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize)),
    ).toBeGreaterThanOrEqual(18);
  });
});
