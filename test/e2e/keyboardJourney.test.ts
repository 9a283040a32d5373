import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { api, createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { expectFocusOn, focused, tabTo } from './keyboard.ts';
import { openCase } from './room.ts';

/**
 * Issue 13, a keyboard journey at 1280×800: the facilitator (Fie) writes a decision and an
 * editor (Erik) signs the case, both with Tab, Shift+Tab, Enter, Space and Escape only — never
 * a mouse. At every stop the focused element shows a focus ring (an outline or a box-shadow),
 * closing a dialog with Escape gives focus back to the button that opened it, and axe finds
 * nothing serious. Phase 3 and the list of who must sign are set through the API (setup).
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let erik: Person;
let created: { id: string; token: string };
let editorPartyId: string;

const DECISION = 'Vi går videre med IPS som første indsats.';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  created = await createCase(server.url, { example: true });
  const editor = await inviteParty(server.url, created.id, created.token, {
    name: 'Jobcenter Holbæk',
    kind: 'provider',
    role: 'editor',
  });
  editorPartyId = editor.party.id;
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

describe('[issue 13] a keyboard journey through decision and sign-off', () => {
  it('the facilitator writes a decision and the editor signs, with the keyboard only, focus always visible', async () => {
    // Fie: from the top of the page to the workshop bar's decisions button; Enter opens it.
    await fie.page.locator('body').focus();
    await tabTo(fie.page, 'Beslutninger');
    await fie.page.keyboard.press('Enter');
    const log = fie.page.getByRole('dialog', { name: 'Beslutningslog' });
    await log.waitFor();
    // Focus moved into the dialog and shows.
    const first = await focused(fie.page);
    expect(first.inDialog).toBe('Beslutningslog');
    expect(first.ring).toBe(true);

    await tabTo(fie.page, 'Ny beslutning');
    expect((await focused(fie.page)).tag).toBe('textarea');
    await fie.page.keyboard.type(DECISION);
    const toAdd = await tabTo(fie.page, 'Tilføj beslutning');
    for (const stop of toAdd) expect(stop.inDialog).toBe('Beslutningslog');
    await fie.page.keyboard.press('Enter');
    await log.locator('.decision-log .decision-text', { hasText: DECISION }).waitFor();
    // The form is ready for the next one: Shift+Tab back to an emptied text field.
    await tabTo(fie.page, 'Ny beslutning', 'Shift+Tab');
    expect(await log.getByLabel('Ny beslutning').inputValue()).toBe('');
    expect(await seriousAxeViolations(fie.page)).toEqual([]);

    // Escape closes, and focus is back on the button that opened the log (now with its count).
    await fie.page.keyboard.press('Escape');
    await log.waitFor({ state: 'hidden' });
    const back = await expectFocusOn(fie.page, 'Beslutninger (1)');
    expect(back.inDialog).toBeNull();
    expect(await fie.page.evaluate(() => document.activeElement?.closest('section.workshop-bar') !== null)).toBe(true);

    // Setup through the API: phase 3, and the editor's party must sign.
    const call = (method: 'POST' | 'PUT', path: string, body: unknown) =>
      api(server.url, created.token, method, `/api/cases/${created.id}${path}`, body);
    expect((await call('POST', '/workshop/phase', { phase: 3 })).status).toBe(200);
    expect((await call('PUT', '/workshop/required-signers', { partyIds: [editorPartyId] })).status).toBe(200);
    for (const { page } of [fie, erik])
      await page
        .getByRole('region', { name: 'Workshop' })
        .getByRole('button', { name: /^Godkendelse/ })
        .waitFor();

    // Fie opens the sign-off dialog with Space and waits for Erik.
    await tabTo(fie.page, /^Godkendelse/);
    await fie.page.keyboard.press('Space');
    const fieSign = fie.page.getByRole('dialog', { name: 'Godkendelse' });
    await fieSign.waitFor();
    const erikRow = fieSign.locator('.signoff-row', { hasText: 'Jobcenter Holbæk' });
    await expect.poll(() => erikRow.getAttribute('data-state')).toBe('missing');

    // Erik: Tab to "Godkendelse", Enter, Tab to "Godkend denne version", Enter.
    await erik.page.locator('body').focus();
    await tabTo(erik.page, /^Godkendelse/);
    await erik.page.keyboard.press('Enter');
    const erikSign = erik.page.getByRole('dialog', { name: 'Godkendelse' });
    await erikSign.waitFor();
    expect((await focused(erik.page)).inDialog).toBe('Godkendelse');
    const toSign = await tabTo(erik.page, 'Godkend denne version');
    for (const stop of toSign) expect(stop.inDialog).toBe('Godkendelse');
    await erik.page.keyboard.press('Enter');
    await expect
      .poll(() => erikSign.locator('.signoff-row', { hasText: 'Jobcenter Holbæk' }).getAttribute('data-state'))
      .toBe('current');
    // The sign button is gone once he has signed: focus moves to the agreement line (visible,
    // inside the dialog), not lost to the page.
    // The button may go (the signature arriving through the document) before the request answers.
    await expect.poll(async () => (await focused(erik.page)).name).toMatch(/Enighed: alle har godkendt denne version$/);
    const afterSigning = await expectFocusOn(erik.page, /Enighed: alle har godkendt denne version$/);
    expect(afterSigning.inDialog).toBe('Godkendelse');
    expect(await erikSign.getByRole('button', { name: 'Godkend denne version' }).count()).toBe(0);

    // The facilitator's dialog shows Erik as signed, and the case as agreed.
    await expect.poll(() => erikRow.getAttribute('data-state')).toBe('current');
    expect(await erikRow.textContent()).toContain('Godkendt');
    await fieSign.getByText('Enighed: alle har godkendt denne version').waitFor();
    for (const { page } of [fie, erik]) expect(await seriousAxeViolations(page)).toEqual([]);

    // Both close with Escape; focus goes back to each one's "Godkendelse" button.
    for (const [page, opened] of [
      [fie.page, fieSign],
      [erik.page, erikSign],
    ] as const) {
      await page.keyboard.press('Escape');
      await opened.waitFor({ state: 'hidden' });
      const returned = await expectFocusOn(page, /^Godkendelse/);
      expect(returned.inDialog).toBeNull();
    }
  });
});
