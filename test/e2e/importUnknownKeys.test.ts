import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCase } from '@caseroom/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** docs/exchange.md, "Unknown fields": the start page lists a file's unknown fields in plain words. */
let server: TestServer;
let browser: Browser;
let fie: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  fie = await openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('import of a file with a misspelt field', () => {
  it('is refused with the field, its path and the field likely meant, in Danish, and no case opens', async () => {
    const { page } = fie;
    await page.goto(`${server.url}/`);
    const importer = page.locator('.import-case');
    await importer.waitFor();
    const { paymentCap, ...paymentModel } = exampleCase().paymentModel;
    const path = join(mkdtempSync(join(tmpdir(), 'caseroom-unknown-')), 'paymentcap.json');
    writeFileSync(
      path,
      JSON.stringify({ ...exampleCase(), paymentModel: { ...paymentModel, paymentcap: paymentCap } }),
    );
    await importer.locator('input[type="file"]').setInputFiles(path);
    const alert = importer.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('paymentcap.json:');
    expect(await alert.textContent()).toContain('Filen kunne ikke importeres. Intet er oprettet.');
    expect(await alert.locator('li').allTextContents()).toEqual([
      'Betalingsmodel: ukendt felt paymentModel/paymentcap — mente du paymentCap?',
    ]);
    expect(page.url()).toBe(`${server.url}/`);
    expect(pageErrors(page)).toEqual([]);
  });
});
