import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { api, createCase, startTestServer, type TestServer } from '../support/server.ts';
import { openCase } from './room.ts';

/**
 * Issue 13: an imported case shows the decisions and sign-offs its file carried — marked as
 * imported history, never as this case's own ("no decisions" was shown before).
 */
let server: TestServer;
let browser: Browser;
let fie: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  fie = await openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' });
});

afterEach(() => {
  expect(pageErrors(fie.page)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The case exported as JSON and imported again: a new case, the copy. */
async function importedCopyOf(original: { id: string; token: string }): Promise<{ id: string; token: string }> {
  const file = await (
    await fetch(`${server.url}/api/cases/${original.id}/export.json`, {
      headers: { authorization: `Bearer ${original.token}` },
    })
  ).text();
  const imported = await fetch(`${server.url}/api/cases/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: file,
  });
  expect(imported.status).toBe(201);
  return (await imported.json()) as { id: string; token: string };
}

describe('[issue 13] imported history is visible', () => {
  it('the decision log and the sign-off dialog list what the file carried, marked as imported', async () => {
    const original = await createCase(server.url, { example: true });
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(server.url, original.token, method, `/api/cases/${original.id}${path}`, body);
    const me = (await call('GET', '/me')).body as { party: { id: string } };
    expect((await call('POST', '/workshop/decisions', { text: 'Vi vælger IPS' })).status).toBe(201);
    expect((await call('PUT', '/workshop/required-signers', { partyIds: [me.party.id] })).status).toBe(200);
    const hash = ((await call('GET', '/workshop')).body as { contentHash: string }).contentHash;
    expect((await call('POST', '/workshop/signoffs', { hash })).status).toBe(201);
    const copy = await importedCopyOf(original);

    const { page } = fie;
    await openCase(page, server.url, copy);
    const workshop = page.getByRole('region', { name: 'Workshop' });
    await workshop.getByRole('button', { name: 'Beslutninger (1)' }).click();
    const log = page.getByRole('dialog', { name: 'Beslutningslog' });
    await log.waitFor();
    const importedDecision = log.locator('[data-imported="true"]');
    await expect.poll(() => importedDecision.count()).toBe(1);
    expect(await importedDecision.textContent()).toContain('Vi vælger IPS');
    expect(await importedDecision.textContent()).toContain('Importeret');
    expect(await log.textContent()).toContain('Fra den importerede fil');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await log.getByRole('button', { name: 'Luk' }).click();

    await workshop.getByRole('button', { name: /^Godkendelse/ }).click();
    const signoffs = page.getByRole('dialog', { name: 'Godkendelse' });
    await signoffs.waitFor();
    const importedSignoff = signoffs.locator('[data-imported="true"]');
    await expect.poll(() => importedSignoff.count()).toBe(1);
    expect(await importedSignoff.textContent()).toContain(`Godkendte version ${hash.slice(0, 8)}`);
    // History only: the copy is not agreed by the imported signature.
    expect(await signoffs.locator('.signoff-agreed').getAttribute('data-agreed')).toBe('false');
  });

  it('an imported copy is marked in the room and on the start page; the original is not', async () => {
    const original = await createCase(server.url, { example: true });
    const copy = await importedCopyOf(original);

    const { page } = fie;
    await openCase(page, server.url, copy);
    const roomMark = page.locator('.top-bar [data-imported-mark]');
    await roomMark.waitFor();
    expect(await roomMark.textContent()).toMatch(/^Importeret kopi – Lavet ud fra en importeret fil /);
    const markBox = await roomMark.boundingBox();
    expect(markBox && markBox.width > 0 && markBox.y + markBox.height <= 110).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await openCase(page, server.url, original);
    await page.locator('.top-bar .case-title').waitFor();
    expect(await page.locator('.top-bar [data-imported-mark]').count()).toBe(0);

    await page.goto(`${server.url}/`);
    const rowOf = (id: string) => page.locator('.case-table tbody tr', { has: page.locator(`a[href$="${id}"]`) });
    await rowOf(copy.id).waitFor();
    expect(await rowOf(copy.id).locator('[data-imported-mark]').textContent()).toBe('Importeret kopi');
    expect(await rowOf(original.id).locator('[data-imported-mark]').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
