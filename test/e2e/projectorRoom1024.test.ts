import { SEED_ENTRIES } from '@caseroom/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  axeRuleViolations,
  launchBrowser,
  openPerson,
  type Person,
  pageErrors,
  seriousAxeViolations,
} from '../support/browser.ts';
import { createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { items, openCase, openSection } from './room.ts';
import { clippedButtons, expectInView, overlappedButtons, sidewaysScrolling } from './screen.ts';

/**
 * The room on an older 1024×768 projector (issue 13's bar, projectorRoom.test.ts holds 1280×800
 * and 1920×1080): four people in the example case in phase 3 (every workshop tool shown) with
 * the timer running. For every role the header's buttons are whole and nothing lies over them
 * (no avatar over "Eksport"), the page never scrolls sideways, the open section keeps a column
 * of 30rem that does not scroll sideways either — the rate card a block per point — no two
 * regions share a name, the library's chosen value is shown whole, and the rail of section numbers
 * shows who is in which section as dots in their colours. The tests run in order.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let erik: Person;
let ida: Person;
let olga: Person;
let everyone: Person[];

const PROJECTOR = { width: 1024, height: 768 } as const;

/** The sections as the navigation names them, in order. */
const SECTIONS = [
  'Fakta',
  'Problem',
  'Målgruppe',
  'Indsatser',
  'Resultatmål',
  'Betalingsmodel',
  'Evaluering og kontrakt',
] as const;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const created = await createCase(server.url, { example: true });
  const invite = (name: string, kind: string, role: string) =>
    inviteParty(server.url, created.id, created.token, { name, kind, role });
  const [jobcenter, fund, audit] = await Promise.all([
    invite('Jobcenter Holbæk', 'provider', 'editor'),
    invite('Fonden for Sociale Investeringer', 'investor', 'editor'),
    invite('Revisionen', 'observer', 'observer'),
  ]);
  [fie, erik, ida, olga] = await Promise.all([
    openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' }),
    openPerson(browser, { name: 'Erik Eriksen', department: 'Jobcenter' }),
    openPerson(browser, { name: 'Ida Iversen', department: 'Investering' }),
    openPerson(browser, { name: 'Olga Olsen', department: 'Revision' }),
  ]);
  everyone = [fie, erik, ida, olga];
  await Promise.all(everyone.map(({ page }) => page.setViewportSize(PROJECTOR)));
  await Promise.all([
    openCase(fie.page, server.url, created),
    openCase(erik.page, server.url, { id: created.id, token: jobcenter.token }),
    openCase(ida.page, server.url, { id: created.id, token: fund.token }),
    openCase(olga.page, server.url, { id: created.id, token: audit.token }),
  ]);
  for (const { page } of everyone) await page.locator('.presence-person').nth(3).waitFor({ state: 'attached' });

  // Phase 3 shows every tool of the workshop bar (sign-off too); the timer runs.
  const facilitate = (path: string, body: unknown) =>
    fetch(`${server.url}/api/cases/${created.id}/workshop/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.token}` },
      body: JSON.stringify(body),
    });
  expect((await facilitate('phase', { phase: 3 })).status).toBe(200);
  expect((await facilitate('timer', { action: 'start', seconds: 600 })).status).toBe(200);
  for (const { page } of everyone) {
    await page.locator('.workshop-timer[data-state="running"]').waitFor();
    await page.locator('button.phase-badge', { hasText: 'Fase 3' }).waitFor();
  }
});

afterEach(() => {
  for (const person of everyone ?? []) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whether the page itself is wider than the screen (something pushes it sideways). */
function pageOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollWidth > root.clientWidth ? `${root.scrollWidth} > ${root.clientWidth}` : null;
  });
}

/** The editor column's width and whether it scrolls sideways. */
function editorColumn(page: Page): Promise<{ width: number; scrolls: boolean }> {
  return page.locator('main').evaluate((main) => ({
    width: main.getBoundingClientRect().width,
    scrolls: main.scrollWidth > main.clientWidth + 1,
  }));
}

