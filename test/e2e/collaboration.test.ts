import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { type CaseLink, editor, enterNumber, field, itemById, items, linkUrl, openCase, openSection } from './room.ts';

/**
 * Two people, each in their own browser context (own storage, own connection), against a real
 * server that serves the built client (run `pnpm build` first). The two stay for the whole file
 * (a context costs seconds here); each test opens a fresh case.
 */
let server: TestServer;
let browser: Browser;
let anne: Person;
let bo: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  anne = await openPerson(browser, { name: 'Anne Holm', department: 'Jobcenter' });
  bo = await openPerson(browser, { name: 'Bo Berg', department: 'Økonomi' });
});

afterEach(() => {
  expect(pageErrors(anne.page)).toEqual([]);
  expect(pageErrors(bo.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function twoPeopleIn(link: CaseLink): Promise<[Person, Person]> {
  await Promise.all([openCase(anne.page, server.url, link), openCase(bo.page, server.url, link)]);
  return [anne, bo];
}

describe('two people editing one case', () => {
  it('text typed into the problem editor by one appears for the other', async () => {
    const created = await createCase(server.url);
    const [anne, bo] = await twoPeopleIn(created);
    await Promise.all([openSection(anne.page, 'Problem'), openSection(bo.page, 'Problem')]);

    await editor(anne.page, 'Problemet').click();
    await anne.page.keyboard.type('Mange sygemeldte mister kontakten til arbejdsmarkedet.');

    await expect
      .poll(() => editor(bo.page, 'Problemet').textContent())
      .toContain('Mange sygemeldte mister kontakten til arbejdsmarkedet.');
  });

  it('a number typed into an outcome appears for the other in Danish format', async () => {
    const created = await createCase(server.url, { example: true });
    const [anne, bo] = await twoPeopleIn(created);
    await Promise.all([openSection(anne.page, 'Resultatmål'), openSection(bo.page, 'Resultatmål')]);

    await enterNumber(field(items(bo.page).first(), 'Værdi for Jobcenter'), '1234567');
    await enterNumber(field(items(bo.page).first(), 'Forventet niveau'), '37,5');

    await expect.poll(() => field(items(anne.page).first(), 'Værdi for Jobcenter').inputValue()).toBe('1.234.567');
    await expect.poll(() => field(items(anne.page).first(), 'Forventet niveau').inputValue()).toBe('37,5');
    // Bo's own field shows the committed value in Danish format too.
    expect(await field(items(bo.page).first(), 'Værdi for Jobcenter').inputValue()).toBe('1.234.567');
  });

  it('an edit to an outcome survives someone else moving that outcome', async () => {
    const created = await createCase(server.url, { example: true });
    const [anne, bo] = await twoPeopleIn(created);
    await Promise.all([openSection(anne.page, 'Resultatmål'), openSection(bo.page, 'Resultatmål')]);
    const firstId = (await items(bo.page).first().getAttribute('id'))!;

    // Bo is typing a price into the first outcome when Anne moves that outcome down.
    const price = field(itemById(bo.page, firstId), 'Pris pr. resultat, målepunkt 12 måneder');
    await price.click();
    await price.fill('123456');
    await anne.page.getByRole('button', { name: 'Flyt Resultatmål 1 ned' }).click();
    await expect.poll(() => items(bo.page).nth(1).getAttribute('id')).toBe(firstId);
    await field(itemById(bo.page, firstId), 'Pris pr. resultat, målepunkt 12 måneder').press('Enter');

    for (const page of [anne.page, bo.page]) {
      await expect.poll(() => items(page).nth(1).getAttribute('id')).toBe(firstId);
      await expect
        .poll(() => field(items(page).nth(1), 'Pris pr. resultat, målepunkt 12 måneder').inputValue())
        .toBe('123.456');
      await expect.poll(() => field(items(page).nth(1), 'Navn').inputValue()).toBe('Ordinær beskæftigelse');
    }
    // Keyboard focus stays on the move button Anne pressed (now "move up", as the item is last).
    await expect
      .poll(() => anne.page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Flyt Resultatmål 2 op');
  });

  it("undo takes back one's own changes and leaves the other person's alone", async () => {
    const created = await createCase(server.url, { example: true });
    const [anne, bo] = await twoPeopleIn(created);
    await Promise.all([openSection(anne.page, 'Resultatmål'), openSection(bo.page, 'Resultatmål')]);

    const original = await field(items(anne.page).first(), 'Pris pr. resultat, målepunkt 12 måneder').inputValue();
    expect(original).not.toBe('50.000');
    await enterNumber(field(items(anne.page).first(), 'Pris pr. resultat, målepunkt 12 måneder'), '50.000');
    await expect
      .poll(() => field(items(bo.page).first(), 'Pris pr. resultat, målepunkt 12 måneder').inputValue())
      .toBe('50.000');
    await enterNumber(field(items(bo.page).first(), 'Basisniveau'), '25');
    await expect.poll(() => field(items(anne.page).first(), 'Basisniveau').inputValue()).toBe('25');

    await anne.page.getByRole('button', { name: 'Fortryd' }).click();

    for (const page of [anne.page, bo.page]) {
      await expect
        .poll(() => field(items(page).first(), 'Pris pr. resultat, målepunkt 12 måneder').inputValue())
        .toBe(original);
      expect(await field(items(page).first(), 'Basisniveau').inputValue()).toBe('25');
    }
    await anne.page.getByRole('button', { name: 'Gentag' }).click();
    await expect
      .poll(() => field(items(bo.page).first(), 'Pris pr. resultat, målepunkt 12 måneder').inputValue())
      .toBe('50.000');
  });

  it('undo with Ctrl+Z in the rich-text editor removes only one’s own typing', async () => {
    const created = await createCase(server.url);
    const [anne, bo] = await twoPeopleIn(created);
    await Promise.all([openSection(anne.page, 'Problem'), openSection(bo.page, 'Problem')]);

    await editor(bo.page, 'Problemet').click();
    await bo.page.keyboard.type('Bo skrev dette.');
    await expect.poll(() => editor(anne.page, 'Problemet').textContent()).toContain('Bo skrev dette.');
    await editor(anne.page, 'Problemet').click();
    await anne.page.keyboard.press('End');
    await anne.page.keyboard.type(' Anne tilføjede dette.');
    await expect.poll(() => editor(bo.page, 'Problemet').textContent()).toContain('Anne tilføjede dette.');

    await anne.page.keyboard.press('Control+z');

    for (const page of [anne.page, bo.page]) {
      await expect.poll(() => editor(page, 'Problemet').textContent()).not.toContain('Anne tilføjede');
      expect(await editor(page, 'Problemet').textContent()).toContain('Bo skrev dette.');
    }
  });

  it('each sees the other in the presence list, with department and section', async () => {
    const created = await createCase(server.url, { example: true });
    const [anne, bo] = await twoPeopleIn(created);
    await openSection(anne.page, 'Problem');
    await openSection(bo.page, 'Resultatmål');

    // Both opened the facilitator's link: the server names them by that party (A8); the name
    // each typed follows, marked as self-entered.
    const person = (page: Person['page'], name: string) =>
      page.locator('.presence-person', { has: page.locator('.presence-own-name', { hasText: name }) });
    await expect.poll(() => person(anne.page, 'Bo Berg').textContent()).toContain('Økonomi · Resultatmål');
    await expect.poll(() => person(bo.page, 'Anne Holm').textContent()).toContain('Jobcenter · Problem');
    for (const [page, name] of [
      [anne.page, 'Bo Berg'],
      [bo.page, 'Anne Holm'],
    ] as const) {
      expect(await person(page, name).locator('.presence-party').textContent()).toBe('Facilitator');
      expect(await person(page, name).locator('.presence-own-name').textContent()).toBe(`${name} (selv oplyst)`);
      expect(await person(page, name).locator('.role-badge').textContent()).toContain('Facilitator');
    }
    await expect.poll(() => anne.page.locator('.presence-heading').textContent()).toBe('2 personer i sagen');
    // The section list shows who is where, for screen readers too.
    await expect
      .poll(() =>
        bo.page
          .getByRole('navigation')
          .getByRole('button', { name: /^Problem/ })
          .textContent(),
      )
      .toContain('Her nu: Facilitator (Anne Holm)');
  });

  it('an invalid number shows an inline error and is not written to the case', async () => {
    const created = await createCase(server.url, { example: true });
    const [anne, bo] = await twoPeopleIn(created);
    await Promise.all([openSection(anne.page, 'Resultatmål'), openSection(bo.page, 'Resultatmål')]);

    const price = field(items(anne.page).first(), 'Pris pr. resultat, målepunkt 12 måneder');
    const original = await price.inputValue();
    expect(original).not.toBe('95.000');
    await enterNumber(price, '12,3,4');
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await price.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await anne.page.locator(`[id="${errorId}"]`).textContent()).toContain('Det er ikke et tal');

    // A valid change elsewhere reaches Bo, the invalid one never does.
    await enterNumber(field(items(anne.page).first(), 'Basisniveau'), '21');
    await expect.poll(() => field(items(bo.page).first(), 'Basisniveau').inputValue()).toBe('21');
    expect(await field(items(bo.page).first(), 'Pris pr. resultat, målepunkt 12 måneder').inputValue()).toBe(original);

    // Fixing the entry clears the error and writes it.
    await enterNumber(price, '95.000');
    expect(await price.getAttribute('aria-invalid')).toBeNull();
    await expect
      .poll(() => field(items(bo.page).first(), 'Pris pr. resultat, målepunkt 12 måneder').inputValue())
      .toBe('95.000');
  });

  it('a reload shows everything again', async () => {
    const created = await createCase(server.url);
    const [anne, bo] = await twoPeopleIn(created);
    await anne.page.getByLabel('Sagens titel', { exact: true }).fill('Unge på kanten');
    await openSection(anne.page, 'Problem');
    await editor(anne.page, 'Problemet').click();
    await anne.page.keyboard.type('Tekst der skal overleve en genindlæsning.');
    await expect.poll(() => bo.page.locator('.case-title').textContent()).toBe('Unge på kanten');

    for (const page of [anne.page, bo.page]) {
      await page.reload();
      await page.locator('#section-heading').waitFor();
      await openSection(page, 'Problem');
      await expect
        .poll(() => editor(page, 'Problemet').textContent())
        .toBe('Tekst der skal overleve en genindlæsning.');
      expect(await page.locator('.case-title').textContent()).toBe('Unge på kanten');
    }
  });

  it('editing continues offline and merges when the connection is back', async () => {
    const created = await createCase(server.url);
    const [anne, bo] = await twoPeopleIn(created);
    await Promise.all([openSection(anne.page, 'Problem'), openSection(bo.page, 'Problem')]);

    await bo.context.setOffline(true);
    try {
      await bo.page.locator('.connection[data-state="offline"]').waitFor();
      expect(await bo.page.locator('.connection').textContent()).toContain('gemmes på denne enhed');
      await editor(bo.page, 'Problemet').click();
      await bo.page.keyboard.type('Skrevet i toget.');
      await editor(anne.page, 'Problemet').click();
      await anne.page.keyboard.type('Skrevet i mødelokalet.');
      await anne.page.waitForTimeout(300);
      expect(await editor(anne.page, 'Problemet').textContent()).not.toContain('toget');
    } finally {
      await bo.context.setOffline(false);
    }

    await bo.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    for (const page of [anne.page, bo.page]) {
      await expect
        .poll(() => editor(page, 'Problemet').textContent(), { timeout: 10_000 })
        .toContain('Skrevet i toget.');
      expect(await editor(page, 'Problemet').textContent()).toContain('Skrevet i mødelokalet.');
    }
  });

  it('tells the person when a case does not exist', async () => {
    await anne.page.goto(linkUrl(server.url, { id: 'no-such-case', token: 'cr1_not-a-real-token' }));
    await anne.page.getByRole('heading', { name: 'Sagen findes ikke' }).waitFor({ timeout: 15_000 });
    expect(await anne.page.getByRole('alert').textContent()).toContain('Der er ingen sag med denne adresse');
  });
});
