import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@caseroom/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { api, createCase, inviteParty, makeTempDataDir, REPO_ROOT } from '../support/server.ts';
import { field, openCase } from './room.ts';

/**
 * A redeploy while people have Caseroom open (issue 10): the server restarts on the same
 * address and data with a new build, whose chunks have other names. A room that was open
 * notices the new version when its connection comes back and offers a reload that keeps what
 * was typed meanwhile; a start page that was open asks for the case room's old chunk, which is
 * gone, and says "Caseroom er blevet opdateret — genindlæs" instead of going blank.
 */
const BUILT_CLIENT = join(REPO_ROOT, 'client', 'dist');
const UPDATED = 'Caseroom er blevet opdateret — genindlæs';

let browser: Browser;
const dirs: string[] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory removed after the tests. */
function tempDir(prefix: string): string {
  const dir = makeTempDataDir(prefix);
  dirs.push(dir);
  return dir;
}

/**
 * A copy of the built client as the next build would be: every script renamed (as a change of
 * content renames it) and every reference to it — in index.html, the entry and the other
 * chunks, source maps — rewritten, so the new build is consistent in itself and shares no
 * script name with the old one. The precompressed copies hold the old names and are dropped.
 */
function nextBuildOf(dist: string): string {
  const into = tempDir('caseroom-next-build-');
  cpSync(dist, into, { recursive: true });
  const assets = join(into, 'assets');
  for (const dir of [into, assets]) {
    for (const name of readdirSync(dir)) if (/\.(br|gz)$/.test(name)) rmSync(join(dir, name));
  }
  const renamed = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => [name, name.replace(/\.js$/, 'n2.js')] as const);
  expect(renamed.some(([name]) => name.startsWith('CaseRoom-'))).toBe(true);
  const rewrite = (text: string) => renamed.reduce((result, [from, to]) => result.split(from).join(to), text);
  for (const name of readdirSync(assets)) {
    if (!/\.(js|map|css)$/.test(name)) continue;
    const path = join(assets, name);
    writeFileSync(path, rewrite(readFileSync(path, 'utf8')));
    const next = rewrite(name);
    if (next !== name) renameSync(path, join(assets, next));
  }
  const index = join(into, 'index.html');
  writeFileSync(index, rewrite(readFileSync(index, 'utf8')));
  return into;
}

async function serve(dataDir: string, clientDir: string, port = 0): Promise<RunningServer> {
  const server = await startServer({
    dataDir,
    port,
    host: '127.0.0.1',
    clientDir,
    log: () => {},
    unloadGraceMs: 60_000,
  });
  servers.push(server);
  return server;
}

describe('a new version deployed while the room is open (issue 10)', () => {
  let anna: Person;
  let bo: Person;

  it('the open room offers a reload that keeps what was typed; an open start page says "updated — reload" instead of going blank', async () => {
    const oldBuild = tempDir('caseroom-old-build-');
    cpSync(BUILT_CLIENT, oldBuild, { recursive: true });
    const newBuild = nextBuildOf(BUILT_CLIENT);
    const dataDir = tempDir('caseroom-redeploy-data-');

    const before = await serve(dataDir, oldBuild);
    const created = await createCase(before.url, { example: true });
    const annaLink = await inviteParty(before.url, created.id, created.token, {
      name: 'Jobcenter Holbæk',
      kind: 'department',
      role: 'editor',
    });
    const boLink = await inviteParty(before.url, created.id, created.token, {
      name: 'Sundhed',
      kind: 'department',
      role: 'editor',
    });

    // Anna works in the room; Bo has the start page open, his link remembered from before.
    anna = await openPerson(browser, { name: 'Anna Andersen', department: 'Jobcenter' });
    bo = await openPerson(browser, { name: 'Bo Bech', department: 'Sundhed' });
    await bo.context.addInitScript(
      ([caseId, token]) => {
        if (!window.localStorage.getItem('caseroom.tokens')) {
          window.localStorage.setItem('caseroom.tokens', JSON.stringify({ [caseId as string]: token }));
        }
      },
      [created.id, boLink.token],
    );
    await openCase(anna.page, before.url, { id: created.id, token: annaLink.token });
    await field(anna.page, 'Kommune').fill('Før opdateringen');
    await expect
      .poll(async () => (await api(before.url, created.token, 'GET', `/api/cases/${created.id}/model`)).body.facts)
      .toMatchObject({ municipality: 'Før opdateringen' });
    await bo.page.goto(`${before.url}/`);
    const caseLink = bo.page.getByRole('link', { name: /Sygedagpenge/ });
    await caseLink.waitFor();

    // The server stops; Anna goes on typing (kept in this browser); it comes back with the new build.
    const port = before.port;
    await before.close();
    await field(anna.page, 'Kommune').fill('Skrevet under opdateringen');
    const after = await serve(dataDir, newBuild, port);

    // Anna's room notices the new version when its connection is back, and keeps working meanwhile.
    const notice = anna.page.locator('.update-notice[role="alert"]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain(UPDATED);
    await anna.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    // The reload keeps the URL, so waiting for the URL alone could pass before it: wait for the new page's load.
    await Promise.all([anna.page.waitForEvent('load'), notice.getByRole('button', { name: 'Genindlæs' }).click()]);
    await anna.page.waitForURL(`${after.url}/case/${created.id}`);
    await anna.page.locator('.room[data-role="editor"]').waitFor({ timeout: 15_000 });
    expect(
      await anna.page.evaluate(() => document.querySelector('script[type="module"]')?.getAttribute('src')),
    ).toMatch(/n2\.js$/);
    await expect.poll(() => field(anna.page, 'Kommune').inputValue()).toBe('Skrevet under opdateringen');
    await expect
      .poll(async () => (await api(after.url, created.token, 'GET', `/api/cases/${created.id}/model`)).body.facts)
      .toMatchObject({ municipality: 'Skrevet under opdateringen' });
    expect(await notice.count()).toBe(0);

    // Bo's start page, of the old build, opens the case: its case room chunk is gone.
    const retry = bo.page.getByRole('button', { name: 'Prøv igen' });
    if (await retry.isVisible()) await retry.click(); // the list may have refreshed while the server was down
    await caseLink.click();
    await bo.page.getByRole('heading', { name: UPDATED }).waitFor({ timeout: 15_000 });
    expect(await bo.page.getByRole('alert').textContent()).toContain('går ikke tabt');
    await bo.page.getByRole('button', { name: 'Genindlæs' }).click();
    await bo.page.locator('.room[data-role="editor"]').waitFor({ timeout: 15_000 });
    await bo.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    expect(await field(bo.page, 'Kommune').inputValue()).toBe('Skrevet under opdateringen');

    expect(pageErrors(anna.page)).toEqual([]);
    expect(pageErrors(bo.page)).toEqual([]);
  });
});
