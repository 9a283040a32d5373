import { FaultInjectingStores } from '@caseroom/server';
import { readWorkshop, sectionMap, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectClient, makeTempDataDir, openTestStores, startTestServer, waitFor } from '../support/server.ts';
import { caseWithParties } from './accessFixtures.ts';

/** Server changes to the workshop record while the case's store is failing (server/CONTEXT.md). */
describe('workshop changes and a failing store', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  it('are refused with 503 storageUnavailable (nothing changes) until the store recovers', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const store = new FaultInjectingStores(await openTestStores(dataDir));
    const server = await startTestServer({ dataDir, stores: store.stores, storageRetryMs: 50 });
    servers.push(server);
    const parties = await caseWithParties(server.url);
    const phase = (value: number) =>
      api(server.url, parties.facilitator, 'POST', `/api/cases/${parties.id}/workshop/phase`, { phase: value });
    const editor = connectClient(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(editor);
    await waitFor(() => editor.provider.synced, { what: 'sync' });

    store.failWrites = true;
    editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'facts')!, 'title', 'Under a failing disk'));
    await waitFor(() => store.refusedWrites > 0, { what: 'the failed write' });
    const refused = await phase(2);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('storageUnavailable');
    const view = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/workshop`);
    expect(view.body.workshop.phase).toBe(1);

    store.failWrites = false;
    await waitFor(() => editor.provider.synced && editor.provider.wsconnected, {
      what: 'reconnected',
      timeoutMs: 10_000,
    });
    let accepted = await phase(2);
    for (let i = 0; i < 50 && accepted.status === 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      accepted = await phase(2);
    }
    expect(accepted.status).toBe(200);
    await waitFor(() => readWorkshop(editor.doc).phase === 2, { what: 'the phase after recovery' });
  });
});
