/**
 * Issue 10: the first load of Caseroom in a browser with an empty cache — the start page, a new
 * case, the case room — against the real build (run `pnpm build` first; `pnpm test:e2e` does).
 * Chrome's own network log (CDP Network domain) says what crossed the wire: every script must
 * come compressed (br or gzip), and the test prints the bytes transferred against the bytes
 * the scripts decode to, and how long a case link takes to become usable. The same journey
 * with `Accept-Encoding: identity` gives the figures from before the client was compressed.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, pageErrors } from '../support/browser.ts';
import { createCase, startTestServer, type TestServer } from '../support/server.ts';
import { linkUrl } from './room.ts';

/**
 * The network the timings are taken on: a meeting room's shared Wi-Fi or a municipal line,
 * 10 Mbit/s down, 5 up, 40 ms round trip (on loopback alone the bytes would cost nothing).
 */
const NETWORK = { latencyMs: 40, downloadBytesPerSecond: 1_250_000, uploadBytesPerSecond: 625_000 };

/** One response as Chrome saw it: its encoding, the bytes on the wire (headers included) and decoded. */
type Transfer = { url: string; encoding: string; transferred: number; decoded: number };

/** Chrome's network log of a page, read from its own CDP session (cache off, as on a first visit). */
async function recordTransfers(page: Page, extraHeaders: Record<string, string> = {}): Promise<() => Transfer[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const byId = new Map<string, Transfer & { finished: boolean }>();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const headers = Object.fromEntries(
      Object.entries(response.headers as Record<string, string>).map(([name, value]) => [name.toLowerCase(), value]),
    );
    byId.set(requestId, {
      url: response.url,
      encoding: headers['content-encoding'] ?? 'identity',
      transferred: 0,
      decoded: 0,
      finished: false,
    });
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const transfer = byId.get(requestId);
    if (transfer) transfer.decoded += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const transfer = byId.get(requestId);
    if (!transfer) return;
    transfer.transferred = encodedDataLength;
    transfer.finished = true;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: NETWORK.latencyMs,
    downloadThroughput: NETWORK.downloadBytesPerSecond,
    uploadThroughput: NETWORK.uploadBytesPerSecond,
  });
  if (Object.keys(extraHeaders).length > 0) await cdp.send('Network.setExtraHTTPHeaders', { headers: extraHeaders });
  return () => [...byId.values()].filter((transfer) => transfer.finished);
}

/** The case room is usable: its section shown, the live connection up, the person's role known. */
async function waitForRoom(page: Page): Promise<void> {
  await page.locator('#section-heading').waitFor({ timeout: 30_000 });
  await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 30_000 });
  await page.locator('.room[data-role]').waitFor({ timeout: 30_000 });
}

const isScript = (transfer: Transfer) => new URL(transfer.url).pathname.endsWith('.js');
const sum = (transfers: Transfer[], field: 'transferred' | 'decoded') =>
  transfers.reduce((total, transfer) => total + transfer[field], 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

/** The start page → "Åbn eksemplet" → the case room, then a cold load of a case link: scripts and timings. */
async function firstLoad(
  browser: Browser,
  server: TestServer,
  extraHeaders: Record<string, string> = {},
): Promise<{ scripts: Transfer[]; caseLinkScripts: Transfer[]; journeyMs: number; caseLinkMs: number }> {
  const person = await openPerson(browser, { name: 'Fie Lund', department: 'Fonden' });
  try {
    const transfers = await recordTransfers(person.page, extraHeaders);
    const started = performance.now();
    await person.page.goto(`${server.url}/`);
    // The example: a case with figures, so the room loads everything it has (the charts too).
    await person.page.getByRole('button', { name: 'Åbn eksemplet' }).click();
    await person.page.waitForURL(/\/case\//);
    await waitForRoom(person.page);
    const journeyMs = performance.now() - started;
    // Chunks the room loads once it is shown (the charts) count too.
    await person.page.waitForLoadState('networkidle');
    const scripts = transfers().filter(isScript);
    expect(pageErrors(person.page)).toEqual([]);

    // Time to interactive of the case room: a party opens its link in a fresh browser.
    const party = await openPerson(browser, { name: 'Gorm Ravn', department: 'Jobcenter' });
    try {
      const partyTransfers = await recordTransfers(party.page, extraHeaders);
      await party.page.goto(linkUrl(server.url, await createCase(server.url, { example: true })));
      await waitForRoom(party.page);
      // Milliseconds since this document's navigation started.
      const caseLinkMs = await party.page.evaluate(() => performance.now());
      await party.page.waitForLoadState('networkidle');
      expect(pageErrors(party.page)).toEqual([]);
      return { scripts, caseLinkScripts: partyTransfers().filter(isScript), journeyMs, caseLinkMs };
    } finally {
      await party.context.close();
    }
  } finally {
    await person.context.close();
  }
}

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('[10] first load of the case room', () => {
  it('transfers every script compressed (br or gzip); prints bytes and time to interactive, before and after', async () => {
    const after = await firstLoad(browser, server);
    expect(after.scripts.length).toBeGreaterThan(1);
    for (const script of [...after.scripts, ...after.caseLinkScripts]) {
      expect(['br', 'gzip'], script.url).toContain(script.encoding);
    }
    const transferred = sum(after.scripts, 'transferred');
    const decoded = sum(after.scripts, 'decoded');
    // Brotli makes these scripts about a quarter of their size; well under half in any case.
    expect(transferred).toBeLessThan(decoded / 2);

    // Before: the same scripts sent as they are (the server sent no compressed copies then).
    const before = await firstLoad(browser, server, { 'Accept-Encoding': 'identity' });
    const beforeTransferred = sum(before.scripts, 'transferred');
    const identityHonoured = before.scripts.every((script) => script.encoding === 'identity');

    console.log(
      [
        `first load, start page → the example case → case room (${after.scripts.length} scripts; network ${(NETWORK.downloadBytesPerSecond * 8) / 1e6} Mbit/s down, ${NETWORK.latencyMs} ms latency):`,
        `  after (compressed):  ${kB(transferred)} of JS transferred, ${kB(decoded)} decoded (${((transferred / decoded) * 100).toFixed(0)} %)`,
        identityHonoured
          ? `  before (identity):   ${kB(beforeTransferred)} of JS transferred, ${kB(sum(before.scripts, 'decoded'))} decoded`
          : `  before: ${kB(decoded)} (the decoded size; Chrome did not send Accept-Encoding: identity)`,
        `  start page → case room ready: ${after.journeyMs.toFixed(0)} ms compressed, ${before.journeyMs.toFixed(0)} ms uncompressed`,
        `  time to interactive of the case room (a case link in a fresh browser, navigation start → room connected and editable): ${after.caseLinkMs.toFixed(0)} ms compressed, ${before.caseLinkMs.toFixed(0)} ms uncompressed`,
        ...after.scripts.map(
          (script) =>
            `    ${new URL(script.url).pathname}: ${kB(script.transferred)} ${script.encoding} of ${kB(script.decoded)}`,
        ),
      ].join('\n'),
    );
    if (identityHonoured) expect(beforeTransferred).toBeGreaterThan(decoded);
  });
});
