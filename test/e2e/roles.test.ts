import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { type CaseLink, editor, linkUrl, openCase, openSection, readLink } from './room.ts';

/**
 * Three people in one case (docs/access.md): the facilitator creates it on the start page and
 * invites an editor and an observer from the invite dialog; the links are read from the UI.
 * The tests run in order and share the case.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let erik: Person;
let olga: Person;
let caseId: string;
let editorLink: CaseLink;
let observerLink: CaseLink;

const SECTION_TITLES = [
  'Fakta',
  'Problem',
  'Målgruppe',
  'Indsatser',
  'Resultatmål',
  'Betalingsmodel',
  'Evaluering og kontrakt',
];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  fie = await openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' });
  erik = await openPerson(browser, { name: 'Erik Eriksen', department: 'Jobcenter' });
  // The observer's page can reach its document, to play a modified client.
  olga = await openPerson(browser, { name: 'Olga Olsen', department: 'Revision', testHooks: true });
});

afterEach(() => {
  for (const person of [fie, erik, olga]) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function inviteDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Inviter parter' });
}

/** The presence entry of the person whose party has this name. */
function presenceOf(page: Page, partyName: string): Locator {
  return page.locator('.presence-person', { has: page.locator('.presence-party', { hasText: partyName }) });
}

/** Every form control of the open section that could still change something. */
function writableControls(page: Page): Promise<{ controls: number; writable: string[]; editable: number }> {
  return page.evaluate(() => {
    const main = document.querySelector('main#main');
    if (!main) throw new Error('no section');
    const controls = [...main.querySelectorAll<HTMLInputElement>('input, select, textarea')];
    const writable = controls
      .filter((control) => !control.disabled && !control.readOnly)
      .map((control) => control.getAttribute('aria-label') ?? control.id);
    const editable = main.querySelectorAll('[contenteditable="true"]').length;
    return { controls: controls.length, writable, editable };
  });
}

