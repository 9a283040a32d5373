import { ensureFirstOrganisation, type FirstOrganisation, openSqliteStores } from '@caseroom/server';
import { type CaseModelDraft, departmentValueSourceKey, type LibraryEntry } from '@caseroom/shared';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { api, createCase, makeTempDataDir, startTestServer, type TestServer } from '../support/server.ts';
import { items, openCase, openSection } from './room.ts';

/**
 * Issue 15, the unit-value library in the room (docs/library.md): a party takes a library value
 * into an outcome — the price-year warning names both years, the index factor and its source
 * are the person's — sees the value and its source in the form; after a member changes the
 * entry, the room says the library's value has changed since (old → new, the difference) and
 * updates it in one click.
 */
let server: TestServer;
let browser: Browser;
let anne: Person;
let member = '';

beforeAll(async () => {
  const dataDir = makeTempDataDir();
  const stores = await openSqliteStores(dataDir);
  const first = (await ensureFirstOrganisation(stores.organisations, dataDir)) as FirstOrganisation & { key: string };
  [server, browser] = await Promise.all([startTestServer({ dataDir, stores }), launchBrowser()]);
  const added = await api(server.url, first.key, 'POST', '/api/organisation/members', { name: 'Fondskonsulent' });
  member = (added.body as { token: string }).token;
  anne = await openPerson(browser, { name: 'Anne Holm', department: 'Jobcenter' });
});

afterEach(() => {
  expect(pageErrors(anne.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const DEPARTMENT = 'dep-jobcenter';

async function employment(caseId: string, token: string) {
  const model = (await api<CaseModelDraft>(server.url, token, 'GET', `/api/cases/${caseId}/model`)).body;
  return model.outcomes.find((outcome) => outcome.id === 'out-employment');
}

describe('the unit-value library in the room', () => {
  it('a party takes a library value into an outcome, sees it with its source, and updates it when the library changes', async () => {
    const created = await createCase(server.url, { example: true });
    const { page } = anne;
    await openCase(page, server.url, created);
    await openSection(page, 'Resultatmål');
    const outcome = items(page).first();

    await outcome.locator('summary', { hasText: 'Værdi fra biblioteket' }).click();
    await outcome.getByLabel('Forvaltning', { exact: true }).selectOption(DEPARTMENT);
    const entrySelect = outcome.getByLabel('Enhedsværdi', { exact: true });
    const sickness = await entrySelect.locator('option', { hasText: 'sygedagpenge' }).getAttribute('value');
    await entrySelect.selectOption(sickness ?? '');
    // The example case is in 2026 prices, the seeded figure in 2020's: a warning naming both.
    await expect
      .poll(() => outcome.getByRole('note').textContent())
      .toContain('Værdien er i 2020-priser, sagen i 2026-priser.');
    await outcome.getByLabel('Indeksfaktor (valgfri)').fill('1,1');
    await outcome.getByLabel('Kilde til indeksfaktoren').fill('Danmarks Statistik, PRIS112 (e2e)');
    await outcome.getByRole('button', { name: 'Indsæt værdien' }).click();
    await expect.poll(() => outcome.getByRole('status').first().textContent()).toContain('143.000 kr.');

    // In the form: the value, and under it the source as the department's note.
    const valueInput = outcome.locator(`input[data-path$="/valuePerDepartment/${DEPARTMENT}"]`);
    await expect.poll(() => valueInput.inputValue()).toBe('143.000');
    const note = outcome.getByLabel('Kilde: Værdi for Jobcenter', { exact: true });
    await expect.poll(() => note.inputValue()).toContain('nb-beskaeftigelse.dk');
    expect(await note.inputValue()).toContain(
      'Omregnet til prisniveau 2026 med indeksfaktor 1,1 (Danmarks Statistik, PRIS112 (e2e))',
    );
    expect(await outcome.locator('.library-link').textContent()).toContain('(version 1)');
    const stored = await employment(created.id, created.token);
    expect(stored?.valuePerDepartment?.[DEPARTMENT]).toBe(143_000);
    expect(stored?.libraryLinks?.[DEPARTMENT]).toEqual({ entryId: sickness, version: 1, factor: 1.1 });
    expect(stored?.sources[departmentValueSourceKey(DEPARTMENT)]).toBe(await note.inputValue());

    // A member changes the entry; the room reads the library again (on focus) and says so.
    const entries = (await api<{ entries: LibraryEntry[] }>(server.url, member, 'GET', '/api/library')).body.entries;
    const { id, version, changedAt, changedBy, ...fields } = entries.find((e) => e.id === sickness) as LibraryEntry;
    const changed = await api(server.url, member, 'PUT', `/api/library/${id}`, { ...fields, valuePerYear: 140_000 });
    expect(changed.status).toBe(200);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const notice = outcome.locator('.library-outdated');
    await expect.poll(() => notice.textContent()).toContain('Bibliotekets værdi er ændret siden');
    expect(await notice.textContent()).toContain('Jobcenter: 130.000 kr. → 140.000 kr. (forskel +10.000 kr.)');
    await expect.poll(() => seriousAxeViolations(page), { timeout: 15_000 }).toEqual([]);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/library-outdated.png' });

    await notice.getByRole('button', { name: 'Opdatér til bibliotekets værdi' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => valueInput.inputValue()).toBe('140.000');
    await expect
      .poll(async () => (await employment(created.id, created.token))?.libraryLinks?.[DEPARTMENT])
      .toEqual({
        entryId: sickness,
        version: 2,
      });
    // One undo step takes the update back, as for any change.
    await page
      .getByRole('button', { name: /Fortryd/ })
      .first()
      .click();
    await expect.poll(() => valueInput.inputValue()).toBe('143.000');
    await expect.poll(() => notice.count()).toBe(1);
  });
});
