import { cpSync, rmSync } from 'node:fs';
import { type RunningServer, startServer } from '@caseroom/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { api, createCase, inviteParty, makeTempDataDir, startTestServer, type TestServer } from '../support/server.ts';
import { type CaseLink, openCase } from './room.ts';

/**
 * The browser's offline copy per case and link (docs/access.md A12) and what a person is told
 * when the server refuses a change (issue 9): item 8 replayed in Chromium — the server set back
 * to a backup, the editor reopens the case and its copy replays workshop state the server lost —
 * a text over its bound named with field and limit, and a change larger than a message may be.
 */
let browser: Browser;
const dirs: string[] = [];
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A server on a data directory (and port, to keep the browser's origin and so its IndexedDB). */
async function serve(dataDir: string, port = 0): Promise<RunningServer> {
  const server = await startServer({ dataDir, port, host: '127.0.0.1', log: () => {}, unloadGraceMs: 60_000 });
  servers.push(server);
  return server;
}

/** The IndexedDB databases of the page's origin. */
function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

/** Waits until the page has stored the workshop phase in its offline copy (y-indexeddb writes asynchronously). */
async function copyHolds(page: Page, name: string, marker: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          ([dbName, text]) =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open(dbName as string);
              open.onsuccess = () => {
                const read = open.result.transaction('updates').objectStore('updates').getAll();
                read.onsuccess = () => {
                  const bytes = (read.result as Uint8Array[]).map((u) => new TextDecoder().decode(u)).join('');
                  open.result.close();
                  resolve(bytes.includes(text as string));
                };
              };
              open.onerror = () => resolve(false);
            }),
          [name, marker],
        ),
      { timeout: 10_000 },
    )
    .toBe(true);
}

describe('the offline copy per link, and refusals explained (issue 9)', () => {
  let erik: Person;
  let setBack: RunningServer;
  let caseId: string;
  let facilitatorToken: string;
  let editorLink: CaseLink;

  it('[item 8] a copy replaying workshop state a set-back server lost is refused as the copy’s, not the person’s', async () => {
    const dataDir = makeTempDataDir();
    const backupDir = makeTempDataDir();
    dirs.push(dataDir, backupDir);
    const first = await serve(dataDir);
    const created = await createCase(first.url, { example: true });
    caseId = created.id;
    facilitatorToken = created.token;
    const editor = await inviteParty(first.url, caseId, facilitatorToken, {
      name: 'Jobcenter Holbæk',
      kind: 'provider',
      role: 'editor',
    });
    editorLink = { id: caseId, token: editor.token };
    await first.close();
    cpSync(dataDir, backupDir, { recursive: true });

    const live = await serve(dataDir);
    erik = await openPerson(browser, { name: 'Erik Eriksen', department: 'Jobcenter', testHooks: true });
    await openCase(erik.page, live.url, editorLink);

    // The copy is named after a hash of the link's token, never the token; no per-case copy.
    const names = await databaseNames(erik.page);
    const copies = names.filter((name) => name.startsWith(`caseroom:${caseId}`));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(new RegExp(`^caseroom:${caseId.replace(/[-]/g, '\\-')}:[0-9a-f]{16}$`));
    expect(copies[0]).not.toContain(editor.token);
    const copyName = copies[0] as string;

    // The facilitator runs the workshop; the editor watches and touches nothing.
    await api(live.url, facilitatorToken, 'POST', `/api/cases/${caseId}/workshop/phase`, { phase: 3 });
    await api(live.url, facilitatorToken, 'POST', `/api/cases/${caseId}/workshop/locks`, {
      section: 'facts',
      locked: true,
    });
    await expect.poll(() => erik.page.locator('button.phase-badge').textContent()).toContain('Fase 3');
    await copyHolds(erik.page, copyName, 'locks');
    expect(pageErrors(erik.page)).toEqual([]);
    await erik.page.close();

    // The server comes back on the same address with its data set back to the backup.
    const port = live.port;
    await live.close();
    setBack = await serve(backupDir, port);

    // Erik opens the case again: the copy loads, its replay is refused, the room reloads.
    const page = await erik.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    erik.page = page;
    await page.goto(`${setBack.url}/case/${encodeURIComponent(caseId)}`);
    const notice = page.locator('.refused-notice[role="alert"]');
    await notice.waitFor({ timeout: 15_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Ændringer fra kopien af sagen på denne enhed blev ikke gemt');
    expect(text).toContain('Du har ikke selv gjort noget forkert');
    expect(text).not.toContain('Din seneste ændring');
    expect(text).not.toContain('Workshoppens styring kan kun ændres af facilitatoren');
    await expect.poll(() => page.locator('button.phase-badge').textContent()).toContain('Fase 2');
    await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    await notice.getByRole('button', { name: 'OK' }).click();

    // The second try is clean: the copy was dropped and refilled from the server.
    await page.reload();
    await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    await page.locator('.room[data-role="editor"]').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('[A12] another party on the same browser gets a copy of its own', async () => {
    const observer = await inviteParty(setBack.url, caseId, facilitatorToken, {
      name: 'Revisionen',
      kind: 'observer',
      role: 'observer',
    });
    const page = erik.page;
    await openCase(page, setBack.url, { id: caseId, token: observer.token });
    await page.locator('.room[data-role="observer"]').waitFor();
    const copies = (await databaseNames(page)).filter((name) => name.startsWith(`caseroom:${caseId}:`));
    expect(new Set(copies).size).toBe(2);
    // Back to the editor's link for the next test.
    await openCase(page, setBack.url, editorLink);
    await page.locator('.room[data-role="editor"]').waitFor();
  });

  it('a text over its bound is refused with the field and the limit, in Danish number format', async () => {
    const page = erik.page;
    await page.evaluate(() => {
      const test = (window as unknown as { caseroomTest: { doc: { getMap: (name: string) => Map<string, unknown> } } })
        .caseroomTest;
      // Typed into the title's Y.Text, as the form does (layout 2).
      (test.doc.getMap('facts').get('title') as { insert: (index: number, text: string) => void }).insert(
        0,
        'x'.repeat(2_345),
      );
    });
    const notice = page.locator('.refused-notice[role="alert"]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Din seneste ændring blev ikke gemt');
    expect(text).toContain('Teksten i »Titel« må højst være 200 tegn lang.');
    expect(text).toContain('Gælder: Fakta.');
    await notice.getByRole('button', { name: 'OK' }).click();
    await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
  });
});

describe('a change larger than a message may be (close 1009)', () => {
  let server: TestServer;
  let person: Person;

  beforeAll(async () => {
    server = await startTestServer({ maxPayload: 256 * 1024 });
    servers.push(server);
    person = await openPerson(browser, { name: 'Bo Berg', department: 'Jobcenter', testHooks: true });
  });

  it('is told, not resent on every reconnection: the room reloads from the server', async () => {
    const created = await createCase(server.url, { example: true });
    await openCase(person.page, server.url, created);
    const before = await person.page.getByLabel('Kommune', { exact: true }).inputValue();
    await person.page.evaluate(() => {
      const test = (window as unknown as { caseroomTest: { doc: { getMap: (name: string) => Map<string, unknown> } } })
        .caseroomTest;
      test.doc.getMap('facts').set('municipality', 'y'.repeat(400_000));
    });
    const notice = person.page.locator('.refused-notice[role="alert"]');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('Din ændring var for stor til at blive sendt.');
    await person.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    expect(await person.page.getByLabel('Kommune', { exact: true }).inputValue()).toBe(before);
    expect(pageErrors(person.page)).toEqual([]);
  });
});
