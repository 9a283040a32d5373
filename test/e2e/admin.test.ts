import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { organisationKeyOf } from '../support/organisation.ts';
import { api, inviteParty, startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue 15, the administrator's page (`/admin`, docs/access.md "The administrator's page"): a
 * wrong organisation key is refused in words; with the right one the administrator adds a person
 * (the link shows once and opens the portfolio), revokes them (the link then fails), sets the
 * retention (read back after a reload) and lists a case's personal data.
 */
let server: TestServer;
let browser: Browser;
let admin: Person;
let organisationKey: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  organisationKey = organisationKeyOf(server);
  admin = await openPerson(browser, { name: 'Anne Admin', department: 'Fonden' });
  await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});

afterEach(() => {
  expect(pageErrors(admin.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('[issue 15] the administrator’s page', () => {
  it('refuses a wrong key in words, then manages members, retention and personal data with the right one', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/admin`);
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    const keyField = page.getByRole('textbox', { name: 'Organisationsnøgle', exact: true });
    expect(await keyField.getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Vis nøglen' }).click();
    expect(await keyField.getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Skjul nøglen' }).click();
    expect(await keyField.getAttribute('type')).toBe('password');

    // Empty, then a wrong key: each refused with a clear message, nothing remembered.
    await page.getByRole('button', { name: 'Åbn administrationen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Skriv organisationsnøglen.' }).waitFor();
    await keyField.fill('crk1_forkert-noegle-der-ikke-findes');
    await page.getByRole('button', { name: 'Åbn administrationen' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Organisationsnøglen blev ikke godkendt. Tjek, at du har skrevet den rigtigt.' })
      .waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('caseroom.organisationKey'))).toBeNull();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The right key: by keyboard (Enter submits).
    await keyField.fill(organisationKey);
    await keyField.press('Enter');
    await page.getByRole('heading', { name: 'Personer med adgang til porteføljen' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('caseroom.organisationKey'))).toBe(organisationKey);
    expect(await page.evaluate(() => localStorage.getItem('caseroom.organisationKey'))).toBeNull();

    // Add a person with an expiry: the link is shown once, copied, and opens the portfolio.
    const members = page.getByRole('region', { name: 'Personer med adgang til porteføljen' });
    await members.getByLabel('Navn', { exact: true }).fill('Ida Konsulent');
    const nextYear = `${new Date().getFullYear() + 1}-06-30`;
    await members.getByLabel('Linket virker til og med (valgfrit)').fill(nextYear);
    await members.getByRole('button', { name: 'Tilføj person' }).click();
    await members.getByRole('heading', { name: 'Link til Ida Konsulent' }).waitFor();
    await members.getByText('Send linket til personen; det vises kun nu.').waitFor();
    const link = await members.getByLabel('Personligt link til porteføljen').inputValue();
    expect(link).toMatch(/\/portfolio#member=crm1_/);
    await members.getByRole('button', { name: 'Kopiér linket' }).click();
    await members.getByRole('status').filter({ hasText: 'Linket er kopieret.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const row = members.getByRole('row', { name: /Ida Konsulent/ });
    await expect.poll(() => row.textContent()).toMatch(/Aktiv, udløber 30\. jun\. \d{4}/);
    await page.screenshot({ path: '/tmp/admin-1280x800.png' });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const ida = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await ida.goto(link);
    await ida.getByRole('heading', { name: 'Portefølje – Caseroom' }).waitFor();

    // Closed, the link is gone from the page and from the browser's storage: shown only once.
    await members.getByRole('button', { name: 'Jeg har sendt linket – luk' }).click();
    await members.getByRole('heading', { name: 'Tilføj person' }).waitFor();
    const token = link.split('#member=')[1]!;
    expect(await page.content()).not.toContain(token);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(token);

    // Revoke: a confirmation that says the case access ends at once; then the link fails.
    await row.getByRole('button', { name: 'Tilbagekald Ida Konsulents link' }).click();
    const confirmation = row.getByRole('group', { name: 'Tilbagekald Ida Konsulents link?' });
    await confirmation.getByText(/adgang til alle organisationens sager.*ophører også med det samme/).waitFor();
    // Escape keeps the link and returns the focus to the row's button.
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Tilbagekald Ida Konsulents link');
    await page.keyboard.press('Enter');
    await confirmation.getByRole('button', { name: 'Ja, tilbagekald' }).click();
    await members.getByRole('status').filter({ hasText: 'Ida Konsulents link er tilbagekaldt.' }).waitFor();
    await expect.poll(() => row.textContent()).toMatch(/Tilbagekaldt/);
    const revoked = await api(server.url, token, 'GET', '/api/portfolio');
    expect(revoked.status).toBe(403);
    await ida.reload();
    await ida.getByRole('alert').filter({ hasText: /./ }).waitFor();
    expect(await ida.getByRole('heading', { name: /^Portefølje – / }).count()).toBe(0);
    await ida.close();

    // Retention: a wrong entry explained, a good one saved and read back after a reload.
    const retention = page.getByRole('region', { name: 'Opbevaring af arkiverede sager' });
    await retention.getByText('Nu: arkiverede sager gemmes, indtil nogen sletter dem.').waitFor();
    const days = retention.getByLabel('Slet arkiverede sager efter … dage');
    await days.fill('0');
    await retention.getByRole('button', { name: 'Gem' }).click();
    await retention.getByText('Skriv mindst 1 dag').waitFor();
    await days.fill('1.095');
    await retention.getByRole('button', { name: 'Gem' }).click();
    await retention.getByRole('status').filter({ hasText: 'Gemt: arkiverede sager slettes 1.095 dage' }).waitFor();
    expect((await api(server.url, organisationKey, 'GET', '/api/organisation/retention')).body).toEqual({
      retentionDays: 1095,
    });
    await page.reload();
    await page.getByText('Organisationsnøglen er husket i denne fane.').waitFor();
    await page
      .getByRole('region', { name: 'Opbevaring af arkiverede sager' })
      .getByText('Nu: arkiverede sager slettes 1.095 dage efter arkiveringen.')
      .waitFor();
    expect(await page.getByLabel('Slet arkiverede sager efter … dage').inputValue()).toBe('1.095');

    // Personal data of a case: its parties and a comment with its author, downloadable as JSON.
    const created = await api(server.url, organisationKey, 'POST', '/api/cases', { example: true });
    const { id: caseId, token: facilitator } = created.body as { id: string; token: string };
    const party = await inviteParty(server.url, caseId, facilitator, {
      name: 'Svendborg Kommune',
      kind: 'department',
      role: 'editor',
    });
    const comment = await api(server.url, party.token, 'POST', `/api/cases/${caseId}/workshop/comments`, {
      itemPath: 'facts',
      text: 'Tallene er fra Jobindsats, 2024',
    });
    expect(comment.status).toBe(201);
    const personal = page.getByRole('region', { name: 'Persondata i en sag' });
    await personal.getByLabel('Sagens id eller link').fill('findes-ikke');
    await personal.getByRole('button', { name: 'Hent persondata' }).click();
    await personal.getByRole('alert').filter({ hasText: 'Der findes ingen sag med det id.' }).waitFor();
    // A pasted case link works too; its token is never sent.
    await personal.getByLabel('Sagens id eller link').fill(`${server.url}/case/${caseId}#token=${facilitator}`);
    await personal.getByRole('button', { name: 'Hent persondata' }).click();
    await personal.getByRole('heading', { name: 'Parter' }).waitFor();
    expect(await personal.getByLabel('Sagens id eller link').inputValue()).toBe(caseId);
    const partyList = personal.getByRole('list').first();
    await partyList.getByText('Svendborg Kommune').waitFor();
    await expect.poll(() => partyList.textContent()).toMatch(/Forvaltning, Redaktør/);
    await personal.getByText('Tallene er fra Jobindsats, 2024').waitFor();
    expect(await personal.getByRole('listitem').filter({ hasText: 'Tallene er fra Jobindsats' }).textContent()).toMatch(
      /^Svendborg Kommune – /,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      personal.getByRole('button', { name: 'Hent som JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^persondata-${caseId}-\\d{4}-\\d\\d-\\d\\d\\.json$`));
    const path = join(server.dataDir, download.suggestedFilename());
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { caseId: string; comments: { partyName: string }[] };
    expect(file.caseId).toBe(caseId);
    expect(file.comments.map((one) => one.partyName)).toEqual(['Svendborg Kommune']);
    await page.screenshot({ path: '/tmp/admin-personal-data.png', fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // "Glem nøglen": the tab forgets it and asks again.
    await page.getByRole('button', { name: 'Glem nøglen' }).click();
    await page.getByText('Nøglen er glemt i denne fane.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('caseroom.organisationKey'))).toBeNull();
    await page.getByRole('textbox', { name: 'Organisationsnøgle', exact: true }).waitFor();
  });

  it('reads in English', async () => {
    const english = await openPerson(browser, { name: 'Anne Admin', department: 'Fund', language: 'en' });
    try {
      await english.page.goto(`${server.url}/admin`);
      await english.page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
      await english.page.getByRole('textbox', { name: 'Organisation key', exact: true }).fill(organisationKey);
      await english.page.getByRole('button', { name: 'Open administration' }).click();
      await english.page.getByRole('heading', { name: 'People with access to the portfolio' }).waitFor();
      await english.page.getByText('Now: archived cases are deleted 1,095 days after they were archived.').waitFor();
      expect(pageErrors(english.page)).toEqual([]);
    } finally {
      await english.context.close();
    }
  });
});
