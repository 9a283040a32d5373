import { exampleCase } from '@caseroom/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { expectFocusOn, type Focused, focused, tabTo } from './keyboard.ts';
import { openCase } from './room.ts';

/**
 * Issue 13, the dot vote by keyboard at 1280×800: the facilitator (Fie) opens a vote on the
 * outcomes, an editor (Erik) places his dots, Fie follows the turnout, reveals and decides —
 * Tab, Shift+Tab, Enter, Space, Escape, the arrow keys in the list chooser and digits in the
 * number field, never a mouse. At every stop focus shows a ring; when the button that had focus
 * goes ("Start afstemning", the last "+", "Vis resultatet", "Beslut", "Ny afstemning") focus stays in the dialog
 * and shows, never falling to the page; Escape gives focus back to the button that opened the
 * dialog; axe finds nothing serious in the open dialog.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let erik: Person;

const [firstOutcome, secondOutcome] = exampleCase().outcomes.map((outcome) => outcome.name ?? '');
const A = firstOutcome ?? '';
const B = secondOutcome ?? '';
const VOTE_DIALOG = /^Afstemning med point/;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const created = await createCase(server.url, { example: true });
  const editor = await inviteParty(server.url, created.id, created.token, {
    name: 'Jobcenter Holbæk',
    kind: 'provider',
    role: 'editor',
  });
  [fie, erik] = await Promise.all([
    openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' }),
    openPerson(browser, { name: 'Erik Eriksen', department: 'Jobcenter' }),
  ]);
  await Promise.all([
    openCase(fie.page, server.url, created),
    openCase(erik.page, server.url, { id: created.id, token: editor.token }),
  ]);
  await fie.page.locator('.room[data-role="facilitator"]').waitFor();
  await erik.page.locator('.room[data-role="editor"]').waitFor();
});

afterEach(() => {
  for (const person of [fie, erik]) if (person) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Fails unless focus is inside the vote dialog, on a control or line that shows a ring — not fallen to the page. */
async function expectFocusKeptInVote(page: Page, name: string | RegExp): Promise<Focused> {
  const now = await focused(page);
  expect(now.tag, 'focus fell to the page').not.toBe('body');
  expect(now.inDialog).toMatch(VOTE_DIALOG);
  return expectFocusOn(page, name);
}

/** From the top of the page: Tab to the workshop bar's vote button, Enter; the dialog opens with focus inside it. */
async function openVoteByKeyboard(page: Page, opener: string | RegExp) {
  await page.locator('body').focus();
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: VOTE_DIALOG });
  await dialog.waitFor();
  const first = await focused(page);
  expect(first.inDialog).toMatch(VOTE_DIALOG);
  expect(first.ring).toBe(true);
  return dialog;
}

