import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { openCase, openSection } from './room.ts';

/**
 * Issue 13: follow-me (W6) brings the followed section's heading into view, also for someone
 * who had scrolled far down the section they were in. At 1280×800, the projector's size.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let erik: Person;

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
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whether the section heading is on screen and not covered (by the header or anything else). */
async function headingInView(page: Page): Promise<boolean> {
  return page.locator('#section-heading').evaluate((heading) => {
    const box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) return false;
    const top = document.elementFromPoint(box.left + Math.min(20, box.width / 2), box.top + box.height / 2);
    return top !== null && (top === heading || heading.contains(top));
  });
}

/** Scrolls to the bottom of the open section, as someone reading its last item would. */
async function scrollToBottom(page: Page): Promise<void> {
  await page.locator('main').evaluate((main) => {
    const last = main.lastElementChild ?? main;
    last.scrollIntoView({ block: 'end' });
  });
}

describe('follow me scrolls the followed section into view (issue 13)', () => {
  it('puts the heading of the section followed to in view for someone scrolled far down', async () => {
    await openSection(erik.page, 'Resultatmål');
    await scrollToBottom(erik.page);
    // The outcome section is long: scrolled to its end, its heading is out of view.
    expect(await headingInView(erik.page)).toBe(false);

    await openSection(fie.page, 'Problem');
    await fie.page.getByRole('button', { name: 'Følg mig' }).click();
    await erik.page.locator('#section-heading', { hasText: 'Problem' }).waitFor();
    await expect.poll(() => headingInView(erik.page)).toBe(true);

    // Again from far down: the facilitator moves on while Erik reads the end of "Problem".
    await openSection(fie.page, 'Resultatmål');
    await erik.page.locator('#section-heading', { hasText: 'Resultatmål' }).waitFor();
    await expect.poll(() => headingInView(erik.page)).toBe(true);
    await scrollToBottom(erik.page);
    expect(await headingInView(erik.page)).toBe(false);
    await openSection(fie.page, 'Indsats');
    await erik.page.locator('#section-heading', { hasText: 'Indsats' }).waitFor();
    await expect.poll(() => headingInView(erik.page)).toBe(true);

    for (const person of [fie, erik]) expect(pageErrors(person.page)).toEqual([]);
  });
});
