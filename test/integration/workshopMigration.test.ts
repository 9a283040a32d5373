import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkshop, SCHEMA_VERSION, toModel, WORKSHOP_MAPS, workshopChild } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, makeTempDataDir, openTestStores, startTestServer } from '../support/server.ts';

/** A case as stored before the workshop record: the phase in facts, no `workshop` map. */
async function writeCaseWithoutWorkshop(dataDir: string, id: string): Promise<void> {
  const stores = await openTestStores(dataDir);
  try {
    const doc = new Y.Doc();
    doc.transact(() => {
      doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION);
      const facts = doc.getMap('facts');
      facts.set('title', 'Sag fra før workshoppen');
      facts.set('phase', 2);
      for (const key of ['partners', 'departments', 'sources']) facts.set(key, new Y.Map());
    });
    await stores.cases.create({
      id,
      createdAt: 1_700_000_000_000,
      initialState: Y.encodeStateAsUpdate(doc),
      summary: { title: 'Sag fra før workshoppen', municipality: undefined, phase: 2 },
    });
  } finally {
    await stores.close();
  }
}

/** docs/workshop.md W1: an older case gets its workshop record on load, with facts.phase moved into it. */
describe('[W1] cases from before the workshop record', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  it('on load, the server creates workshop with its nested maps and moves facts.phase there — stored, once', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const id = 'preWorkshopCaseAAAAAAA';
    await writeCaseWithoutWorkshop(dataDir, id);
    const server = await startTestServer({ dataDir });
    servers.push(server);
    // A11: the adopted case's facilitator link is in the owner-only links file of the data directory.
    const links = readFileSync(join(dataDir, 'facilitator-links.txt'), 'utf8');
    const token = /#token=(\S+)$/m.exec(links)![1]!;
    const client = await connectSynced(server.wsUrl, id, { token });
    clients.push(client);
    for (const key of WORKSHOP_MAPS) expect(workshopChild(client.doc, key)).toBeInstanceOf(Y.Map);
    expect(readWorkshop(client.doc).phase).toBe(2);
    expect(client.doc.getMap('facts').has('phase')).toBe(false);
    expect(toModel(client.doc).facts.phase).toBe(2);
    // The workshop API works on it.
    const changed = await api(server.url, token, 'POST', `/api/cases/${id}/workshop/phase`, { phase: 3 });
    expect(changed.status).toBe(200);

    // Stored: after a restart it is there without another migration.
    client.destroy();
    clients.length = 0;
    await server.close();
    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    const again = await connectSynced(restarted.wsUrl, id, { token });
    clients.push(again);
    expect(readWorkshop(again.doc).phase).toBe(3);
    expect(again.doc.getMap('facts').has('phase')).toBe(false);
  });
});