describe('[issue 13] a keyboard journey through the dot vote', () => {
  it('the facilitator opens, follows, reveals and decides a vote and the editor places dots, with the keyboard only, focus always visible', async () => {
    expect(new Set([A, B]).size).toBe(2);

    // Fie opens the vote dialog and chooses what to vote on and how many points: arrow keys in
    // the list chooser, digits in the number field (tabbing into it selects what is there).
    const fieVote = await openVoteByKeyboard(fie.page, 'Afstemning');
    expect(await seriousAxeViolations(fie.page)).toEqual([]);
    await tabTo(fie.page, 'Hvad stemmer I om?');
    expect((await focused(fie.page)).tag).toBe('select');
    await fie.page.keyboard.press('ArrowDown');
    expect(await fieVote.getByLabel('Hvad stemmer I om?').inputValue()).toBe('outcomes');
    await tabTo(fie.page, 'Point pr. person');
    await fie.page.keyboard.press('Control+A');
    await fie.page.keyboard.type('2');
    expect(await fieVote.getByLabel('Point pr. person').inputValue()).toBe('2');
    const toStart = await tabTo(fie.page, 'Start afstemning');
    for (const stop of toStart) expect(stop.inDialog).toMatch(VOTE_DIALOG);
    await fie.page.keyboard.press('Enter');
    await fieVote.getByText('Afstemningen er åben').waitFor();
    await expect.poll(() => fieVote.locator('.vote-turnout').textContent()).toBe('0 af 2 har stemt');
    // The start button is gone: focus is on the vote's status line, in the dialog, with a ring.
    await expectFocusKeptInVote(fie.page, 'Afstemningen er åben');
    expect(await fieVote.getByRole('button', { name: 'Start afstemning' }).count()).toBe(0);

    // Erik opens the running vote ("Afstemning · åben") and gives A both his points: Enter, then Space.
    const erikVote = await openVoteByKeyboard(erik.page, /^Afstemning · åben/);
    await expect.poll(() => erikVote.locator('.vote-turnout').textContent()).toBe('0 af 2 har stemt');
    expect(await seriousAxeViolations(erik.page)).toEqual([]);
    const toDot = await tabTo(erik.page, `Giv et point til ${A}`);
    for (const stop of toDot) expect(stop.inDialog).toMatch(VOTE_DIALOG);
    await erik.page.keyboard.press('Enter');
    await erikVote.getByText('Du har brugt 1 af 2 point').waitFor();
    await expectFocusKeptInVote(erik.page, `Giv et point til ${A}`);
    await erik.page.keyboard.press('Space');
    await erikVote.getByText('Du har brugt 2 af 2 point').waitFor();
    // No points left: every "+" is disabled, so focus moves to the same item's "−", not to the page.
    await expect.poll(() => erikVote.getByRole('button', { name: `Giv et point til ${A}` }).isDisabled()).toBe(true);
    await expectFocusKeptInVote(erik.page, `Tag et point fra ${A}`);
    // Stored at once — there is no separate submit: Fie's turnout line counts him.
    await expect.poll(() => fieVote.locator('.vote-turnout').textContent()).toBe('1 af 2 har stemt');
    await expect.poll(() => erikVote.locator('.vote-turnout').textContent()).toBe('1 af 2 har stemt');
    expect(await seriousAxeViolations(erik.page)).toEqual([]);

    // Fie reveals: Tab to "Vis resultatet", Enter. The button goes; focus stays on the status line.
    await tabTo(fie.page, 'Vis resultatet');
    await fie.page.keyboard.press('Enter');
    await fieVote.getByText('Resultatet er vist').waitFor();
    await expect.poll(() => fieVote.locator('.vote-row').count()).toBe(2);
    await expectFocusKeptInVote(fie.page, 'Resultatet er vist');
    expect(await fieVote.getByRole('button', { name: 'Vis resultatet' }).count()).toBe(0);
    // Erik's "−" went with his ballot at the reveal: his focus too lands on the status line.
    await expect.poll(() => erikVote.locator('.vote-row').count()).toBe(2);
    await expectFocusKeptInVote(erik.page, 'Resultatet er vist');
    expect(await seriousAxeViolations(fie.page)).toEqual([]);

    // Fie decides A: Tab to "Beslut: A", Space. Every "Beslut" goes; focus stays on the status line.
    await tabTo(fie.page, `Beslut: ${A}`);
    await fie.page.keyboard.press('Space');
    await fieVote.getByText('Afgjort').waitFor();
    await expectFocusKeptInVote(fie.page, 'Afgjort');
    expect(await fieVote.getByRole('button', { name: /^Beslut/ }).count()).toBe(0);
    await erikVote.getByText('Afgjort').waitFor();
    for (const { page } of [fie, erik]) expect(await seriousAxeViolations(page)).toEqual([]);

    // "Ny afstemning" goes too once pressed: focus lands on the new vote form's heading.
    await tabTo(fie.page, 'Ny afstemning');
    await fie.page.keyboard.press('Enter');
    await fieVote.getByRole('button', { name: 'Start afstemning' }).waitFor();
    await expectFocusKeptInVote(fie.page, 'Start en afstemning');
    expect(await seriousAxeViolations(fie.page)).toEqual([]);

    // Both close with Escape; focus is back on each one's vote button (no longer "· åben").
    for (const [page, opened] of [
      [fie.page, fieVote],
      [erik.page, erikVote],
    ] as const) {
      await page.keyboard.press('Escape');
      await opened.waitFor({ state: 'hidden' });
      const returned = await expectFocusOn(page, 'Afstemning');
      expect(returned.inDialog).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.closest('section.workshop-bar') !== null)).toBe(true);
    }
    // The decision is in the log.
    await fie.page
      .getByRole('region', { name: 'Workshop' })
      .getByRole('button', { name: 'Beslutninger (1)' })
      .waitFor();
  });
});