describe('the room on a 1024×768 projector', () => {
  it('every role: the header’s buttons are whole, nothing lies over them, the page does not scroll sideways', async () => {
    for (const [person, role] of [
      [fie, 'facilitator'],
      [erik, 'editor'],
      [olga, 'observer'],
    ] as const) {
      const { page } = person;
      const what = `${role} at 1024×768`;
      await page.screenshot({ path: `/tmp/projector-1024-${role}.png` });
      await expectInView(page, page.locator('.top-bar'), `${what}: header`);
      expect(await overlappedButtons(page, '.top-bar'), `${what}: covered buttons`).toEqual([]);
      // Every tool of the workshop bar is there, on screen.
      const tools = page.getByRole('region', { name: 'Workshop' }).getByRole('button');
      for (const name of ['Afstemning', 'Beslutninger', /^Godkendelse/, 'Historik', 'Eksport']) {
        await expectInView(page, tools.filter({ hasText: name }).first(), `${what}: ${name}`);
      }
      expect(await clippedButtons(page), `${what}: clipped buttons`).toEqual([]);
      expect(await pageOverflow(page), `${what}: page scrolls sideways`).toBeNull();
      // The section's heading and first field stay in view under the taller header.
      await expectInView(page, page.locator('#section-heading'), `${what}: section heading`);
      expect(await seriousAxeViolations(page), what).toEqual([]);
    }
    // The English words are longer.
    const { page } = fie;
    await page.locator('.language-switch').getByRole('button', { name: 'English' }).click();
    await page.locator('.workshop-bar', { hasText: 'Decisions' }).waitFor();
    expect(await overlappedButtons(page, '.top-bar'), 'English: covered buttons').toEqual([]);
    expect(await clippedButtons(page), 'English: clipped buttons').toEqual([]);
    expect(await pageOverflow(page), 'English: page scrolls sideways').toBeNull();
    await page.screenshot({ path: '/tmp/projector-1024-facilitator-en.png' });
    await page.locator('.language-switch').getByRole('button', { name: 'Dansk' }).click();
    await page.locator('.workshop-bar', { hasText: 'Beslutninger' }).waitFor();
  });

  it('each section reads in a column of 30rem that never scrolls sideways', async () => {
    const { page } = fie;
    for (const section of SECTIONS) {
      await openSection(page, section);
      const what = `${section} at 1024×768`;
      const column = await editorColumn(page);
      expect(column.width, `${what}: editor column`).toBeGreaterThanOrEqual(540);
      expect(column.scrolls, `${what}: editor column scrolls sideways`).toBe(false);
      // Nothing inside the section is to be scrolled sideways either: its tables reflow.
      expect(await sidewaysScrolling(page, 'main'), what).toEqual([]);
      expect(await pageOverflow(page), `${what}: page`).toBeNull();
      expect(await clippedButtons(page), `${what}: clipped buttons`).toEqual([]);
      await page.screenshot({ path: `/tmp/projector-1024-section-${SECTIONS.indexOf(section) + 1}.png` });
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('no two regions share a name in any section (axe: landmark-unique)', async () => {
    const { page } = fie;
    for (const section of SECTIONS) {
      await openSection(page, section);
      // The business case's scenarios, the candidates' tables and every outcome's rate card: a name each.
      expect(await axeRuleViolations(page, ['landmark-unique']), section).toEqual([]);
    }
  });

  it('the rate card: a block per measurement point inside the column, its region named with its outcome', async () => {
    const { page } = erik;
    await openSection(page, 'Resultatmål');
    const outcomes = items(page);
    expect(await outcomes.count()).toBeGreaterThan(1);
    const main = await page.locator('main').boundingBox();
    if (!main) throw new Error('no editor column');
    for (let index = 0; index < (await outcomes.count()); index++) {
      const outcome = outcomes.nth(index);
      const heading = (await outcome.locator('h3').first().textContent())?.trim() ?? '';
      const region = page.getByRole('region', { name: `Målepunkter og priser for ${heading}`, exact: true });
      expect(await region.count(), heading).toBe(1);
      // Every input of every point lies inside the column: months, price, basis and "Fjern".
      for (const control of await region.locator('input, select, button').all()) {
        const box = await control.boundingBox();
        expect(box, heading).not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0), `${heading}: right edge`).toBeLessThanOrEqual(main.x + main.width);
      }
      // Each value is named on screen beside its input (the column headers are for screen readers).
      const cell = region.locator('td[data-label]').first();
      const drawn = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
      expect(drawn).toContain('Måneder efter start');
    }
    const card = outcomes.first().locator('.measurement-points');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: '/tmp/projector-1024-rate-card.png' });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the library drop-down: the chosen value is shown whole', async () => {
    const { page } = erik;
    await openSection(page, 'Resultatmål');
    const outcome = items(page).first();
    await outcome.locator('summary', { hasText: 'Værdi fra biblioteket' }).click();
    const entry = outcome.getByLabel('Enhedsværdi', { exact: true });
    // The longest name of the seeded library.
    const longest = [...SEED_ENTRIES].sort((a, b) => b.name.length - a.name.length)[0];
    if (!longest) throw new Error('no seeded library');
    const value = await entry.locator('option', { hasText: longest.name }).getAttribute('value');
    await entry.selectOption(value ?? '');
    const chosen = outcome.locator('.library-chosen');
    await chosen.waitFor({ timeout: 5_000 });
    await expect.poll(() => chosen.textContent()).toContain(longest.name);
    const main = await page.locator('main').boundingBox();
    const box = await chosen.boundingBox();
    if (!main || !box) throw new Error('no box');
    expect(box.x + box.width).toBeLessThanOrEqual(main.x + main.width);
    expect(await chosen.evaluate((p) => p.scrollWidth <= p.clientWidth + 1)).toBe(true);
    // The drop-down takes the form's whole width.
    const form = await outcome.locator('.library-form').boundingBox();
    expect((await entry.boundingBox())?.width ?? 0).toBeGreaterThan((form?.width ?? 0) * 0.9);
    await chosen.scrollIntoViewIfNeeded();
    await outcome.locator('.library-take').screenshot({ path: '/tmp/projector-1024-library.png' });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the rail shows who is in each section: a dot in their colour under its number, the names said once', async () => {
    await openSection(ida.page, 'Fakta');
    await openSection(erik.page, 'Betalingsmodel');
    const { page } = ida;
    await page.locator('.room[data-nav="rail"]').waitFor();
    const nav = page.getByRole('navigation', { name: 'Sagens afsnit' });
    const link = nav.getByRole('button', { name: /^Betalingsmodel/ });
    // Screen readers hear who is there once, as before: the dots add no words.
    await expect.poll(() => link.textContent()).toContain('Jobcenter Holbæk');
    expect((await link.textContent())?.split('Jobcenter Holbæk')).toHaveLength(2);
    // Erik's colour as Ida's header draws him.
    const avatar = page.locator('.presence-person', { hasText: 'Jobcenter Holbæk' }).locator('.avatar');
    const colour = await avatar.evaluate((element) => getComputedStyle(element).backgroundColor);
    const dot = link.locator('.presence-dot');
    await dot.waitFor({ timeout: 5_000 });
    expect(await dot.count()).toBe(1);
    expect(await dot.isVisible()).toBe(true);
    expect(await dot.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(colour);
    const box = await dot.boundingBox();
    const rail = await nav.boundingBox();
    if (!box || !rail) throw new Error('no dot or rail');
    expect(box.width).toBeGreaterThan(5);
    expect(box.height).toBeGreaterThan(5);
    // The dot lies inside the rail, which keeps its width (4.75rem of an 18 px root).
    expect(rail.width).toBeLessThanOrEqual(4.75 * 18 + 1);
    expect(box.x).toBeGreaterThanOrEqual(rail.x);
    expect(box.x + box.width).toBeLessThanOrEqual(rail.x + rail.width);
    // A section no one else is in has no dot.
    const empty = nav.getByRole('button', { name: /^Problem/ });
    expect(await empty.locator('.presence-dot').count()).toBe(0);
    expect(await overlappedButtons(page, '.section-nav')).toEqual([]);
    expect(await clippedButtons(page)).toEqual([]);
    await nav.screenshot({ path: '/tmp/projector-1024-rail-presence.png' });
  });

  it('a hidden business case gives the navigation its names back; full width keeps the rail', async () => {
    const { page } = fie;
    await openSection(page, 'Resultatmål');
    await page.locator('.business-case').getByRole('button', { name: 'Skjul' }).click();
    await page.locator('.room[data-panel="collapsed"][data-nav="names"]').waitFor({ timeout: 5_000 });
    expect(await page.getByRole('navigation').getByText('Betalingsmodel').isVisible()).toBe(true);
    expect((await editorColumn(page)).scrolls).toBe(false);
    expect(await sidewaysScrolling(page, 'main')).toEqual([]);
    await page.locator('.business-case').getByRole('button', { name: /Vis/ }).click();
    await page.locator('.room[data-panel="open"][data-nav="rail"]').waitFor();
    await page.locator('.business-case').getByRole('button', { name: 'Fuld bredde' }).click();
    await page.locator('.room[data-panel="wide"][data-nav="rail"]').waitFor();
    const column = await editorColumn(page);
    expect(column.width).toBeGreaterThanOrEqual(540);
    expect(column.scrolls).toBe(false);
    expect(await clippedButtons(page)).toEqual([]);
    await page.locator('.business-case').getByRole('button', { name: 'Fuld bredde' }).click();
    await page.locator('.room[data-panel="open"]').waitFor();
    // On a wider screen the names come back beside the open business case.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.room[data-nav="names"]').waitFor();
    await page.setViewportSize(PROJECTOR);
    await page.locator('.room[data-nav="rail"]').waitFor();
  });
});
