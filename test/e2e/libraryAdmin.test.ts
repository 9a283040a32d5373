import { type LibraryEntry, SEED_ENTRIES } from '@caseroom/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { addMember, organisationKeyOf } from '../support/organisation.ts';
import { api, startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue 15, the fund's people curate the unit-value library in the browser (docs/library.md):
 * a member opens /library with her member link, sees the three seeded entries, adds one typed in
 * Danish format, changes it (a new version, listed under "Versioner"), has wrong values refused
 * — by the form and by the server — and is told when a colleague saved a version meanwhile; a
 * revoked link says so.
 */
let server: TestServer;
let browser: Browser;
let ida: Person;
let organisationKey: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  organisationKey = organisationKeyOf(server);
  ida = await openPerson(browser, { name: 'Ida Konsulent', department: 'Fonden' });
});

afterEach(() => {
  expect(pageErrors(ida.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newMember(name: string): Promise<{ token: string; id: string }> {
  const { token, member } = await addMember(server, organisationKey, name);
  return { token, id: member.id };
}

const rowNames = (page: Page) => page.locator('table.library-table tbody th[scope="row"]').allTextContents();
const row = (page: Page, name: string) => page.locator('table.library-table tbody tr', { hasText: name });

describe('[issue 15] the unit-value library page', () => {
  it('a member sees the seed, adds an entry in Danish format, changes it as a new version, and wrong values are refused', async () => {
    const member = await newMember('Ida Konsulent');
    const { page } = ida;
    await page.goto(`${server.url}/library#member=${member.token}`);
    await page.getByRole('heading', { name: 'Enhedsværdier', level: 1 }).waitFor();
    // The member link is taken out of the address bar at once.
    expect(page.url()).toBe(`${server.url}/library`);
    await expect.poll(() => rowNames(page)).toEqual(SEED_ENTRIES.map((entry) => entry.name));
    const sickness = row(page, SEED_ENTRIES[0]?.name ?? '');
    expect(await sickness.locator('td.number').textContent()).toBe('130.000 kr.');
    expect(await sickness.locator('td').first().textContent()).toBe('Kommunal');
    const source = sickness.getByRole('link');
    expect(await source.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await source.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/library-admin-1280x800.png' });

    // A new entry, from the keyboard's point of view: the button, then the form's fields.
    await page.getByRole('button', { name: 'Ny enhedsværdi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny enhedsværdi' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    const name = 'Merudgift pr. ung på kontanthjælp (e2e)';
    await dialog.getByLabel('Navn', { exact: true }).fill(name);
    await dialog.getByLabel('Niveau', { exact: true }).selectOption({ label: 'Regional' });
    await dialog.getByLabel('Enhed', { exact: true }).fill('pr. helårsmodtager');
    // Wrong: above the library's bound, a date that does not exist, a link that is no web address.
    await dialog.getByLabel('Værdi pr. år', { exact: true }).fill('2.000.000.000');
    await dialog.getByLabel('Prisår', { exact: true }).fill('2024');
    await dialog.getByLabel('Kilde', { exact: true }).fill('Danmarks Statistik, AUK01');
    await dialog.getByLabel('Link til kilden (valgfri)').fill('javascript:alert(1)');
    await dialog.getByLabel('Kildens dato', { exact: true }).fill('31.02.2024');
    await dialog.getByLabel('Gælder fra', { exact: true }).fill('2025');
    await dialog.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('alert').allTextContents())
      .toContain('3 felter skal rettes, før værdien kan gemmes.');
    const valueInput = dialog.getByLabel('Værdi pr. år', { exact: true });
    expect(await valueInput.getAttribute('aria-invalid')).toBe('true');
    expect(await valueInput.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await dialog.locator('.error').allTextContents()).toEqual(
      expect.arrayContaining([
        'Højst 1.000.000.000 kr. pr. år.',
        'Skriv et år, en måned eller en dato, der findes: 2019, 11.2020 eller 19.11.2020.',
        'Skriv en webadresse, der begynder med https:// eller http://, uden mellemrum.',
      ]),
    );

    // Corrected, in Danish format: a dot between thousands, a comma before decimals, a Danish date.
    await valueInput.fill('137.500,5');
    await dialog.getByLabel('Link til kilden (valgfri)').fill('https://www.statistikbanken.dk/AUK01');
    await dialog.getByLabel('Kildens dato', { exact: true }).fill('19.11.2024');

    // The server refuses what it refuses (here a body altered on its way): its message stands at the field.
    await page.route(`${server.url}/api/library`, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const body = { ...(request.postDataJSON() as object), valuePerYear: -1 };
      await route.continue({ postData: JSON.stringify(body) });
    });
    await dialog.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toMatch(/^Serveren tog ikke imod feltet »Værdi pr\. år«: valuePerYear: /);
    await page.unroute(`${server.url}/api/library`);
    expect((await api(server.url, member.token, 'GET', '/api/library')).body.entries).toHaveLength(3);

    await dialog.getByRole('button', { name: 'Gem', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `»${name}« er gemt.` })
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    const added = row(page, name);
    await added.waitFor();
    expect(await added.locator('td.number').textContent()).toBe('137.500,5 kr.');
    expect(await added.locator('td').first().textContent()).toBe('Regional');
    // The source's date stands with the source (one column fewer, so the table fits a 1024-px projector).
    expect(await added.locator('td.library-source').textContent()).toMatch(
      /^Danmarks Statistik, AUK01.*\(19\.11\.2024\)$/,
    );
    expect(await added.locator('td').nth(5).textContent()).toBe('2025');
    const stored = (await api(server.url, member.token, 'GET', '/api/library')).body.entries as LibraryEntry[];
    const entry = stored.find((each) => each.name === name);
    expect(entry).toMatchObject({
      level: 'regional',
      valuePerYear: 137_500.5,
      priceYear: 2024,
      source: { text: 'Danmarks Statistik, AUK01', link: 'https://www.statistikbanken.dk/AUK01', date: '2024-11-19' },
      validFrom: '2025',
      version: 1,
      changedBy: 'Ida Konsulent',
    });

    // Redigér: the same form, its values in Danish format; saving makes version 2.
    await added.getByRole('button', { name: `Redigér ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Redigér: ${name}` });
    await edit.waitFor();
    expect(await edit.getByLabel('Værdi pr. år', { exact: true }).inputValue()).toBe('137.500,5');
    expect(await edit.getByLabel('Kildens dato', { exact: true }).inputValue()).toBe('19.11.2024');
    await edit.getByLabel('Værdi pr. år', { exact: true }).fill('142.000');
    await edit.getByLabel('Prisår', { exact: true }).fill('2025');
    await edit.getByRole('button', { name: 'Gem som ny version' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `»${name}« er gemt som version 2.` })
      .waitFor();
    await expect.poll(() => added.locator('td.number').textContent()).toBe('142.000 kr.');
    expect(await added.locator('td').nth(6).textContent()).toBe('2');

    // Versioner: both, the oldest first, with who saved them.
    await added.getByRole('button', { name: `Versioner af ${name}` }).click();
    const history = page.getByRole('dialog', { name: `Versioner af ${name}` });
    await history.locator('tbody tr').nth(1).waitFor();
    const versions = await history.locator('tbody tr').allTextContents();
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatch(/^1137\.500,5 kr\.2024Danmarks Statistik, AUK01.*\(19\.11\.2024\)Ida Konsulent/);
    expect(versions[1]).toMatch(/^2142\.000 kr\.2025.*Ida Konsulent/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await history.getByRole('button', { name: 'Luk' }).click();
    await history.waitFor({ state: 'detached' });

    // A colleague saves a version while Ida edits: hers is not saved over it, and she is told.
    const colleague = await newMember('Bo Kollega');
    await added.getByRole('button', { name: `Redigér ${name}` }).click();
    await edit.waitFor();
    await edit.getByLabel('Værdi pr. år', { exact: true }).fill('150.000');
    const current = (await api(server.url, member.token, 'GET', '/api/library')).body.entries as LibraryEntry[];
    const { id, version, changedAt, changedBy, ...fields } = current.find((each) => each.name === name) as LibraryEntry;
    const put = await api(server.url, colleague.token, 'PUT', `/api/library/${id}`, {
      ...fields,
      valuePerYear: 145_000,
    });
    expect(put.status).toBe(200);
    await edit.getByRole('button', { name: 'Gem som ny version' }).click();
    await expect
      .poll(() => edit.getByRole('alert').textContent())
      .toContain('Ikke gemt: Bo Kollega gemte version 3 (145.000 kr.) af værdien, mens du redigerede.');
    await page.screenshot({ path: '/tmp/library-admin-form-1280x800.png' });
    // Saving again, having seen it, makes version 4.
    await edit.getByRole('button', { name: 'Gem som ny version' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `»${name}« er gemt som version 4.` })
      .waitFor();
    const after = (await api(server.url, member.token, 'GET', `/api/library/${id}/versions`)).body.versions;
    expect((after as LibraryEntry[]).map((each) => [each.version, each.valuePerYear, each.changedBy])).toEqual([
      [1, 137_500.5, 'Ida Konsulent'],
      [2, 142_000, 'Ida Konsulent'],
      [3, 145_000, 'Bo Kollega'],
      [4, 150_000, 'Ida Konsulent'],
    ]);
  });

  it('is linked from the portfolio and back, and a revoked member link says so', async () => {
    const member = await newMember('Ida Konsulent');
    const { page } = ida;
    await page.goto(`${server.url}/portfolio#member=${member.token}`);
    await page.getByRole('heading', { name: /^Portefølje – / }).waitFor();
    await page.getByRole('link', { name: 'Enhedsværdier' }).click();
    await page.getByRole('heading', { name: 'Enhedsværdier', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/library`);
    await page.locator('table.library-table').waitFor();

    // By keyboard: the button opens the form at its first field; Escape closes it, focus back on the button.
    const add = page.getByRole('button', { name: 'Ny enhedsværdi' });
    await add.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Ny enhedsværdi' });
    await form.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await add.evaluate((button) => button === document.activeElement)).toBe(true);

    // In English: the page's words and the level's name.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Unit values', level: 1 }).waitFor();
    expect(await page.locator('table.library-table tbody tr').first().locator('td').first().textContent()).toBe(
      'Municipal',
    );
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { name: 'Enhedsværdier', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Til porteføljen' }).click();
    await page.getByRole('heading', { name: /^Portefølje – / }).waitFor();

    const revoked = await api(server.url, organisationKey, 'POST', `/api/organisation/members/${member.id}/revoke`);
    expect(revoked.status).toBe(200);
    await page.goto(`${server.url}/library`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Dit link til porteføljen virker ikke længere');
    // The refused link is forgotten: the page now asks for a link.
    await page.reload();
    await page.getByText('Enhedsværdierne åbnes med dit personlige link').waitFor();
  });
});
