import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type CaseModelDraft, contentHash, exampleCase, type PortfolioAnswer, reconcileModel } from '@caseroom/shared';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { addMember, organisationKeyOf } from '../support/organisation.ts';
import { api, connectSynced, startTestServer, type TestServer, waitFor } from '../support/server.ts';
import { items, openSection } from './room.ts';

/**
 * Issue 15, the fund's view in the browser: a consultant opens the portfolio with her member
 * link, sorts by the authority's NPV, downloads the overview, opens a case as herself, takes a
 * unit value from the library into an outcome and exports the contract annex.
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

/** A case of the organisation: the example with its title, municipality and cost scaled. */
/** Each case's facilitator link, by case id. */
const tokens = new Map<string, string>();

async function fundCase(title: string, municipality: string, costFactor: number): Promise<string> {
  const created = await api(server.url, organisationKey, 'POST', '/api/cases', { example: true });
  const { id, token } = created.body as { id: string; token: string };
  tokens.set(id, token);
  const model: CaseModelDraft = structuredClone(exampleCase());
  model.facts.title = title;
  model.facts.municipality = municipality;
  for (const candidate of model.interventions.candidates) {
    if (candidate.costPerParticipant !== undefined) candidate.costPerParticipant *= costFactor;
  }
  const client = await connectSynced(server.wsUrl, id, { token });
  reconcileModel(client.doc, model);
  await waitFor(
    async () => (await api(server.url, token, 'GET', `/api/cases/${id}/model`)).body.facts.title === title,
    {
      what: 'the case written',
    },
  );
  client.destroy();
  return id;
}

describe('[issue 15] the fund’s portfolio', () => {
  it('opens with the member link, sorts by authority NPV, downloads the overview and opens a case as the member', async () => {
    await fundCase('Holbæk: sygedagpenge', 'Holbæk', 1);
    await fundCase('Guldborgsund: unge ledige', 'Guldborgsund', 0.6);
    await fundCase('Svendborg: udsatte boligområder', 'Svendborg', 1.6);
    const { token, link } = await addMember(server, organisationKey, 'Ida Konsulent');
    const portfolio = (await api(server.url, token, 'GET', '/api/portfolio')).body as PortfolioAnswer;
    const byNpv = [...portfolio.cases]
      .sort((a, b) => b.figures!.authorityNpv - a.figures!.authorityNpv)
      .map((row) => row.title);
    expect(new Set(byNpv).size).toBe(3);

    const { page } = ida;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Portefølje – Caseroom' }).waitFor();
    // The member link is taken out of the address bar at once.
    expect(page.url()).toBe(`${server.url}/portfolio`);
    const table = page.getByRole('table');
    const titles = () => table.locator('tbody th[scope="row"] .portfolio-title').allTextContents();
    expect((await titles()).sort()).toEqual([...byNpv].sort());
    expect(await seriousAxeViolations(page)).toEqual([]);

    await table.getByRole('button', { name: 'Kommunens nettonutidsværdi' }).click();
    await expect.poll(titles).toEqual(byNpv);
    await expect
      .poll(() => table.getByRole('columnheader', { name: /Kommunens nettonutidsværdi/ }).getAttribute('aria-sort'))
      .toBe('descending');
    // Looked at by a person (like projectorRoom.test.ts): the projector's 1280×800.
    await page.screenshot({ path: '/tmp/portfolio-1280x800.png' });
    // Danish figures: "kr." and dots between thousands.
    const firstNpv = await table.locator('tbody tr').first().locator('td.number').first().textContent();
    expect(firstNpv).toMatch(/^-?\d{1,3}(\.\d{3})* kr\.$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent som Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^portfolio-\d{4}-\d\d-\d\d\.xlsx$/);

    // The filter narrows the table; clearing it brings all back.
    await page.getByLabel('Søg i sag, kommune eller indsats').fill('svendborg');
    await expect.poll(titles).toEqual(['Svendborg: udsatte boligområder']);
    await page.getByLabel('Søg i sag, kommune eller indsats').fill('');
    await expect.poll(async () => (await titles()).length).toBe(3);

    await table.getByRole('button', { name: `Åbn ${byNpv[0]}` }).click();
    await page.locator('#section-heading').waitFor({ timeout: 15_000 });
    await page.locator('.room[data-role="editor"]').waitFor({ timeout: 15_000 });
    await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    expect(page.url()).toMatch(/\/case\/[^/#]+$/);
    const caseId = decodeURIComponent(page.url().split('/case/')[1]!);

    // She takes the sickness-benefit unit value from the fund's library into the employment outcome.
    await openSection(page, 'Resultatmål');
    const outcome = items(page).first();
    await outcome.locator('summary', { hasText: 'Værdi fra biblioteket' }).click();
    await outcome.getByLabel('Forvaltning', { exact: true }).selectOption('dep-jobcenter');
    const entrySelect = outcome.getByLabel('Enhedsværdi', { exact: true });
    const sickness = await entrySelect.locator('option', { hasText: 'sygedagpenge' }).getAttribute('value');
    await entrySelect.selectOption(sickness ?? '');
    await outcome.getByRole('button', { name: 'Indsæt værdien' }).click();
    const valueInput = outcome.locator('input[data-path$="/valuePerDepartment/dep-jobcenter"]');
    await expect.poll(() => valueInput.inputValue()).toBe('130.000');
    const facilitatorToken = tokens.get(caseId)!;
    await expect
      .poll(async () => {
        const model = (await api(server.url, facilitatorToken, 'GET', `/api/cases/${caseId}/model`))
          .body as CaseModelDraft;
        return model.outcomes[0]?.libraryLinks?.['dep-jobcenter']?.entryId;
      })
      .toBe(sickness);

    // …and exports the contract annex.
    await page.getByRole('region', { name: 'Workshop' }).getByRole('button', { name: 'Eksport' }).click();
    const dialog = page.getByRole('dialog', { name: /^Eksportér sagen/ });
    await dialog.getByLabel('Den nuværende version').check();
    const [annex] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Hent kontraktbilag (Word)' }).click(),
    ]);
    expect(annex.suggestedFilename()).toMatch(/-bilag\.docx$/);
    const annexPath = join(server.dataDir, annex.suggestedFilename());
    await annex.saveAs(annexPath);
    const documentXml = execFileSync('unzip', ['-p', annexPath, 'word/document.xml'], { encoding: 'utf8' });
    // The annex is of the version with the library value in it: its content hash is the case's now.
    const withValue = (await api(server.url, facilitatorToken, 'GET', `/api/cases/${caseId}/model`))
      .body as CaseModelDraft;
    expect(withValue.outcomes[0]?.valuePerDepartment?.['dep-jobcenter']).toBe(130_000);
    expect(documentXml).toContain(contentHash(withValue));
    expect(documentXml).toContain(`Kontraktbilag: ${byNpv[0]}`);
    await page.keyboard.press('Escape');

    // The start page now offers the way back to the portfolio.
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Åbn jeres portefølje' }).click();
    await page.getByRole('heading', { name: 'Portefølje – Caseroom' }).waitFor();
  });

  it('without a link, or with a revoked one, the page says what to do', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/portfolio`);
    await page.getByText('Porteføljen åbnes med dit personlige link').waitFor();

    const { token, link, member } = await addMember(server, organisationKey, 'Ole');
    await api(server.url, organisationKey, 'POST', `/api/organisation/members/${member.id}/revoke`);
    await page.goto(link);
    await page.getByRole('alert').getByText('trukket tilbage').waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem('caseroom.memberToken'))).toBeNull();
    expect(token).toMatch(/^crm1_/);
    await context.close();
  });
});