describe('parties, roles and links', () => {
  it('the facilitator creates a case and invites an editor and an observer', async () => {
    const { page } = fie;
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Åbn eksemplet' }).click();
    await page.waitForURL(/\/case\//);
    await page.locator('.room[data-role="facilitator"]').waitFor();
    caseId = decodeURIComponent(new URL(page.url()).pathname.replace(/^\/case\//, ''));

    await page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = inviteDialog(page);
    await dialog.getByRole('row', { name: /Facilitator/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A name is required before anything is sent.
    await dialog.getByRole('button', { name: 'Opret link' }).click();
    expect(await dialog.getByText('Skriv partens navn.').isVisible()).toBe(true);

    await dialog.getByLabel('Navn', { exact: true }).fill('Jobcenter Holbæk');
    expect(await dialog.getByLabel('Hvem er parten?').inputValue()).toBe('department');
    await dialog.getByLabel('Forvaltning', { exact: true }).selectOption({ label: 'Jobcenter' });
    expect(await dialog.getByRole('radio', { name: 'Redaktør' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Opret link' }).click();
    const editorHref = await dialog.getByRole('textbox', { name: 'Link til Jobcenter Holbæk' }).inputValue();
    editorLink = readLink(editorHref);
    expect(editorLink.id).toBe(caseId);
    expect(editorLink.token).toMatch(/^cr1_[A-Za-z0-9_-]{43}$/);

    await dialog.getByLabel('Navn', { exact: true }).fill('Revisionen');
    await dialog.getByLabel('Hvem er parten?').selectOption('observer');
    expect(await dialog.getByRole('radio', { name: 'Observatør' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Opret link' }).click();
    observerLink = readLink(await dialog.getByRole('textbox', { name: 'Link til Revisionen' }).inputValue());
    expect(observerLink.token).not.toBe(editorLink.token);

    // The list shows all three parties with their roles; no token is ever listed.
    await expect.poll(() => dialog.locator('.party-table tbody tr').count()).toBe(3);
    const jobcenter = dialog.getByRole('row', { name: /Jobcenter Holbæk/ });
    expect(await jobcenter.textContent()).toContain('Redaktør');
    expect(await jobcenter.textContent()).toContain('Jobcenter');
    expect(await dialog.getByRole('row', { name: /Revisionen/ }).textContent()).toContain('Observatør');
    expect(await dialog.locator('.party-table').textContent()).not.toContain('cr1_');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Luk' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('the observer sees the editor’s changes live and is shown as observer', async () => {
    await Promise.all([openCase(erik.page, server.url, editorLink), openCase(olga.page, server.url, observerLink)]);
    await erik.page.locator('.room[data-role="editor"]').waitFor();
    await olga.page.locator('.room[data-role="observer"]').waitFor();
    expect(await olga.page.getByRole('note').textContent()).toContain('Du ser med — du kan ikke ændre noget');
    expect(await erik.page.getByRole('note').count()).toBe(0);
    // Only the facilitator may invite.
    expect(await erik.page.getByRole('button', { name: 'Inviter' }).count()).toBe(0);
    expect(await olga.page.getByRole('button', { name: 'Inviter' }).count()).toBe(0);

    // Presence names each by the party the server vouches for, with the role as a badge.
    const observerSeenByEditor = presenceOf(erik.page, 'Revisionen');
    await observerSeenByEditor.waitFor();
    expect(await observerSeenByEditor.getAttribute('data-role')).toBe('observer');
    expect(await observerSeenByEditor.locator('.role-badge').textContent()).toContain('Observatør');
    expect(await observerSeenByEditor.textContent()).toContain('Olga Olsen (selv oplyst)');
    const editorSeenByObserver = presenceOf(olga.page, 'Jobcenter Holbæk');
    await editorSeenByObserver.waitFor();
    expect(await editorSeenByObserver.locator('.role-badge').textContent()).toContain('Redaktør');
    await presenceOf(fie.page, 'Revisionen').waitFor();

    await erik.page.getByLabel('Sagens titel', { exact: true }).fill('Sygedagpenge – ny titel fra Jobcenter');
    await expect
      .poll(() => olga.page.locator('.case-title').textContent())
      .toBe('Sygedagpenge – ny titel fra Jobcenter');
    await Promise.all([openSection(erik.page, 'Problem'), openSection(olga.page, 'Problem')]);
    await editor(erik.page, 'Problemet').click();
    await erik.page.keyboard.press('Control+End');
    await erik.page.keyboard.type(' Skrevet af Jobcenter.');
    await expect.poll(() => editor(olga.page, 'Problemet').textContent()).toContain('Skrevet af Jobcenter.');
  });

  it('the observer cannot change anything in any section', async () => {
    const { page } = olga;
    // No undo, redo or invite in the top bar.
    expect(await page.getByRole('button', { name: 'Fortryd' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Gentag' }).count()).toBe(0);
    for (const title of SECTION_TITLES) {
      await openSection(page, title);
      const { controls, writable, editable } = await writableControls(page);
      expect({ section: title, writable, editable }).toEqual({ section: title, writable: [], editable: 0 });
      if (title !== 'Problem') expect(controls, title).toBeGreaterThan(0);
      const main = page.locator('main#main');
      expect(await main.locator('.item-controls, button.add, .rich-text-toolbar').count(), title).toBe(0);
      expect(await main.getByRole('button', { name: /^(Fjern|Flyt|Tilføj)/ }).count(), title).toBe(0);
      // The rich-text editors are there to read, but not editable.
      for (const box of await main.locator('.rich-text-content').all()) {
        expect(await box.getAttribute('contenteditable'), title).toBe('false');
        expect(await box.getAttribute('aria-readonly'), title).toBe('true');
      }
      if (title === 'Fakta' || title === 'Resultatmål') {
        const violations = await seriousAxeViolations(page);
        expect({ section: title, violations }).toEqual({ section: title, violations: [] });
      }
    }
    // Typing into a read-only field does nothing.
    await openSection(page, 'Fakta');
    const title = page.getByLabel('Sagens titel', { exact: true });
    const before = await title.inputValue();
    await title.click();
    await page.keyboard.type('xyz');
    expect(await title.inputValue()).toBe(before);
    // The business case stays fully readable (figures and their explanations).
    expect(await page.locator('.business-case').isVisible()).toBe(true);
  });

  it('an edit forced from the observer’s page never reaches the others', async () => {
    await Promise.all([openSection(olga.page, 'Fakta'), openSection(erik.page, 'Fakta')]);
    const municipality = (page: Page) => page.getByLabel('Kommune', { exact: true });
    const original = await municipality(erik.page).inputValue();

    // A field made editable by hand: the client refuses the write.
    await olga.page.evaluate(() => {
      for (const input of document.querySelectorAll('main input[readonly]')) input.removeAttribute('readonly');
    });
    await municipality(olga.page).fill('Indtastet af observatøren');
    // A modified client: the change goes straight into the Y.Doc and out over the websocket.
    await olga.page.evaluate(() => {
      const hook = (window as unknown as { caseroomTest?: { doc: { getMap(name: string): Map<string, unknown> } } })
        .caseroomTest;
      if (!hook) throw new Error('test hook missing');
      hook.doc.getMap('facts').set('municipality', 'Forfalsket af observatøren');
    });
    expect(await olga.page.locator('.case-title').textContent()).toBe('Sygedagpenge – ny titel fra Jobcenter');
    await expect.poll(() => municipality(olga.page).inputValue()).toBe('Forfalsket af observatøren');

    // A later change by the editor reaches the observer — by then the forged one would have too.
    await erik.page.getByLabel('Sagens titel', { exact: true }).fill('Efter forsøget');
    await expect.poll(() => olga.page.locator('.case-title').textContent()).toBe('Efter forsøget');
    await expect.poll(() => fie.page.locator('.case-title').textContent()).toBe('Efter forsøget');
    for (const page of [erik.page, fie.page]) {
      expect(await municipality(page).inputValue()).toBe(original);
    }
    // The observer still receives everything live after its forged update was dropped.
    expect(await olga.page.locator('.connection').getAttribute('data-state')).toBe('connected');
  });

  it('each start page lists only the cases its links open, with the role', async () => {
    const other = await createCase(server.url);
    expect(other.id).not.toBe(caseId);
    const expected: [Person, string][] = [
      [fie, 'Facilitator'],
      [erik, 'Redaktør'],
      [olga, 'Observatør'],
    ];
    for (const [person, role] of expected) {
      await person.page.goto(`${server.url}/`);
      const rows = person.page.locator('.case-table tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('Efter forsøget');
      expect(await rows.first().locator('.role-badge').textContent()).toContain(role);
      expect(await person.page.getByRole('link', { name: 'Sag uden titel' }).count()).toBe(0);
    }
  });

  it('a new link for the editor closes the editor’s page for good with "link replaced"', async () => {
    let sockets = 0;
    erik.page.on('websocket', () => sockets++);
    await openCase(erik.page, server.url, editorLink);
    await fie.page.goto(`${server.url}/case/${caseId}`);
    await fie.page.locator('.room[data-role="facilitator"]').waitFor();
    // How many sockets the editor's page opened so far depends on the machine's load (a slow
    // start may reconnect once); what matters is that none is opened after the link is replaced.
    expect(sockets).toBeGreaterThanOrEqual(1);
    const socketsBeforeRotation = sockets;

    await fie.page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = inviteDialog(fie.page);
    await dialog.getByRole('button', { name: 'Nyt link til Jobcenter Holbæk' }).click();
    const confirmation = dialog.getByRole('region', { name: 'Nyt link til Jobcenter Holbæk?' });
    expect(await confirmation.textContent()).toContain('Det gamle link holder op med at virke med det samme');
    await confirmation.getByRole('button', { name: 'Lav nyt link' }).click();
    const newLink = readLink(await dialog.getByRole('textbox', { name: 'Link til Jobcenter Holbæk' }).inputValue());
    expect(newLink.token).not.toBe(editorLink.token);

    await erik.page
      .getByRole('heading', { name: 'Dit link er blevet erstattet af facilitatoren. Bed om det nye link.' })
      .waitFor({ timeout: 10_000 });
    expect(await erik.page.getByRole('alert').textContent()).toContain('gemt her');
    // No reconnect attempts: no new socket after a while.
    await erik.page.waitForTimeout(2_500);
    expect(sockets).toBe(socketsBeforeRotation);
    await dialog.getByRole('button', { name: 'Luk' }).click();

    // The new link opens the case again, as editor.
    await openCase(erik.page, server.url, newLink);
    await erik.page.locator('.room[data-role="editor"]').waitFor();
  });

  it('tells someone without a link, or with a wrong one, in their language', async () => {
    const guest = await openPerson(browser, { name: 'Gæst', department: '', language: 'en' });
    try {
      let sockets = 0;
      guest.page.on('websocket', () => sockets++);
      await guest.page.goto(`${server.url}/case/${encodeURIComponent(caseId)}`);
      await guest.page
        .getByRole('heading', { name: 'You need a link from the facilitator to open this case' })
        .waitFor();
      expect(sockets).toBe(0);

      await guest.page.goto(linkUrl(server.url, { id: caseId, token: `${editorLink.token.slice(0, -4)}AAAA` }));
      await guest.page.getByRole('heading', { name: 'Your link is not valid for this case' }).waitFor();
      await guest.page.waitForTimeout(2_000);
      expect(sockets).toBe(1);
      // The refused link is not kept: the start page lists nothing.
      await guest.page.goto(`${server.url}/`);
      await guest.page.getByText('You have no cases yet').waitFor();
      expect(pageErrors(guest.page)).toEqual([]);
    } finally {
      await guest.context.close();
    }
  });
});
