import { rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { type RunningServer, startServer } from '@caseroom/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { api, createCase, inviteParty, makeTempDataDir, startTestServer, type TestServer } from '../support/server.ts';
import { type CaseLink, field, linkUrl, openCase, readLink } from './room.ts';

/**
 * Links that stay secret and can be ended (issue 10), in Chromium against a real server:
 * the token rides in the link's fragment and in the first websocket message, never in an
 * address, a Referer or a log line; the invite dialog hands out the server's public address;
 * ending a party's access stops that party's open room at once; an expired link's offline edits
 * come along when the same party opens a new link; a server on the network asks for the
 * organisation key before it creates or imports a case; and a network that lets pages through
 * but not websockets is told apart from being offline.
 */
let browser: Browser;
const people: Person[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(() => {
  for (const person of people) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  // The pages' sockets first: a server closes once its connections are gone.
  await browser?.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function person(name: string, department: string): Promise<Person> {
  const opened = await openPerson(browser, { name, department });
  people.push(opened);
  return opened;
}

/** What a page asked of the network: every request's URL and Referer, and every websocket's URL and first frame. */
function recordTraffic(page: Page) {
  const requests: { url: string; referer: string }[] = [];
  const sockets: { url: string; sent: (string | Buffer)[] }[] = [];
  page.on('request', (request) => {
    requests.push({ url: request.url(), referer: request.headers().referer ?? '' });
  });
  page.on('websocket', (socket) => {
    const record = { url: socket.url(), sent: [] as (string | Buffer)[] };
    sockets.push(record);
    socket.on('framesent', (frame) => record.sent.push(frame.payload));
  });
  return { requests, sockets };
}

/** The IndexedDB databases of the page's origin. */
function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

/** `PATCH …/parties/:partyId` (the shared `api` helper has no PATCH): sets or clears a link's expiry. */
async function setExpiry(url: string, token: string, caseId: string, partyId: string, expiresAt: string | null) {
  const response = await fetch(`${url}/api/cases/${caseId}/parties/${partyId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ expiresAt }),
  });
  return response.status;
}

/** The case model as the server has it. */
async function serverModel(url: string, caseId: string, token: string) {
  const response = await api(url, token, 'GET', `/api/cases/${caseId}/model`);
  expect(response.status).toBe(200);
  return response.body;
}

describe('a link that stays secret (issue 10)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ publicUrl: 'https://caseroom.example' });
    cleanups.push(() => server.close());
  });

  it('a fragment link opens the case; the token is in no address, Referer, websocket URL or log line, only in the first websocket message', async () => {
    const created = await createCase(server.url, { example: true });
    const editor = await inviteParty(server.url, created.id, created.token, {
      name: 'Jobcenter Holbæk',
      kind: 'department',
      role: 'editor',
    });
    const anna = await person('Anna Andersen', 'Jobcenter');
    const traffic = recordTraffic(anna.page);

    await openCase(anna.page, server.url, { id: created.id, token: editor.token });
    await anna.page.locator('.room[data-role="editor"]').waitFor();
    // Exercise more of the app's requests: an edit and the start page's list.
    await field(anna.page, 'Kommune').fill('Holbæk Kommune');
    await expect
      .poll(async () => (await serverModel(server.url, created.id, created.token)).facts.municipality)
      .toBe('Holbæk Kommune');

    expect(anna.page.url()).toBe(`${server.url}/case/${created.id}`);
    expect(await anna.page.evaluate(() => window.location.href)).not.toContain(editor.token);
    expect(traffic.requests.length).toBeGreaterThan(3);
    for (const { url, referer } of traffic.requests) {
      expect(url).not.toContain(editor.token);
      expect(referer).not.toContain(editor.token);
    }
    expect(traffic.sockets.length).toBeGreaterThan(0);
    for (const socket of traffic.sockets) {
      expect(socket.url).toBe(`${server.url.replace('http', 'ws')}/ws/${created.id}`);
      // The first frame is the link-token message: type 101, then the token as a varString.
      const first = socket.sent[0];
      expect(Buffer.isBuffer(first)).toBe(true);
      expect((first as Buffer)[0]).toBe(101);
      expect((first as Buffer).toString('utf8')).toContain(editor.token);
      expect(socket.sent.slice(1).some((frame) => frame.toString().includes(editor.token))).toBe(false);
    }
    // Nothing the server logged carries the token.
    expect(JSON.stringify(server.logs)).not.toContain(editor.token);
    expect(JSON.stringify(server.logs)).not.toContain(created.token);
  });

  it('the invite dialog hands out links on the server’s public address, with the token in the fragment', async () => {
    const created = await createCase(server.url, { example: true });
    const fie = await person('Fie Facilitator', 'Fonden');
    await openCase(fie.page, server.url, created);
    await fie.page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = fie.page.getByRole('dialog', { name: 'Inviter parter' });
    await dialog.getByLabel('Navn', { exact: true }).fill('Sundhed');
    await dialog.getByRole('button', { name: 'Opret link' }).click();
    const href = await dialog.getByRole('textbox', { name: 'Link til Sundhed' }).inputValue();
    expect(href).toMatch(new RegExp(`^https://caseroom\\.example/case/${created.id}#token=cr1_`));
    expect(new URL(href).search).toBe('');
    const link = readLink(href);
    expect((await api(server.url, link.token, 'GET', `/api/cases/${created.id}/me`)).body.party.name).toBe('Sundhed');
    await fie.page.getByRole('button', { name: 'Luk' }).click();
  });
});

describe('ending access and expiry (issue 10)', () => {
  let dataDir: string;
  let server: RunningServer;
  let caseId: string;
  let facilitatorToken: string;
  let fie: Person;

  /** A server on this test's data directory, on `port` (the same origin keeps the browser's IndexedDB). */
  async function serve(port = 0): Promise<RunningServer> {
    const running = await startServer({ dataDir, port, host: '127.0.0.1', log: () => {}, unloadGraceMs: 60_000 });
    cleanups.push(() => running.close());
    return running;
  }

  beforeAll(async () => {
    dataDir = makeTempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    server = await serve();
    const created = await createCase(server.url, { example: true });
    caseId = created.id;
    facilitatorToken = created.token;
  });

  it('the facilitator ends a party’s access: the party’s open room says so at once, and its copy stays', async () => {
    const editor = await inviteParty(server.url, caseId, facilitatorToken, {
      name: 'Socialforvaltningen',
      kind: 'department',
      role: 'editor',
    });
    fie = await person('Fie Facilitator', 'Fonden');
    const sofie = await person('Sofie Sørensen', 'Social');
    await openCase(fie.page, server.url, { id: caseId, token: facilitatorToken });
    await openCase(sofie.page, server.url, { id: caseId, token: editor.token });

    await fie.page.getByRole('button', { name: 'Inviter' }).click();
    const dialog = fie.page.getByRole('dialog', { name: 'Inviter parter' });
    const row = dialog.getByRole('row', { name: /Socialforvaltningen/ });
    expect(await row.textContent()).toContain('Intet udløb');
    // The facilitator's own row offers no "end access".
    expect(
      await dialog
        .getByRole('row', { name: /^Facilitator/ })
        .getByRole('button', { name: /Afslut/ })
        .count(),
    ).toBe(0);
    await row.getByRole('button', { name: 'Afslut adgang for Socialforvaltningen' }).click();
    const confirmation = dialog.getByRole('region', { name: 'Afslut adgangen for Socialforvaltningen?' });
    await confirmation.getByRole('button', { name: 'Afslut adgang' }).click();
    await expect.poll(() => row.textContent()).toContain('Afsluttet');
    expect(await dialog.getByRole('status').filter({ hasText: 'er afsluttet' }).count()).toBe(1);

    // Sofie's room is replaced by why, without a reload.
    await sofie.page.getByRole('heading', { name: 'Din adgang er afsluttet' }).waitFor({ timeout: 10_000 });
    expect(await sofie.page.getByRole('alert').textContent()).toContain('bliver flettet ind');
    // Her offline copy is kept (a new link of the same party takes it over).
    expect((await databaseNames(sofie.page)).some((name) => name.startsWith(`caseroom:${caseId}:`))).toBe(true);
    // Reopening the old link explains it again.
    await sofie.page.reload();
    await sofie.page.getByRole('heading', { name: 'Din adgang er afsluttet' }).waitFor({ timeout: 10_000 });
  });

  it('the facilitator sets and clears a link’s expiry date in the party table', async () => {
    await inviteParty(server.url, caseId, facilitatorToken, { name: 'Regionen', kind: 'department', role: 'editor' });
    const dialog = fie.page.getByRole('dialog', { name: 'Inviter parter' });
    await dialog.getByRole('button', { name: 'Luk' }).click();
    await fie.page.getByRole('button', { name: 'Inviter' }).click();
    const row = dialog.getByRole('row', { name: /Regionen/ });
    await row.getByRole('button', { name: 'Udløbsdato for linket til Regionen' }).click();
    const form = dialog.getByRole('form', { name: 'Udløbsdato for linket til Regionen' });
    // A day that has passed is refused before the server is asked.
    await form.getByLabel('Linket virker til og med').fill('2020-01-01');
    await form.getByRole('button', { name: 'Gem udløbsdato' }).click();
    expect(await form.getByText('Datoen er passeret').isVisible()).toBe(true);
    await form.getByLabel('Linket virker til og med').fill('2099-12-31');
    await form.getByRole('button', { name: 'Gem udløbsdato' }).click();
    await expect.poll(() => row.textContent()).toContain('Udløber 31. dec. 2099');
    const parties = (await api(server.url, facilitatorToken, 'GET', `/api/cases/${caseId}/parties`)).body;
    const regionen = parties.find((party: { name: string }) => party.name === 'Regionen');
    expect(new Date(regionen.expiresAt).getTime()).toBe(new Date(2100, 0, 1).getTime());

    await row.getByRole('button', { name: 'Udløbsdato for linket til Regionen' }).click();
    await dialog.getByRole('button', { name: 'Fjern udløbsdato' }).click();
    await expect.poll(() => row.textContent()).toContain('Intet udløb');
    await dialog.getByRole('button', { name: 'Luk' }).click();
  });

  it('an expired link’s offline edits stay in the browser and merge when the same party opens a new link', async () => {
    const issued = await inviteParty(server.url, caseId, facilitatorToken, {
      name: 'Psykiatrien',
      kind: 'department',
      role: 'editor',
    });
    const partyId = issued.party.id;
    const pia = await person('Pia Petersen', 'Psykiatri');
    const oldLink: CaseLink = { id: caseId, token: issued.token };
    await openCase(pia.page, server.url, oldLink);

    // The server goes away; Pia keeps typing (kept only in this browser), and closes the page.
    const port = server.port;
    await server.close();
    await field(pia.page, 'Kommune').fill('Skrevet i toget');
    await pia.page.locator('.connection[data-state="offline"], .connection[data-state="reconnecting"]').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await pia.page.close();

    // Back on the same address; meanwhile her link expired.
    server = await serve(port);
    const soon = new Date(Date.now() + 1500).toISOString();
    expect(await setExpiry(server.url, facilitatorToken, caseId, partyId, soon)).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));

    // The old link says it expired; the offline edit is not sent with it.
    pia.page = await pia.context.newPage();
    await pia.page.goto(linkUrl(server.url, oldLink));
    await pia.page.getByRole('heading', { name: 'Linket er udløbet' }).waitFor({ timeout: 15_000 });
    expect(await pia.page.getByRole('alert').textContent()).toContain('bliver flettet ind');
    expect((await serverModel(server.url, caseId, facilitatorToken)).facts.municipality).not.toBe('Skrevet i toget');
    const oldCopies = (await databaseNames(pia.page)).filter((name) => name.startsWith(`caseroom:${caseId}:`));
    expect(oldCopies).toHaveLength(1);

    // The facilitator gives Psykiatrien a new link (with a lasting expiry); Pia opens it in the same tab.
    expect(await setExpiry(server.url, facilitatorToken, caseId, partyId, null)).toBe(200);
    const rotated = await api(server.url, facilitatorToken, 'POST', `/api/cases/${caseId}/parties/${partyId}/rotate`);
    expect(rotated.status).toBe(200);
    const newLink = readLink(rotated.body.link);
    await openCase(pia.page, server.url, newLink);

    // Her offline edit is in the room and on the server; the old copy is gone.
    await expect.poll(() => field(pia.page, 'Kommune').inputValue(), { timeout: 10_000 }).toBe('Skrevet i toget');
    await expect
      .poll(async () => (await serverModel(server.url, caseId, facilitatorToken)).facts.municipality, {
        timeout: 10_000,
      })
      .toBe('Skrevet i toget');
    await expect.poll(() => databaseNames(pia.page)).not.toContain(oldCopies[0]);
    expect(pageErrors(pia.page)).toEqual([]);
  });
});

