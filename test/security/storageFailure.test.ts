/**
 * Issue 9 item 7: a server change (decision, lock) could answer 200 when its store write failed.
 * With a disk that refuses writes (FaultInjectingStores around the real stores: SQLite, or PostgreSQL in security-pg), every
 * HTTP request that writes answers 503 `storageUnavailable` and logs an error; nobody is told a
 * change was made; the server keeps what it has and resumes by itself once the store writes.
 */
import { FaultInjectingStores } from '@caseroom/server';
import { CloseCode, exampleCase, readWorkshop } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { caseWithParties } from '../integration/accessFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  bearer,
  connectSynced,
  makeTempDataDir,
  openTestStores,
  startTestServer,
  waitFor,
} from '../support/server.ts';
import { healthProbe } from './attackFixtures.ts';

describe('[9.7] a store that cannot write', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  async function failingServer() {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const store = new FaultInjectingStores(await openTestStores(dataDir));
    const server = await startTestServer({ dataDir, stores: store.stores, storageRetryMs: 50 });
    servers.push(server);
    return { dataDir, store, server };
  }

  it('[9.7] a decision while the store fails is 503 storageUnavailable and reaches no one; after the fault clears the next one is stored and survives a restart', async () => {
    const { dataDir, store, server } = await failingServer();
    const parties = await caseWithParties(server.url);
    const decide = (text: string) =>
      api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/decisions`, { text });
    const reader = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(reader);
    const closes: number[] = [];
    reader.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    const decisionTexts = () =>
      Object.values(readWorkshop(reader.doc).decisions)
        .map((d) => d.text)
        .sort();

    store.failWrites = true;
    const probe = healthProbe(server.url);
    const refused = await decide('Skrevet mens disken var fuld');
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('storageUnavailable');
    // A second try while it still fails: the same answer, nothing claims success.
    expect((await decide('Igen mens disken var fuld')).status).toBe(503);
    expect(
      server.logs.some(
        (line) => line.level === 'error' && /store cannot write|storage write failed/.test(line.message),
      ),
    ).toBe(true);
    // Nobody was told of the refused decision: the reader was closed before anything was relayed.
    await waitFor(() => closes.includes(CloseCode.StorageUnavailable), { what: 'StorageUnavailable close' });
    expect(decisionTexts()).toEqual([]);
    expect(await probe.stop()).toBeLessThan(1_000);

    store.failWrites = false;
    let accepted = await decide('Efter disken fik plads');
    for (let i = 0; i < 100 && accepted.status === 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      accepted = await decide('Efter disken fik plads');
    }
    expect(accepted.status).toBe(201);
    await waitFor(() => decisionTexts().includes('Efter disken fik plads'), {
      timeoutMs: 10_000,
      what: 'the reader reconnected and has the decision',
    });

    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    const view = await api(restarted.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/workshop`);
    const stored = Object.values(view.body.workshop.decisions as Record<string, { text: string }>).map((d) => d.text);
    expect(stored).toContain('Efter disken fik plads');
  });

  it('[9.7] every kind of write through HTTP answers 503 storageUnavailable while the store fails, and works again after', async () => {
    const { store, server } = await failingServer();
    const parties = await caseWithParties(server.url, { example: true });
    const call = (token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(server.url, token, method, `/api/cases/${parties.id}${path}`, body);
    const { contentHash: hash, workshop } = (await call(parties.editor.token, 'GET', '/workshop')).body;
    const otherPhase = workshop.phase === 3 ? 2 : 3;
    const snapshot = await call(parties.facilitator, 'POST', '/snapshots', { name: 'Før' });
    expect(snapshot.status).toBe(201);
    const vote = await call(parties.facilitator, 'POST', '/workshop/votes', {
      list: 'outcomes',
      itemIds: [exampleCase().outcomes[0]?.id],
      votesPerPerson: 1,
    });
    expect(vote.status).toBe(201);
    const importText = JSON.stringify(exampleCase());

    const writes: [string, () => Promise<{ status: number; body: { error?: { code: string } } }>][] = [
      ['create case', () => api(server.url, undefined, 'POST', '/api/cases', {})],
      [
        'import case',
        async () => {
          const response = await fetch(`${server.url}/api/cases/import`, { method: 'POST', body: importText });
          return { status: response.status, body: await response.json() };
        },
      ],
      ['invite', () => call(parties.facilitator, 'POST', '/parties', { name: 'Ny', kind: 'other', role: 'editor' })],
      [
        'ballot',
        () => call(parties.editor.token, 'PUT', `/workshop/votes/${vote.body.voteId}/ballot`, { itemIds: [] }),
      ],
      ['manual snapshot', () => call(parties.facilitator, 'POST', '/snapshots', { name: 'Under fejl' })],
      ['restore', () => call(parties.facilitator, 'POST', `/snapshots/${snapshot.body.id}/restore`)],
      ['sign-off', () => call(parties.editor.token, 'POST', '/workshop/signoffs', { hash })],
      ['comment', () => call(parties.editor.token, 'POST', '/workshop/comments', { itemPath: 'facts', text: 'Hm' })],
      ['lock', () => call(parties.facilitator, 'POST', '/workshop/locks', { section: 'facts', locked: true })],
      ['phase', () => call(parties.facilitator, 'POST', '/workshop/phase', { phase: otherPhase })],
    ];

    store.failWrites = true;
    for (const [what, write] of writes) {
      const answer = await write();
      expect({ what, status: answer.status, code: answer.body.error?.code }).toEqual({
        what,
        status: 503,
        code: 'storageUnavailable',
      });
    }
    expect(server.logs.filter((line) => line.level === 'error').length).toBeGreaterThanOrEqual(writes.length);
    // Reads still work from memory and the store.
    expect((await call(parties.editor.token, 'GET', '/snapshots')).status).toBe(200);
    expect((await fetch(`${server.url}/api/cases`, { headers: bearer(parties.facilitator) })).status).toBe(200);

    store.failWrites = false;
    await waitFor(() => server.logs.some((line) => line.message === 'storage recovered; case stored'), {
      what: 'the case stored again by its retry',
    });
    for (const [what, write] of writes) {
      const answer = await write();
      expect({ what, ok: answer.status < 300 }).toEqual({ what, ok: true });
    }
  });
});
