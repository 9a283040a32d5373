import { fieldLabel } from '@caseroom/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { type CaseLink, enterNumber, field, items, openCase, openSection } from './room.ts';

/**
 * A number overwritten while offline is announced to its author (issue 11). Two editors, each
 * in their own browser context, set one outcome's expected rate at the same time, one of them
 * offline. Yjs keeps one of two concurrent values by client id: the person whose value loses
 * is the one with the lower id, so the test reads both ids (test hook) and sends that one
 * offline.
 */
let server: TestServer;
let browser: Browser;
let people: Person[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  people = await Promise.all([
    openPerson(browser, { name: 'Anne Holm', department: 'Jobcenter', testHooks: true }),
    openPerson(browser, { name: 'Bo Berg', department: 'Økonomi', testHooks: true }),
  ]);
});

afterEach(() => {
  for (const person of people) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the test hook exposes of the open case (client/src/features/caseRoom/caseSession.ts). */
type TestHook = { caseroomTest: { doc: { clientID: number }; provider: { synced: boolean } } };

/** The Yjs client id of the page's open case document. */
function clientId(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as TestHook).caseroomTest.doc.clientID);
}

const baselineRate = (page: Page) => field(items(page).first(), 'Basisniveau');
const notice = (page: Page) => page.locator('.offline-loss-notice');

describe('an offline number that another person’s value replaced', () => {
  it('tells its author the field, their value and the value that stands; the other person sees nothing', {
    timeout: 120_000,
  }, async () => {
    const created = await createCase(server.url, { example: true });
    const links: CaseLink[] = await Promise.all(
      ['Jobcenter Holbæk', 'Socialforvaltningen'].map(async (name) => ({
        id: created.id,
        token: (await inviteParty(server.url, created.id, created.token, { name, kind: 'provider', role: 'editor' }))
          .token,
      })),
    );
    await Promise.all(people.map((person, i) => openCase(person.page, server.url, links[i]!)));
    await Promise.all(people.map((person) => person.page.locator('.room[data-role="editor"]').waitFor()));
    await Promise.all(people.map((person) => openSection(person.page, 'Resultatmål')));
    const ids = await Promise.all(people.map((person) => clientId(person.page)));
    const [offline, online] = ids[0]! < ids[1]! ? [people[0]!, people[1]!] : [people[1]!, people[0]!];

    await offline.context.setOffline(true);
    try {
      await offline.page.locator('.connection[data-state="offline"]').waitFor();
      // Chromium's offline mode keeps the socket open but silent; the provider gives it up when
      // nothing has arrived for 30 s (y-websocket), as it does when a train leaves the network.
      await offline.page.waitForFunction(() => !(window as unknown as TestHook).caseroomTest.provider.synced, null, {
        timeout: 45_000,
        polling: 500,
      });
      await enterNumber(baselineRate(offline.page), '45');
      await enterNumber(baselineRate(online.page), '50');
      await expect.poll(() => baselineRate(online.page).inputValue()).toBe('50');
      // The online value goes to the server; the offline one stays on its device.
      await online.page.waitForTimeout(500);
      expect(await baselineRate(offline.page).inputValue()).toBe('45');
      expect(await notice(offline.page).count()).toBe(0);
    } finally {
      await offline.context.setOffline(false);
    }

    await offline.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });
    await notice(offline.page).waitFor({ timeout: 10_000 });
    const text = await notice(offline.page).textContent();
    expect(text).toContain(`${fieldLabel('outcome.baselineRate', 'da')} (`);
    expect(text).toContain('din værdi 45 % — nu 50 %');
    expect(await notice(offline.page).getAttribute('role')).toBe('alert');
    await expect.poll(() => baselineRate(offline.page).inputValue()).toBe('50');

    // "Go to the field" puts the cursor in it.
    await offline.page.locator('#section-heading').focus();
    await notice(offline.page)
      .getByRole('button', { name: /^Gå til feltet/ })
      .click();
    await expect
      .poll(() => offline.page.evaluate(() => document.activeElement?.getAttribute('data-path') ?? ''))
      .toMatch(/^outcomes\/[^/]+\/baselineRate$/);

    // The person whose value stood is told nothing.
    await online.page.waitForTimeout(500);
    expect(await notice(online.page).count()).toBe(0);

    await notice(offline.page).getByRole('button', { name: 'Luk' }).click();
    expect(await notice(offline.page).count()).toBe(0);
  });
});
