import { sectionMap, setField } from '@caseroom/shared';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseWithParties } from '../integration/accessFixtures.ts';
import { recordRefusals } from '../integration/workshopFixtures.ts';
import { prose } from '../security/exampleWorkshop.ts';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import { api, connectSynced, type NodeClient, startTestServer, type TestServer } from '../support/server.ts';
import { openCase } from './room.ts';

/**
 * The storage quota in the room (issue 9): an editor's client fills a case with a small quota;
 * the facilitator (Fie) reads the share used from 80 %, the observer (Olga) nothing until the
 * quota, then one line; Fie tidies up and reads the result, and Olga's line goes away.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let olga: Person;
let writer: NodeClient;

afterEach(() => {
  for (const person of [fie, olga]) if (person) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  writer?.destroy();
  await browser?.close();
  await server?.close();
});

describe('[9] the storage notice in the room', () => {
  let parties: Awaited<ReturnType<typeof caseWithParties>>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ caseQuotaBytes: 40 * 1024, compactEvery: 100_000 }),
      launchBrowser(),
    ]);
    parties = await caseWithParties(server.url, { example: true });
    [fie, olga] = await Promise.all([
      openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' }),
      openPerson(browser, { name: 'Olga Olsen', department: 'Investor' }),
    ]);
    await openCase(fie.page, server.url, { id: parties.id, token: parties.facilitator });
    await openCase(olga.page, server.url, { id: parties.id, token: parties.observer.token });
    writer = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
  });

  const notice = (person: Person) => person.page.getByRole('status', { name: 'Lagerplads' });
  let seed = 0;
  /** Writes edits of about a kilobyte until the usage reaches `share` of the quota or one is refused. */
  async function fill(share: number): Promise<void> {
    const refusals = recordRefusals(writer);
    const usage = async () =>
      (await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/storage`)).body as {
        usedBytes: number;
        quotaBytes: number;
      };
    let { usedBytes, quotaBytes } = await usage();
    while (usedBytes < share * quotaBytes && refusals.length === 0) {
      const value = prose(1000, ++seed);
      writer.doc.transact(() => setField(sectionMap(writer.doc, 'evaluation')!, 'dataSources', value));
      const before = usedBytes;
      for (let i = 0; i < 100 && usedBytes === before && refusals.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        usedBytes = (await usage()).usedBytes;
      }
    }
  }

  it('[9] from 80 % the facilitator reads the share used and can tidy up; the observer reads nothing yet', async () => {
    await fill(0.8);
    await expect
      .poll(() => notice(fie).textContent(), { timeout: 10_000 })
      .toMatch(/^Sagen har brugt 8\d % af sin lagerplads \([\d,]+ kB af 40 kB\)\./);
    await expect.poll(() => notice(fie).getByRole('button', { name: 'Ryd op' }).count()).toBe(1);
    expect(await notice(olga).count()).toBe(0);
  });

  it('[9] at the quota everyone reads that changes are refused; the facilitator tidies up and reads the result', async () => {
    await fill(1.01);
    // An edit the guard refused leaves the case just below the quota and the notice full; a
    // decision over HTTP is refused as well (507 storageFull), nothing written.
    const decision = await api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/decisions`, {
      text: prose(2000, 99),
    });
    expect(decision.status).toBe(507);
    expect(decision.body.error.code).toBe('storageFull');
    await expect
      .poll(() => notice(olga).textContent(), { timeout: 10_000 })
      .toBe('Sagen har brugt hele sin lagerplads. Ændringer afvises, indtil facilitatoren har ryddet op.');
    await expect.poll(() => notice(fie).textContent()).toMatch(/Ændringer afvises, indtil der er ryddet op\./);

    await notice(fie).getByRole('button', { name: 'Ryd op' }).click();
    await expect
      .poll(() => notice(fie).textContent(), { timeout: 10_000 })
      .toMatch(/^Der er ryddet op\. Sagen bruger nu \d+ % af sin lagerplads \([\d,]+ kB af 40 kB\)\./);
    await expect.poll(() => notice(olga).count(), { timeout: 10_000 }).toBe(0);
    await notice(fie).getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => notice(fie).count()).toBe(0);
  });
});
