/**
 * Issue 9 item 3: an editor broke a case for good with 20,000 nested blockquotes (424 KB) in a
 * rich-text field — reading the model overflowed the stack, and model, workshop, export and
 * restore answered 500 from then on, across restarts. Reading the model now never recurses
 * without bound: a case already damaged by an earlier version (written straight into its
 * store, as that version stored it) opens, with the deep part set aside and the rest intact.
 */
import { contentHash, readModelWithNotices, type toModel } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseWithParties } from '../integration/accessFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, makeTempDataDir, openTestStores, startTestServer } from '../support/server.ts';
import { expectHonestSync, healthProbe } from './attackFixtures.ts';

/** How deep the quotes of the report were nested. */
const DEPTH = 20_000;

/**
 * Appends to a stopped server's store what an earlier version accepted from the attacker: an
 * update, made on a scratch replica of the stored case under a client id of its own, that nests
 * DEPTH blockquotes (the innermost holding a paragraph) at the end of problem/text.
 */
async function damageStoredCase(dataDir: string, caseId: string): Promise<number> {
  const stores = await openTestStores(dataDir);
  try {
    const replica = new Y.Doc();
    for (const update of await stores.updates.load(caseId)) Y.applyUpdate(replica, update);
    const before = Y.encodeStateVector(replica);
    const fragment = replica.getMap('problem').get('text') as Y.XmlFragment;
    replica.transact(() => {
      let parent: Y.XmlFragment = fragment;
      for (let i = 0; i < DEPTH; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(parent.length, [quote]);
        parent = quote;
      }
      const paragraph = new Y.XmlElement('paragraph');
      parent.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText('bunden')]);
    });
    const damage = Y.encodeStateAsUpdate(replica, before);
    await stores.updates.append(caseId, [damage]);
    return damage.length;
  } finally {
    await stores.close();
  }
}

/** The content of a model (everything but the phase, which is workshop state). */
function content(model: ReturnType<typeof toModel>) {
  const { phase: _phase, ...facts } = model.facts;
  return { ...model, facts };
}

describe('[9.3] a case damaged by deeply nested rich text', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  it('[9.3] opens and is repaired: model, workshop, exports, snapshot and restore answer 200, clients sync, across restarts', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    servers.push(first);
    const parties = await caseWithParties(first.url, { example: true });
    const path = (rest: string) => `/api/cases/${parties.id}${rest}`;
    const intact = (await api(first.url, parties.facilitator, 'GET', path('/model'))).body;
    await first.close();

    const bytes = await damageStoredCase(dataDir, parties.id);
    expect(bytes).toBeGreaterThan(400_000); // the size of the report's attack

    const server = await startTestServer({ dataDir });
    servers.push(server);
    const health = healthProbe(server.url);
    const call = (method: 'GET' | 'POST', rest: string, body?: unknown) =>
      api(server.url, parties.facilitator, method, path(rest), body);

    const started = performance.now();
    const model = await call('GET', '/model');
    expect(model.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
    // The rest of the case is intact; the quotes, their own block with no text within the
    // bounds, are set aside, so the problem text reads as the editors wrote it.
    expect(content(model.body)).toEqual(content(intact));

    expect((await call('GET', '/workshop')).status).toBe(200);
    const json = await fetch(`${server.url}${path('/export.json?version=current')}`, {
      headers: { authorization: `Bearer ${parties.facilitator}` },
    });
    expect(json.status).toBe(200);
    const exported = (await json.json()) as { model: unknown; version: { contentHash: string } };
    expect(exported.version.contentHash).toBe(contentHash(model.body));
    const pdf = await fetch(`${server.url}${path('/export.pdf?version=current')}`, {
      headers: { authorization: `Bearer ${parties.facilitator}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

    const snapshot = await call('POST', '/snapshots', { name: 'Efter skaden' });
    expect(snapshot.status).toBe(201);
    expect((await call('GET', `/snapshots/${snapshot.body.id}/model`)).status).toBe(200);
    expect((await call('GET', `/snapshots/${snapshot.body.id}/changes?lang=da`)).status).toBe(200);
    const restored = await call('POST', `/snapshots/${snapshot.body.id}/restore`);
    expect(restored.status).toBe(200);

    // A y-websocket client still connects and syncs — it receives the whole document, quotes and
    // all, and its own reading sets them aside the same way — and two clients keep editing.
    const facilitator = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
    const editor = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(facilitator, editor);
    // The server repaired the case when it loaded it: the deep part is gone from the live
    // document, the whole case from before is a saved version, and a decision says so.
    const reading = readModelWithNotices(facilitator.doc);
    expect(reading.setAside).toEqual([]);
    expect(content(reading.model)).toEqual(content(intact));
    const versions = await call('GET', '/snapshots');
    const before = (versions.body as { id: string; name: string }[]).find((v) => v.name.startsWith('Før reparation'));
    expect(before).toBeDefined();
    const workshop = await call('GET', '/workshop');
    expect(JSON.stringify(workshop.body)).toContain('satte indhold til side');
    expect(JSON.stringify(workshop.body)).toContain('problem/text');
    // The saved version from before the repair still reads (bounded) and restores.
    const old = await call('GET', `/snapshots/${before?.id}/model`);
    expect(old.status).toBe(200);
    expect((await call('POST', `/snapshots/${before?.id}/restore`)).status).toBe(200);
    await expectHonestSync(facilitator, editor, 'after the damage');
    const edited = await call('GET', '/model');
    expect(edited.body.targetGroup.name).toBe('from a after the damage');
    expect(await health.stop()).toBeLessThan(1_000);

    // Across a restart: the case still opens.
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const again = await startTestServer({ dataDir });
    servers.push(again);
    const reopened = await api(again.url, parties.facilitator, 'GET', path('/model'));
    expect(reopened.status).toBe(200);
    expect(reopened.body.targetGroup.name).toBe('from a after the damage');
    expect(reopened.body.problem).toEqual(intact.problem);
    expect((await api(again.url, parties.facilitator, 'GET', path('/workshop'))).status).toBe(200);
  });
});
