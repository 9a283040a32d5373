import { type CaseModelDraft, exampleCase, reconcileModel } from '@caseroom/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { addMember, organisationKeyOf } from '../support/organisation.ts';
import { api, connectSynced, inviteParty, startTestServer, type TestServer, waitFor } from '../support/server.ts';
import { expectFocusOn, focused, tabThrough, tabTo } from './keyboard.ts';
import { items, openCase, openSection } from './room.ts';
import { clippedButtons, expectInView, expectProjectorReady, PROJECTORS, sidewaysScrolling } from './screen.ts';

/**
 * The fund's pages held to the room's bar (issues 13 and 15): /portfolio, /library and /admin,
 * the room's library values and the co-sign part of the sign-off dialog — axe-core finds nothing
 * serious, on a 1280×800 and a 1024×768 projector nothing scrolls sideways and no text is small,
 * every control is reached by Tab with a visible focus ring and a name, dialogs keep focus inside
 * and give it back, the table says how it is sorted and the chart has a name, a description and
 * more than colour to tell its bars apart. In Danish, the default.
 */
let server: TestServer;
let browser: Browser;
let organisationKey: string;
let ida: Person;
let memberToken: string;

/** A case of the organisation: the example under another title. */
async function fundCase(title: string): Promise<{ id: string; token: string }> {
  const created = await api(server.url, organisationKey, 'POST', '/api/cases', { example: true });
  const { id, token } = created.body as { id: string; token: string };
  const model: CaseModelDraft = structuredClone(exampleCase());
  model.facts.title = title;
  const client = await connectSynced(server.wsUrl, id, { token });
  reconcileModel(client.doc, model);
  await waitFor(
    async () => (await api(server.url, token, 'GET', `/api/cases/${id}/model`)).body.facts.title === title,
    { what: 'the case written' },
  );
  client.destroy();
  return { id, token };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  organisationKey = organisationKeyOf(server);
  // A long title (the table's first column must wrap it), a short one, and one not named yet.
  await fundCase('Holbæk: sygedagpenge, jobafklaring og ressourceforløb for borgere over 30');
  await fundCase('Svendborg: udsatte boligområder');
  await api(server.url, organisationKey, 'POST', '/api/cases', {});
  memberToken = (await addMember(server, organisationKey, 'Ida Konsulent')).token;
  ida = await openPerson(browser, { name: 'Ida Konsulent', department: 'Fonden' });
});

