import { exampleCase } from '@caseroom/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { openCase } from './room.ts';

/**
 * Issue 13, the dot vote on a projector (1280×800): the facilitator (Fie), an editor (Erik) and
 * an observer (Olga) in the example case. After a reveal where two candidates have 3 dots and
 * one has 1, every role's bars measure points / the highest count of the track's width; names
 * keep their line beside the "Beslut" button; the turnout line says how many may vote before
 * the reveal and "n af m har stemt" after it; dots and the decision work from the keyboard.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let erik: Person;
let olga: Person;
/** Fie again, in a second tab in English: her party is counted once, and the dialog reads in English. */
let fieEnglish: Person;
let everyone: Person[];

const [first, second, third] = exampleCase().interventions.candidates.map((candidate) => candidate.name ?? '');
const A = first ?? '';
const B = second ?? '';
const C = third ?? '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const created = await createCase(server.url, { example: true });
  const editor = await inviteParty(server.url, created.id, created.token, {
    name: 'Jobcenter Holbæk',
    kind: 'provider',
    role: 'editor',
  });
  const observer = await inviteParty(server.url, created.id, created.token, {
    name: 'Revisionen',
    kind: 'observer',
    role: 'observer',
  });
  [fie, erik, olga, fieEnglish] = await Promise.all([
    openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' }),
    openPerson(browser, { name: 'Erik Eriksen', department: 'Jobcenter' }),
    openPerson(browser, { name: 'Olga Olsen', department: 'Revision' }),
    openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden', language: 'en' }),
  ]);
  everyone = [fie, erik, olga];
  await Promise.all([
    openCase(fie.page, server.url, created),
    openCase(fieEnglish.page, server.url, created),
    openCase(erik.page, server.url, { id: created.id, token: editor.token }),
    openCase(olga.page, server.url, { id: created.id, token: observer.token }),
  ]);
  await erik.page.locator('.room[data-role="editor"]').waitFor();
  await olga.page.locator('.room[data-role="observer"]').waitFor();
});

afterEach(() => {
  for (const person of [...(everyone ?? []), fieEnglish]) if (person) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openVoteDialog(page: Page): Promise<Locator> {
  await page
    .getByRole('region', { name: 'Workshop' })
    .getByRole('button', { name: /^Afstemning/ })
    .click();
  const opened = page.getByRole('dialog', { name: /^Afstemning med point/ });
  await opened.waitFor();
  return opened;
}

/** Presses Tab until the focused element's accessible name (aria-label or text) is `name`, then Enter: no mouse. */
async function pressByKeyboard(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 120; step++) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element ? (element.getAttribute('aria-label') ?? element.textContent ?? '').trim() : '';
    });
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`no focusable element named "${name}" within 120 tabs`);
}

/** The width of an item's bar (0 when it has none) and of its track, in CSS pixels. */
async function barOf(dialog: Locator, name: string): Promise<{ bar: number; track: number }> {
  const row = dialog.locator('.vote-row').filter({ has: dialog.page().getByText(name, { exact: true }) });
  const track = await row.locator('.vote-track').evaluate((element) => element.clientWidth);
  const bars = row.locator('.vote-bar');
  const bar = (await bars.count()) === 0 ? 0 : ((await bars.boundingBox())?.width ?? 0);
  return { bar, track };
}

/** How many lines an element's text takes (its height over its line height). */
function lines(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const style = getComputedStyle(node);
    const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
    return node.getBoundingClientRect().height / lineHeight;
  });
}

