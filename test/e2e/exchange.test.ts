import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCase, SCHEMA_VERSION } from '@caseroom/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { api, createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { openCase } from './room.ts';

/**
 * Export and import from the UI (docs/exchange.md): the facilitator downloads each format from
 * the export dialog, an observer may too, and a file is imported on the start page — a broken
 * one is explained and creates nothing, a good one opens as a new case.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let olga: Person;
let created: { id: string; token: string };
const downloads = mkdtempSync(join(tmpdir(), 'caseroom-downloads-'));
const TITLE = exampleCase().facts.title ?? '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  created = await createCase(server.url, { example: true });
  const observer = await inviteParty(server.url, created.id, created.token, {
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
    openCase(olga.page, server.url, { id: created.id, token: observer.token }),
  ]);
});

afterEach(() => {
  for (const person of [fie, olga]) if (person) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openExport(page: Page): Promise<Locator> {
  await page.getByRole('region', { name: 'Workshop' }).getByRole('button', { name: 'Eksport' }).click();
  const dialog = page.getByRole('dialog', { name: /^Eksportér sagen/ });
  await dialog.waitFor();
  return dialog;
}

/** Clicks a download button and keeps the file; returns its suggested name and path. */
async function download(page: Page, dialog: Locator, button: string): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: button }).click(),
  ]);
  const path = join(downloads, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

describe('export and import in the browser', () => {
  it('the facilitator downloads JSON, Excel, the PDF report and the contract annex from the export dialog', async () => {
    const dialog = await openExport(fie.page);
    expect(await seriousAxeViolations(fie.page)).toEqual([]);

    const json = await download(fie.page, dialog, 'Hent JSON');
    expect(json.name).toMatch(/^sygedagpenge-[a-z0-9-]+-v[0-9a-f]{8}\.json$/);
    const exported = JSON.parse(readFileSync(json.path, 'utf8'));
    expect(exported.case.title).toBe(TITLE);
    expect(exported.schemaVersion).toBe(SCHEMA_VERSION);
    await dialog.getByText(`Hentet: ${json.name}.`, { exact: false }).waitFor();
    expect(await dialog.locator('.export-status').textContent()).toContain('den nuværende version');

    const xlsx = await download(fie.page, dialog, 'Hent Excel (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect([...readFileSync(xlsx.path).subarray(0, 2)]).toEqual([0x50, 0x4b]);

    // The report in English, of the current version.
    await dialog.getByLabel('Den nuværende version').check();
    await dialog.getByLabel('Sprog i Excel, PDF og Word').selectOption('en');
    const pdf = await download(fie.page, dialog, 'Hent PDF-rapport');
    expect(pdf.name).toMatch(/-en\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain(TITLE.replace(/\s+/g, ' ').slice(0, 40));
    // The contract annex as a Word document (issue 15), in the language chosen.
    const docx = await download(fie.page, dialog, 'Hent kontraktbilag (Word)');
    expect(docx.name).toMatch(/-annex-en\.docx$/);
    expect([...readFileSync(docx.path).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    await fie.page.screenshot({ path: '/tmp/export-dialog.png' });
    await dialog.getByRole('button', { name: 'Luk', exact: true }).click();
  });

  it('a saved version can be exported, and an observer can export too', async () => {
    const dialog = await openExport(olga.page);
    await dialog.getByLabel('En gemt version').check();
    // The case has no saved version yet: the dialog says so and offers no download.
    await dialog.getByText('Ingen gemte versioner endnu.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Hent JSON' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Den godkendte version (standard – ellers den nuværende)').check();
    const json = await download(olga.page, dialog, 'Hent JSON');
    expect(JSON.parse(readFileSync(json.path, 'utf8')).version.source).toBe('current');
    await dialog.getByRole('button', { name: 'Luk', exact: true }).click();
  });

  it('a version in the history exports from its own row, preselected', async () => {
    const named = await api(server.url, created.token, 'POST', `/api/cases/${created.id}/snapshots`, {
      name: 'Før budgetmødet',
    });
    expect(named.status).toBe(201);
    const { page } = fie;
    await page
      .getByRole('region', { name: 'Workshop' })
      .getByRole('button', { name: /^Historik/ })
      .click();
    const history = page.getByRole('dialog', { name: /^Historik/ });
    const row = history.locator('.snapshot', { hasText: 'Før budgetmødet' });
    await row.getByRole('button', { name: 'Eksportér Før budgetmødet' }).click();
    const dialog = page.getByRole('dialog', { name: /^Eksportér sagen/ });
    await dialog.waitFor();
    expect(await dialog.getByLabel('En gemt version').isChecked()).toBe(true);
    expect(await dialog.getByLabel('Gemt version', { exact: true }).inputValue()).toBe(named.body.id);
    const json = await download(page, dialog, 'Hent JSON');
    expect(JSON.parse(readFileSync(json.path, 'utf8')).version.source).toBe(named.body.id);
    // Escape closes the export dialog alone; the history stays open, as it was.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await history.isVisible()).toBe(true);
    await history.getByRole('button', { name: 'Luk', exact: true }).click();
  });

  it('imports on the start page: a broken file is explained and creates nothing; a good one opens as a new case', async () => {
    const { page } = fie;
    await page.goto(`${server.url}/`);
    const importer = page.locator('.import-case');
    await importer.waitFor();
    // The case list has loaded (Fie's link to the example case is remembered) before counting.
    await page.locator('.case-table tbody tr').first().waitFor();
    const casesBefore = await page.locator('.case-table tbody tr').count();
    expect(casesBefore).toBeGreaterThanOrEqual(1);

    const broken = join(downloads, 'broken.json');
    const good = JSON.parse(readFileSync(join(downloads, readdirJson()), 'utf8'));
    good.model.outcomes[0].expectedRate = 'fyrre procent';
    good.model.facts.title = 42;
    writeFileSync(broken, JSON.stringify(good));
    await importer.locator('input[type="file"]').setInputFiles(broken);
    const alert = importer.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Filen kunne ikke importeres. Intet er oprettet.');
    expect(await alert.locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(await alert.textContent()).toContain('Resultatmål 1 › Forventet andel med indsats: skal være et tal');
    // Nothing was created: the list, asked again, still has the same cases.
    await page.reload();
    await page.locator('.case-table tbody tr').first().waitFor();
    expect(await page.locator('.case-table tbody tr').count()).toBe(casesBefore);

    const truncated = join(downloads, 'truncated.json');
    writeFileSync(truncated, readFileSync(join(downloads, readdirJson()), 'utf8').slice(0, 500));
    await importer.locator('input[type="file"]').setInputFiles(truncated);
    await expect.poll(() => alert.textContent()).toContain('truncated.json');
    expect(await alert.textContent()).toContain('Filen er ikke gyldig JSON');
    expect(page.url()).toBe(`${server.url}/`);

    await importer.locator('input[type="file"]').setInputFiles(join(downloads, readdirJson()));
    await page.waitForURL(/\/case\/[^/]+$/);
    expect(page.url()).not.toContain(created.id);
    await page.locator('.room[data-role="facilitator"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.case-title').textContent()).toBe(TITLE);
  });
});

/** The first JSON export downloaded by the first test. */
function readdirJson(): string {
  const name = (readdirSync(downloads) as string[]).find((file) => /-v[0-9a-f]{8}\.json$/.test(file));
  if (!name) throw new Error('no JSON export was downloaded');
  return name;
}
