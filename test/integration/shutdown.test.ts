import { rmSync } from 'node:fs';
import { silentLog, startServer } from '@caseroom/server';
import { sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectSynced,
  createCase,
  makeTempDataDir,
  openTestStores,
  testDatabaseUrl,
  toWsUrl,
  waitFor,
} from '../support/server.ts';

describe('shutdown', () => {
  it('close() is idempotent, tells clients GoingAway, compacts every loaded case and closes the database', async () => {
    const dataDir = makeTempDataDir();
    try {
      // In storage-pg: the data dir's PostgreSQL database, the one openTestStores reads below.
      const databaseUrl = await testDatabaseUrl(dataDir);
      const server = await startServer({ port: 0, dataDir, log: silentLog, ...(databaseUrl ? { databaseUrl } : {}) });
      const { id: caseId, token } = await createCase(server.url);
      const client = await connectSynced(toWsUrl(server.url), caseId, { token });
      const codes: number[] = [];
      client.provider.on('connection-close', (event) => {
        if (event) codes.push(event.code);
      });
      for (let i = 0; i < 5; i++)
        client.doc.transact(() => writeShortText(sectionMap(client.doc, 'facts')!, 'title', `T${i}`));
      const store = await openTestStores(dataDir);
      await waitFor(async () => (await store.updates.count(caseId)) === 6, { what: 'five updates stored' });

      await Promise.all([server.close(), server.close()]);
      await server.close();
      await waitFor(() => codes.length > 0, { what: 'the client to see the close' });
      expect(codes[0]).toBe(1001);
      client.destroy();

      expect(await store.updates.count(caseId)).toBe(1);
      const doc = new Y.Doc();
      for (const update of await store.updates.read(caseId)) Y.applyUpdate(doc, update);
      expect(toModel(doc).facts.title).toBe('T4');
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