describe('[W7] the dot vote on a projector', () => {
  it('draws bars proportional to the points on every role’s screen, keeps names on their line, says who voted, and runs from the keyboard', async () => {
    expect(new Set([A, B, C]).size).toBe(3);
    const fieVote = await openVoteDialog(fie.page);
    await fieVote.getByLabel('Hvad stemmer I om?').selectOption('interventions');
    await fieVote.getByLabel('Point pr. person').fill('4');
    await fieVote.getByRole('button', { name: 'Start afstemning' }).click();
    await fieVote.getByText('Afstemningen er åben').waitFor();
    const erikVote = await openVoteDialog(erik.page);
    const olgaVote = await openVoteDialog(olga.page);
    const dialogs = [fieVote, erikVote, olgaVote];

    // Before the reveal: the facilitator and the editor may vote, the observer not — on every
    // screen, with how many have voted so far (never what).
    for (const opened of dialogs) {
      await expect.poll(() => opened.locator('.vote-turnout').textContent()).toBe('0 af 2 har stemt');
      expect(await opened.locator('.vote-row').count()).toBe(0);
    }

    // Erik votes with the keyboard only: A once, B twice.
    await pressByKeyboard(erik.page, `Giv et point til ${A}`);
    await erikVote.getByText('Du har brugt 1 af 4 point').waitFor();
    for (const opened of dialogs) {
      await expect.poll(() => opened.locator('.vote-turnout').textContent()).toBe('1 af 2 har stemt');
    }
    await pressByKeyboard(erik.page, `Giv et point til ${B}`);
    await erikVote.getByText('Du har brugt 2 af 4 point').waitFor();
    await pressByKeyboard(erik.page, `Giv et point til ${B}`);
    await erikVote.getByText('Du har brugt 3 af 4 point').waitFor();
    for (const name of [A, B, C])
      expect(await lines(erikVote.locator('.ballot-name', { hasText: name }))).toBeLessThanOrEqual(2.05);
    expect(await seriousAxeViolations(erik.page)).toEqual([]);

    // Fie: A twice, B and C once each.
    for (const name of [A, A, B, C]) await fieVote.getByRole('button', { name: `Giv et point til ${name}` }).click();
    await fieVote.getByText('Du har brugt 4 af 4 point').waitFor();
    for (const opened of dialogs) {
      await expect.poll(() => opened.locator('.vote-turnout').textContent()).toBe('2 af 2 har stemt');
      expect(await opened.locator('.vote-row').count()).toBe(0);
    }

    await fieVote.getByRole('button', { name: 'Vis resultatet' }).click();
    for (const opened of dialogs) {
      await expect.poll(() => opened.locator('.vote-turnout').textContent()).toBe('2 af 2 har stemt');
      await expect.poll(() => opened.locator('.vote-row').count()).toBe(3);
    }

    // Every role's bars: width = points / 3 of the full track, within 2 px; 3 and 3 equal.
    const widths: number[] = [];
    for (const opened of dialogs) {
      const a = await barOf(opened, A);
      const b = await barOf(opened, B);
      const c = await barOf(opened, C);
      expect(a.track).toBeGreaterThan(300);
      expect(b.track).toBe(a.track);
      expect(Math.abs(a.bar - a.track)).toBeLessThanOrEqual(2);
      expect(Math.abs(b.bar - a.bar)).toBeLessThanOrEqual(2);
      expect(Math.abs(c.bar - a.bar / 3)).toBeLessThanOrEqual(2);
      expect(c.bar).toBeGreaterThan(50);
      widths.push(a.bar);
      for (const name of [A, B, C]) {
        const nameElement = opened.locator('.vote-row .vote-name', { hasText: name });
        expect(await lines(nameElement)).toBeLessThanOrEqual(2.05);
      }
      expect(await opened.locator('.vote-row .vote-count').allTextContents()).toEqual([
        '3 point',
        '3 point',
        '1 point',
      ]);
    }
    // The same scale on every screen (the dialogs are equally wide at 1280×800).
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(2);

    // Only the facilitator decides; the short "Beslut" carries the item's name.
    expect(await fieVote.getByRole('button', { name: `Beslut: ${A}` }).textContent()).toBe('Beslut');
    for (const opened of [erikVote, olgaVote])
      expect(await opened.getByRole('button', { name: /^Beslut/ }).count()).toBe(0);
    for (const { page } of everyone) expect(await seriousAxeViolations(page)).toEqual([]);
    const folder = process.env.E2E_SCREENSHOTS;
    if (folder)
      for (const { page, name } of everyone)
        await page.screenshot({ path: `${folder}/vote-bars-${name.split(' ')[0]}.png` });

    // In English, from Fie's second tab: her party counted once, the short button named by its item.
    await fieEnglish.page.getByRole('region', { name: 'Workshop' }).getByRole('button', { name: /^Vote/ }).click();
    const english = fieEnglish.page.getByRole('dialog', { name: /^Dot vote/ });
    await expect.poll(() => english.locator('.vote-turnout').textContent()).toBe('2 of 2 have voted');
    expect(await english.getByRole('button', { name: `Decide: ${A}` }).textContent()).toBe('Decide');
    expect(Math.abs((await barOf(english, C)).bar - (await barOf(english, A)).bar / 3)).toBeLessThanOrEqual(2);

    // Fie decides with the keyboard only.
    await pressByKeyboard(fie.page, `Beslut: ${A}`);
    for (const opened of dialogs) await opened.getByText('Afgjort').waitFor();
  });
});
