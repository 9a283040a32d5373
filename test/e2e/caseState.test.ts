import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { type CreatedCase, createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { type CaseLink, editor, openCase, openSection } from './room.ts';

/**
 * One store per open case (issue 11): a facilitator (Fie) and an editor (Erik, whose page can
 * play a modified client) hold links to two cases and move from one to the other in the same
 * tab, as a person does from the start page. Nothing of case A follows them into case B; and a
 * refusal notice lists what was refused, not what the person saved afterwards.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let erik: Person;
let caseA: CreatedCase;
let caseB: CreatedCase;
let erikA: CaseLink;
let erikB: CaseLink;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  [caseA, caseB] = await Promise.all([
    createCase(server.url, { example: true }),
    createCase(server.url, { example: true }),
  ]);
  const invite = async (created: CreatedCase) => {
    const party = await inviteParty(server.url, created.id, created.token, {
      name: 'Jobcenter Holbæk',
      kind: 'provider',
      role: 'editor',
    });
    return { id: created.id, token: party.token };
  };
  [erikA, erikB] = await Promise.all([invite(caseA), invite(caseB)]);
  [fie, erik] = await Promise.all([
    openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' }),
    openPerson(browser, { name: 'Erik Eriksen', department: 'Jobcenter', testHooks: true }),
  ]);
  // Each has opened both links once, so both cases are on their start page.
  await Promise.all([openCase(fie.page, server.url, caseB), openCase(erik.page, server.url, erikB)]);
  await Promise.all([openCase(fie.page, server.url, caseA), openCase(erik.page, server.url, erikA)]);
  await erik.page.locator('.room[data-role="editor"]').waitFor();
});

afterEach(() => {
  for (const person of [fie, erik]) if (person) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function heading(page: Page): Promise<string | null> {
  return page.locator('#section-heading').textContent();
}

/** Forges a change from the editor's page, as a modified client would (test hook). */
async function forge(page: Page, section: string, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ([section, key, value]) => {
      const test = (window as unknown as { caseroomTest: { doc: { getMap: (name: string) => Map<string, unknown> } } })
        .caseroomTest;
      test.doc.getMap(section as string).set(key as string, value);
    },
    [section, key, value] as const,
  );
}

/** Goes to another case in the same tab: the start page (the top bar's brand), then the case in the list. */
async function switchTo(page: Page, caseId: string): Promise<void> {
  await page.locator('a.brand').click();
  await page.locator(`a[href="/case/${encodeURIComponent(caseId)}"]`).click();
  await page.locator('#section-heading').waitFor();
  await page.locator('.connection[data-state="connected"]').waitFor();
  await page.locator('.room[data-role]').waitFor();
}

describe('one store per open case (issue 11)', () => {
  it('follow me, the open section and a refusal notice of case A do not follow into case B', async () => {
    // Case A: the facilitator leads to Resultatmål; the editor follows and gets a refusal.
    await fie.page.getByRole('button', { name: 'Følg mig' }).click();
    await erik.page.getByText('Du følger facilitator').waitFor();
    await openSection(fie.page, 'Resultatmål');
    await expect.poll(() => heading(erik.page)).toBe('Resultatmål');
    await forge(erik.page, 'workshop', 'phase', 3);
    const notice = erik.page.locator('.refused-notice[role="alert"]');
    await notice.waitFor();

    // Both open case B in the same tab.
    await switchTo(fie.page, caseB.id);
    await switchTo(erik.page, erikB.id);
    expect(await fie.page.getByRole('button', { name: 'Følg mig' }).getAttribute('aria-pressed')).toBe('false');
    for (const { page } of [fie, erik]) expect(await heading(page)).toBe('Fakta');
    expect(await notice.count()).toBe(0);
    expect(await erik.page.getByText('Du følger facilitator').count()).toBe(0);

    // Nobody leads in B: the editor stays where they are when the facilitator moves.
    await openSection(fie.page, 'Problem');
    await erik.page.waitForTimeout(500);
    expect(await heading(erik.page)).toBe('Fakta');
  });

  it('after a refusal in Målgruppe the editor types in Problem: the notice still lists only the refused change', async () => {
    await fie.page.getByRole('navigation').getByRole('button', { name: 'Lås afsnittet Målgruppe' }).click();
    await forge(erik.page, 'targetGroup', 'name', 'Forfalsket målgruppe');
    const notice = erik.page.locator('.refused-notice[role="alert"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Gælder: Målgruppe.');
    await expect
      .poll(() => notice.locator('li').allTextContents())
      .toEqual([expect.stringContaining('Forfalsket målgruppe')]);
    const refused = await notice.locator('li').allTextContents();

    // The room reloads from the server; the editor writes in Problem, and it is saved.
    await erik.page.locator('.connection[data-state="connected"]').waitFor();
    await erik.page.locator('.room[data-role="editor"]').waitFor();
    await openSection(erik.page, 'Problem');
    await editor(erik.page, 'Problemet').click();
    await erik.page.keyboard.press('Control+End');
    await erik.page.keyboard.type(' Skrevet efter afvisningen.');
    await openSection(fie.page, 'Problem');
    await expect.poll(() => editor(fie.page, 'Problemet').textContent()).toContain('Skrevet efter afvisningen.');

    expect(await notice.locator('li').allTextContents()).toEqual(refused);
    expect(await notice.textContent()).not.toContain('Problem');
    await notice.getByRole('button', { name: 'OK' }).click();
    await notice.waitFor({ state: 'hidden' });
  });
});