afterEach(async () => {
  expect(pageErrors(ida.page)).toEqual([]);
  await ida.page.setViewportSize(PROJECTORS[0]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The axe-core and projector checks of what a page shows now, on each projector. */
async function expectAccessibleOnProjectors(page: Page, what: string): Promise<void> {
  for (const screen of PROJECTORS) {
    await page.setViewportSize(screen);
    const at = `${what} at ${screen.width}×${screen.height}`;
    expect({ at, violations: await seriousAxeViolations(page) }).toEqual({ at, violations: [] });
    await expectProjectorReady(page, at);
  }
}

/** From the top of the page (the skip link first) to its last control, by Tab. */
async function tabThroughPage(page: Page): Promise<string[]> {
  // Focus on the page itself, so the next Tab starts from the top (as after loading it).
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  await expectFocusOn(page, 'Spring til indholdet');
  return (await tabThrough(page)).map((stop) => stop.name);
}

/** Tab through an open dialog: every stop inside it, and past the last one focus comes back into it. */
async function expectFocusKeptIn(page: Page, title: string): Promise<void> {
  expect((await focused(page)).inDialog, `focus in "${title}" as it opens`).toBe(title);
  const stops = await tabThrough(page);
  expect(stops.length).toBeGreaterThan(0);
  for (const stop of stops) expect(stop.inDialog, `"${stop.name}" is outside the dialog`).toBe(title);
  // Past the last control the browser's own frame; the next Tab is in the dialog again, never behind it.
  await page.keyboard.press('Tab');
  expect((await focused(page)).inDialog).toBe(title);
}

describe('the portfolio', () => {
  it('passes axe and the projector checks; its table names its sort, its chart is described', async () => {
    const { page } = ida;
    await page.goto(`${server.url}/portfolio#member=${memberToken}`);
    const table = page.getByRole('table', { name: /^Porteføljens sager/ });
    await table.locator('tbody tr').nth(2).waitFor();
    await expectAccessibleOnProjectors(page, 'portfolio');

    // A case not named yet says so, and so does its button.
    await table.getByRole('rowheader', { name: /^Sag uden titel/ }).waitFor();
    await table.getByRole('button', { name: 'Åbn Sag uden titel' }).waitFor();

    // One column is sorted at a time, and the status line says which and which way.
    const sortStates = () =>
      table.locator('thead th').evaluateAll((headers) => headers.map((th) => th.getAttribute('aria-sort')));
    expect((await sortStates()).filter((state) => state !== 'none')).toEqual(['ascending']);
    const status = page.getByText(/^Viser 3 af 3 sager/);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe(
      'Viser 3 af 3 sager, sorteret efter Sag, kommune og valgt indsats, stigende.',
    );
    await table.getByRole('button', { name: 'Investors kapital' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe('Viser 3 af 3 sager, sorteret efter Investors kapital, faldende.');
    expect(await sortStates()).toEqual(['none', 'none', 'none', 'none', 'none', 'descending', 'none', 'none']);
    expect(await table.getByRole('columnheader', { name: /^Investors kapital/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    // Danish figures: dots between thousands, "kr." after.
    for (const cell of await table.locator('tbody td.number').allTextContents()) {
      expect(cell).toMatch(/^(-?\d{1,3}(\.\d{3})* kr\.|\d{1,3}(,\d+)? %|–)$/);
    }

    // The chart: one image, named by its heading, described in words that point to the table.
    const chart = page.getByRole('img', { name: 'Kapital og forventet værdi pr. sag' });
    await chart.waitFor();
    const description = await chart.evaluate(
      (svg) => document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    );
    expect(description).toContain('De samme tal står i tabellen ovenfor');
    // Its two kinds of bar differ by more than colour: the NPV bars are hatched.
    const fills = await chart
      .locator('rect.bar')
      .evaluateAll((bars) => bars.map((bar) => `${bar.getAttribute('class')}:${getComputedStyle(bar).fill}`));
    expect(fills.filter((fill) => fill.startsWith('bar value')).every((fill) => fill.includes('url('))).toBe(true);
    expect(fills.filter((fill) => fill.startsWith('bar capital')).some((fill) => fill.includes('url('))).toBe(false);
    for (const title of await chart.locator('rect.bar title').allTextContents()) {
      expect(title).toMatch(/^(Investors kapital|Kommunens nettonutidsværdi): -?\d{1,3}(\.\d{3})* kr\.$/);
    }

    // By keyboard: every control in reading order, each with a name and a visible ring.
    for (const screen of PROJECTORS) {
      await page.setViewportSize(screen);
      const stops = await tabThroughPage(page);
      expect(stops.slice(0, 9)).toEqual([
        'Til forsiden',
        'Enhedsværdier',
        'Dansk',
        'English',
        'Hent som Excel',
        'Opdatér',
        'Søg i sag, kommune eller indsats',
        'Fase',
        'Kun aftalte versioner',
      ]);
      expect(stops.filter((name) => name.startsWith('Åbn '))).toHaveLength(3);
      await page.screenshot({ path: `/tmp/fund-portfolio-${screen.width}.png`, fullPage: true });
    }

    // A filter that leaves nothing keeps the page in order.
    await page.getByLabel('Søg i sag, kommune eller indsats').fill('findes ikke');
    await page.getByText('Ingen sager passer til filteret.').waitFor();
    await expectAccessibleOnProjectors(page, 'portfolio, nothing matches');

    // The English page passes too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Search case, municipality or intervention').fill('');
    await page.getByText(/^Showing 3 of 3 cases, sorted by Investor capital, descending\.$/).waitFor();
    await page.getByRole('table', { name: /^The portfolio’s cases/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dansk' }).click();
  });
});

describe('the unit-value library', () => {
  it('passes axe and the projector checks; its dialogs keep the focus and give it back', async () => {
    const { page } = ida;
    await page.goto(`${server.url}/library`);
    const table = page.getByRole('table', { name: /^Organisationens enhedsværdier/ });
    await table.locator('tbody tr').nth(2).waitFor();
    await expectAccessibleOnProjectors(page, 'library');
    // The source's date is with the source: one column fewer, so the table fits 1024 px.
    expect(await table.locator('tbody tr').first().locator('td.library-source').textContent()).toMatch(
      /\(19\.11\.2020\)$/,
    );
    const stops = await tabThroughPage(page);
    expect(stops.slice(0, 5)).toEqual(['Til porteføljen', 'Dansk', 'English', 'Ny enhedsværdi', 'Opdatér']);

    for (const screen of PROJECTORS) {
      await page.setViewportSize(screen);
      const at = `${screen.width}×${screen.height}`;
      // The form, opened by keyboard: focus on its first field, kept inside, back on the button after Escape.
      const add = page.getByRole('button', { name: 'Ny enhedsværdi' });
      await add.focus();
      await page.keyboard.press('Enter');
      const form = page.getByRole('dialog', { name: 'Ny enhedsværdi' });
      await form.waitFor();
      await expect.poll(async () => (await focused(page)).name).toBe('Navn');
      await expectFocusKeptIn(page, 'Ny enhedsværdi');
      // Refused: the messages pass axe, and "Gem" stays in view on the short screen.
      await form.getByRole('button', { name: 'Gem', exact: true }).click();
      await form.getByText('7 felter skal rettes, før værdien kan gemmes.').waitFor();
      expect(await seriousAxeViolations(page), at).toEqual([]);
      expect(await clippedButtons(page), at).toEqual([]);
      expect(await sidewaysScrolling(page), at).toEqual([]);
      await expectInView(page, form.getByRole('button', { name: 'Gem', exact: true }), `Gem at ${at}`);
      // A field reached by Tab at the bottom of the form is not hidden under the "Gem" row.
      await form.getByLabel('Gælder fra', { exact: true }).focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('validFrom');
      const field = await form.getByLabel('Gælder fra', { exact: true }).boundingBox();
      const actions = await form.locator('.dialog-actions').boundingBox();
      expect((field?.y ?? 0) + (field?.height ?? 0), `Gælder fra under the Gem row at ${at}`).toBeLessThanOrEqual(
        actions?.y ?? 0,
      );
      await page.screenshot({ path: `/tmp/fund-library-form-${screen.width}.png` });
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      await expectFocusOn(page, 'Ny enhedsværdi');

      // The versions: the same.
      const versions = table.getByRole('button', { name: /^Versioner af Kommunal nettoudgift/ });
      await versions.focus();
      await page.keyboard.press('Enter');
      const history = page.getByRole('dialog', { name: /^Versioner af Kommunal nettoudgift/ });
      await history.locator('tbody tr').first().waitFor();
      const title = (await history.getByRole('heading').first().textContent()) ?? '';
      await expectFocusKeptIn(page, title);
      expect(await seriousAxeViolations(page), at).toEqual([]);
      expect(await sidewaysScrolling(page), at).toEqual([]);
      await page.keyboard.press('Escape');
      await history.waitFor({ state: 'detached' });
      await expectFocusOn(page, /^Versioner af Kommunal nettoudgift/);
    }
  });
});

describe('the administrator’s page', () => {
  it('passes axe and the projector checks asking for the key, with members, a new link, a confirmation and personal data', async () => {
    const { page } = ida;
    await page.goto(`${server.url}/admin`);
    const keyField = page.getByRole('textbox', { name: 'Organisationsnøgle', exact: true });
    await keyField.fill('crk1_forkert');
    await keyField.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Organisationsnøglen blev ikke godkendt' }).waitFor();
    await expectAccessibleOnProjectors(page, 'admin, a wrong key');
    expect(await tabThroughPage(page)).toEqual([
      'Til forsiden',
      'Dansk',
      'English',
      'Organisationsnøgle',
      'Vis nøglen',
      'Åbn administrationen',
    ]);

    await keyField.fill(organisationKey);
    await keyField.press('Enter');
    const members = page.getByRole('region', { name: 'Personer med adgang til porteføljen' });
    await members.getByLabel('Navn', { exact: true }).fill('Bo Kollega');
    await members.getByRole('button', { name: 'Tilføj person' }).click();
    await members.getByRole('heading', { name: 'Link til Bo Kollega' }).waitFor();
    await expectAccessibleOnProjectors(page, 'admin, a new link');
    const stops = await tabThroughPage(page);
    expect(stops).toEqual(
      expect.arrayContaining([
        'Personligt link til porteføljen',
        'Kopiér linket',
        'Jeg har sendt linket – luk',
        'Tilbagekald Bo Kollegas link',
        'Slet arkiverede sager efter … dage',
        'Sagens id eller link',
      ]),
    );

    await members.getByRole('button', { name: 'Jeg har sendt linket – luk' }).click();
    await members.getByRole('button', { name: 'Tilbagekald Bo Kollegas link' }).click();
    await members.getByRole('group', { name: 'Tilbagekald Bo Kollegas link?' }).waitFor();
    await expectAccessibleOnProjectors(page, 'admin, confirming a revocation');
    await page.keyboard.press('Escape');
    await expectFocusOn(page, 'Tilbagekald Bo Kollegas link');

    const created = await fundCase('Persondata: Odense');
    await inviteParty(server.url, created.id, created.token, {
      name: 'Odense Kommune',
      kind: 'department',
      role: 'editor',
    });
    const personal = page.getByRole('region', { name: 'Persondata i en sag' });
    await personal.getByLabel('Sagens id eller link').fill(created.id);
    await personal.getByRole('button', { name: 'Hent persondata' }).click();
    await personal.getByText('Odense Kommune').waitFor();
    await expectAccessibleOnProjectors(page, 'admin, personal data');
    await page.screenshot({ path: '/tmp/fund-admin-1024.png', fullPage: true });
  });
});

describe('in the room', () => {
  it('the library values and the co-sign part of the sign-off dialog pass axe and are used by keyboard on a projector', async () => {
    const created = await fundCase('Rummet: Næstved');
    const party = await inviteParty(server.url, created.id, created.token, {
      name: 'Jobcenter Næstved',
      kind: 'provider',
      role: 'editor',
    });
    const anne = await openPerson(browser, { name: 'Anne Holm', department: 'Jobcenter' });
    const bent = await openPerson(browser, { name: 'Bent Berg', department: 'Økonomi' });
    try {
      const { page } = anne;
      await page.setViewportSize(PROJECTORS[1]);
      await openCase(page, server.url, { id: created.id, token: party.token });
      await openSection(page, 'Resultatmål');
      // Every outcome has its library values, but not a landmark each with the same name.
      expect(await items(page).count()).toBeGreaterThan(1);
      expect(await page.locator('.library-values').count()).toBe(await items(page).count());
      expect(await page.getByRole('region', { name: 'Værdi fra biblioteket' }).count()).toBe(0);

      // By keyboard: open "Værdi fra biblioteket", choose, and take the value.
      const outcome = items(page).first();
      const summary = outcome.locator('summary', { hasText: 'Værdi fra biblioteket' });
      await summary.focus();
      await page.keyboard.press('Enter');
      const entry = outcome.getByLabel('Enhedsværdi', { exact: true });
      const sickness = await entry.locator('option', { hasText: 'sygedagpenge' }).getAttribute('value');
      await entry.selectOption(sickness ?? '');
      await outcome.getByRole('note').waitFor();
      await summary.focus();
      const stops = await tabTo(page, 'Indsæt værdien');
      expect(stops.map((stop) => stop.name)).toEqual([
        'Forvaltning',
        'Enhedsværdi',
        'Indeksfaktor (valgfri)',
        'Kilde til indeksfaktoren',
        'Indsæt værdien',
      ]);
      await page.keyboard.press('Enter');
      await expect.poll(() => outcome.getByRole('status').first().textContent()).toContain('130.000 kr.');
      // The room's own layout at 1024 px is the room's matter (projectorRoom.test.ts holds it at
      // 1280 and 1920): here the library values themselves are checked, on both projectors.
      for (const screen of PROJECTORS) {
        await page.setViewportSize(screen);
        const at = `library values at ${screen.width}×${screen.height}`;
        expect(await seriousAxeViolations(page), at).toEqual([]);
        expect(await clippedButtons(page), at).toEqual([]);
        expect(await sidewaysScrolling(page, '.library-values'), at).toEqual([]);
        await outcome.locator('.library-values').screenshot({ path: `/tmp/fund-room-library-${screen.width}.png` });
      }

      // Anne signs for her party; Bent, sharing the party's link, co-signs by keyboard.
      const call = (method: 'POST' | 'PUT', path: string, body: unknown) =>
        api(server.url, created.token, method, `/api/cases/${created.id}${path}`, body);
      expect((await call('POST', '/workshop/phase', { phase: 3 })).status).toBe(200);
      expect((await call('PUT', '/workshop/required-signers', { partyIds: [party.party.id] })).status).toBe(200);
      const workshop = page.getByRole('region', { name: 'Workshop' });
      await workshop.getByRole('button', { name: /^Godkendelse/ }).click();
      const anneDialog = page.getByRole('dialog', { name: 'Godkendelse' });
      await anneDialog.getByRole('button', { name: 'Godkend denne version' }).click();
      await anneDialog.locator('.signoff-row[data-state="current"]').waitFor();

      await bent.page.setViewportSize(PROJECTORS[1]);
      await openCase(bent.page, server.url, { id: created.id, token: party.token });
      await bent.page.locator('body').focus();
      await tabTo(bent.page, /^Godkendelse/);
      await bent.page.keyboard.press('Enter');
      const dialog = bent.page.getByRole('dialog', { name: 'Godkendelse' });
      await dialog.getByRole('button', { name: 'Godkend også med dit navn' }).waitFor();
      expect(await seriousAxeViolations(bent.page)).toEqual([]);
      expect(await clippedButtons(bent.page)).toEqual([]);
      const toCoSign = await tabTo(bent.page, 'Godkend også med dit navn');
      for (const stop of toCoSign) expect(stop.inDialog).toBe('Godkendelse');
      expect(toCoSign.map((stop) => stop.name)).toContain('Dit navn (står i kontraktbilaget)');
      await bent.page.keyboard.press('Enter');
      await expect
        .poll(() => dialog.locator('.signoff-row', { hasText: 'Jobcenter Næstved' }).textContent())
        .toContain('godkendt af Anne Holm, Bent Berg');
      // Focus stays in the dialog, on the agreement line, visible.
      await expect.poll(async () => (await focused(bent.page)).inDialog).toBe('Godkendelse');
      expect((await focused(bent.page)).ring).toBe(true);
      expect(await seriousAxeViolations(bent.page)).toEqual([]);
      await bent.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expectFocusOn(bent.page, /^Godkendelse/);
      expect(pageErrors(anne.page)).toEqual([]);
      expect(pageErrors(bent.page)).toEqual([]);
    } finally {
      await anne.context.close();
      await bent.context.close();
    }
  });
});
