import { exampleCase } from '@caseroom/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { api, createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { openCase, openSection } from './room.ts';

/**
 * Issue 13, names and language: the versions the server names by itself read in Danish in the
 * Danish room (the server stores them in English, as older servers did), each history button is
 * named by its version, the comment dialog names its item, and the invite dialog keeps every
 * link it made and starts its form over after each.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let created: { id: string; token: string };

const outcome = exampleCase().outcomes[1];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  created = await createCase(server.url, { example: true });
  const editor = await inviteParty(server.url, created.id, created.token, {
    name: 'Jobcenter Holbæk',
    kind: 'provider',
    role: 'editor',
  });
  const at = `/api/cases/${created.id}`;
  // A phase change, a sign-off, a named version and a restore of it: four names, three automatic.
  expect((await api(server.url, created.token, 'POST', `${at}/workshop/phase`, { phase: 3 })).status).toBe(200);
  const view = await api(server.url, editor.token, 'GET', `${at}/workshop`);
  const signed = await api(server.url, editor.token, 'POST', `${at}/workshop/signoffs`, {
    hash: view.body.contentHash,
  });
  expect(signed.status).toBe(201);
  const named = await api(server.url, created.token, 'POST', `${at}/snapshots`, { name: 'Før budgetmødet' });
  expect(named.status).toBe(201);
  const restored = await api(server.url, created.token, 'POST', `${at}/snapshots/${named.body.id}/restore`);
  expect(restored.status).toBe(200);
  // The wire keeps the stored (English) names: the client renders them.
  expect(restored.body.before.name).toBe('Before restoring "Før budgetmødet"');

  fie = await openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' });
  await openCase(fie.page, server.url, created);
});

afterEach(async () => {
  expect(pageErrors(fie.page)).toEqual([]);
  for (const open of await fie.page.locator('dialog[open]').all()) await open.press('Escape');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: new RegExp(`^${title}`) });
}

describe('names in Danish (issue 13)', () => {
  it('automatic version names read in Danish, and every history button says which version it acts on', async () => {
    await fie.page
      .getByRole('region', { name: 'Workshop' })
      .getByRole('button', { name: /^Historik/ })
      .click();
    const history = dialog(fie.page, 'Historik');
    await history.locator('.snapshot').nth(3).waitFor();
    const names = await history.locator('.snapshot-name').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining([
        'Fase 3',
        'Godkendelse: Jobcenter Holbæk',
        'Før budgetmødet',
        'Før gendannelse af »Før budgetmødet«',
      ]),
    );
    expect(await history.textContent()).not.toMatch(/Phase \d|Sign-off|Before restoring/);

    for (const name of [
      'Før budgetmødet',
      'Fase 3',
      'Godkendelse: Jobcenter Holbæk',
      'Før gendannelse af »Før budgetmødet«',
    ]) {
      for (const verb of ['Vis', 'Ændret siden', 'Gendan', 'Eksportér']) {
        const button = history.getByRole('button', { name: `${verb} ${name}`, exact: true });
        expect(await button.count(), `${verb} ${name}`).toBe(1);
      }
    }
    // The visible text stays short (the version's name is for screen readers only).
    const row = history.locator('.snapshot', { has: fie.page.locator('.snapshot-name', { hasText: /^Fase 3$/ }) });
    const visible = await row.locator('.snapshot-actions button').evaluateAll((buttons) =>
      buttons.map((button) => {
        const copy = button.cloneNode(true) as HTMLElement;
        for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
        return copy.textContent?.trim();
      }),
    );
    expect(visible).toEqual(['Vis', 'Ændret siden', 'Gendan', 'Eksportér']);
    // The restore confirmation and the version's view name it in Danish too.
    await history.getByRole('button', { name: 'Gendan Fase 3', exact: true }).click();
    await expect.poll(() => row.locator('.confirm').textContent()).toContain('Gendan »Fase 3«?');
    await row.getByRole('button', { name: 'Annuller' }).click();
    expect(await seriousAxeViolations(fie.page)).toEqual([]);
  });

  it('the comment dialog names the item by its title and name', async () => {
    await openSection(fie.page, 'Resultatmål');
    const subject = `Resultatmål 2 – ${outcome?.name}`;
    await fie.page.getByRole('button', { name: `Kommentarer til ${subject}` }).click();
    const comments = dialog(fie.page, 'Kommentarer');
    await comments.waitFor();
    expect(await comments.getByRole('heading').first().textContent()).toBe(`Kommentarer: ${subject}`);
  });

  it('the invite dialog lists every link it made, newest first, and starts its form over after each', async () => {
    await fie.page
      .getByRole('button', { name: /Inviter/ })
      .first()
      .click();
    const invite = dialog(fie.page, 'Inviter parter');
    await invite.waitFor();
    const form = invite.locator('form.add-party');
    const department = form.getByLabel('Forvaltning', { exact: true });

    await form.getByLabel('Navn', { exact: true }).fill('Psykiatrien');
    const firstDepartment = await department.locator('option').nth(1).getAttribute('value');
    await department.selectOption(firstDepartment ?? '');
    await form.getByRole('radio', { name: 'Observatør' }).check();
    await form.getByRole('button', { name: 'Opret link' }).click();
    await invite.getByText('Link til Psykiatrien').waitFor();
    // The form starts over: no name, no department, an editor.
    await expect.poll(() => form.getByLabel('Navn', { exact: true }).inputValue()).toBe('');
    expect(await department.inputValue()).toBe('');
    expect(await form.getByRole('radio', { name: 'Redaktør' }).isChecked()).toBe(true);

    await form.getByLabel('Navn', { exact: true }).fill('Socialforvaltningen');
    await form.getByRole('button', { name: 'Opret link' }).click();
    await invite.getByText('Link til Socialforvaltningen').waitFor();
    const links = invite.locator('.new-links .new-link');
    expect(await links.count()).toBe(2);
    const labels = (await links.locator('label').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(labels).toEqual(['Link til Socialforvaltningen ✎ Redaktør', 'Link til Psykiatrien ◉ Observatør']);
    for (const name of ['Psykiatrien', 'Socialforvaltningen']) {
      expect(await invite.getByRole('button', { name: `Kopiér link til ${name}`, exact: true }).count()).toBe(1);
    }
    const [newest, older] = await links
      .locator('input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(newest).toMatch(/#token=/);
    expect(older).toMatch(/#token=/);
    expect(newest).not.toBe(older);
    expect(await seriousAxeViolations(fie.page)).toEqual([]);
  });
});