describe('the organisation key on a server reachable from the network (issue 10)', () => {
  it('creating and importing ask for the key (a password field), refuse a wrong one, and remember it for the tab only', async () => {
    const dataDir = makeTempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServer({ dataDir, port: 0, host: '0.0.0.0', log: () => {}, unloadGraceMs: 60_000 });
    cleanups.push(() => server.close());
    const key = server.organisation.key as string;
    expect(key).toBeTruthy();
    const url = `http://127.0.0.1:${server.port}`;

    const olga = await person('Olga Organisation', 'Fonden');
    await olga.page.goto(`${url}/`);
    await olga.page.getByRole('button', { name: 'Åbn eksemplet' }).click();
    const form = olga.page.getByRole('form', { name: 'Organisationsnøgle' });
    await form.waitFor();
    const input = form.getByLabel('Organisationsnøgle');
    expect(await input.getAttribute('type')).toBe('password');
    expect(await form.textContent()).toContain('Du får nøglen af den, der driver Caseroom hos jer');
    // Nothing typed: said at once, nothing sent.
    await form.getByRole('button', { name: 'Brug nøglen' }).click();
    expect(await form.getByText('Skriv organisationsnøglen.').isVisible()).toBe(true);
    await input.fill('crk1_not-the-key');
    await form.getByRole('button', { name: 'Brug nøglen' }).click();
    await form.getByText('Organisationsnøglen blev ikke godkendt').waitFor();
    expect(olga.page.url()).toBe(`${url}/`);
    await input.fill(key);
    await form.getByRole('button', { name: 'Brug nøglen' }).click();
    await olga.page.waitForURL(/\/case\/[^/]+$/);
    await olga.page.locator('.room[data-role="facilitator"]').waitFor({ timeout: 15_000 });
    // Remembered for this tab's session only, never beside the links.
    expect(await olga.page.evaluate(() => JSON.stringify({ ...window.localStorage }))).not.toContain(key);
    expect(await olga.page.evaluate(() => window.sessionStorage.getItem('caseroom.organisationKey'))).toBe(key);

    // Someone else imports a case file: asked for the key, then the file goes through.
    const caseId = decodeURIComponent(new URL(olga.page.url()).pathname.replace(/^\/case\//, ''));
    const token = await olga.page.evaluate(
      (id) => JSON.parse(window.localStorage.getItem('caseroom.tokens') ?? '{}')[id],
      caseId,
    );
    const exported = await fetch(`${url}/api/cases/${caseId}/export.json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(200);
    const per = await person('Per Import', 'Fonden');
    await per.page.goto(`${url}/`);
    const importer = per.page.locator('.import-case');
    await importer.locator('input[type="file"]').setInputFiles({
      name: 'sag.json',
      mimeType: 'application/json',
      buffer: Buffer.from(await exported.arrayBuffer()),
    });
    const importForm = per.page.getByRole('form', { name: 'Organisationsnøgle' });
    await importForm.getByLabel('Organisationsnøgle').fill(key);
    await importForm.getByRole('button', { name: 'Brug nøglen' }).click();
    await per.page.waitForURL(/\/case\/[^/]+$/);
    expect(per.page.url()).not.toContain(caseId);
    await per.page.locator('.room[data-role="facilitator"]').waitFor({ timeout: 15_000 });
  });
});

describe('a network that blocks the live connection (issue 10)', () => {
  it('says the network blocks it — not "offline" — while pages load, and connects once websockets get through', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const proxy = await httpOnlyProxy(server.port);
    cleanups.push(() => proxy.close());
    const created = await createCase(server.url, { example: true });
    const bent = await person('Bent Berg', 'Beskæftigelse');

    // Never opened on this network and no websockets: a page that says what to ask IT for.
    proxy.allowWebSockets = false;
    await bent.page.goto(linkUrl(proxy.url, created));
    await bent.page
      .getByRole('heading', { name: 'Netværket blokerer den direkte forbindelse til Caseroom' })
      .waitFor({ timeout: 20_000 });
    expect(await bent.page.locator('main').textContent()).toContain('tillad WebSocket-forbindelser');

    // Once it has been opened, the copy shows the room; the notice says edits are kept.
    proxy.allowWebSockets = true;
    await openCase(bent.page, proxy.url, created);
    proxy.allowWebSockets = false;
    await bent.page.reload();
    await bent.page.locator('#section-heading').waitFor({ timeout: 15_000 });
    const notice = bent.page.locator('.network-blocked[role="alert"]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain('Dine ændringer gemmes i denne browser');
    expect(await bent.page.locator('.connection').getAttribute('data-state')).toBe('blocked');

    proxy.allowWebSockets = true;
    await bent.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
    expect(await notice.count()).toBe(0);
  });
});

/**
 * A proxy like a municipal one that passes pages and API calls but, while `allowWebSockets` is
 * false, refuses every websocket upgrade.
 */
async function httpOnlyProxy(targetPort: number) {
  const state = { allowWebSockets: true };
  const server: Server = createServer((incoming, outgoing) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer: IncomingMessage) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  server.on('upgrade', (incoming: IncomingMessage, socket, head: Buffer) => {
    if (!state.allowWebSockets) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      const lines = [`${incoming.method} ${incoming.url} HTTP/1.1`];
      for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
        lines.push(`${incoming.rawHeaders[i]}: ${incoming.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get allowWebSockets() {
      return state.allowWebSockets;
    },
    set allowWebSockets(allow: boolean) {
      state.allowWebSockets = allow;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
