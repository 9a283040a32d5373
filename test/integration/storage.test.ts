import { FaultInjectingStores } from '@caseroom/server';
import { CloseCode, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  bearer,
  connectSynced,
  createCase,
  makeTempDataDir,
  type NodeClient,
  openRawSocket,
  openTestStores,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';

/** What the database holds of a case, read through a second handle (as another process would). */
async function storedModel(dataDir: string, caseId: string) {
  const stores = await openTestStores(dataDir);
  try {
    const doc = new Y.Doc();
    for (const update of await stores.updates.read(caseId)) Y.applyUpdate(doc, update);
    return { model: toModel(doc), rows: await stores.updates.count(caseId) };
  } finally {
    await stores.close();
  }
}

describe('storage', () => {
  const { clients, servers, dirs } = cleanupAfterEach();
  async function start(options: Parameters<typeof startTestServer>[0]) {
    const server = await startTestServer(options);
    servers.push(server);
    return server;
  }
  async function connect(server: TestServer, caseId: string, token: string) {
    const client = await connectSynced(server.wsUrl, caseId, { token });
    clients.push(client);
    return client;
  }
  const setTitle = (client: NodeClient, title: string) =>
    client.doc.transact(() => writeShortText(sectionMap(client.doc, 'facts')!, 'title', title));
  const title = (client: NodeClient) => toModel(client.doc).facts.title;

  it('a failed write: nothing relayed, clients closed and refused with StorageUnavailable; after recovery everything is stored and clients resync', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const store = new FaultInjectingStores(await openTestStores(dataDir));
    const server = await start({ dataDir, stores: store.stores, storageRetryMs: 50 });
    const { id: caseId, token } = await createCase(server.url);
    const writer = await connect(server, caseId, token);
    const reader = await connect(server, caseId, token);
    const closeCodes: number[] = [];
    reader.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code);
    });

    store.failWrites = true;
    setTitle(writer, 'Skrevet mens disken var fuld');
    await waitFor(() => closeCodes.includes(CloseCode.StorageUnavailable), { what: 'StorageUnavailable close' });
    expect(title(reader)).toBeUndefined();
    const refused = await openRawSocket(server.wsUrl, caseId, token);
    expect((await refused.closed).code).toBe(CloseCode.StorageUnavailable);
    expect(server.logs.some((line) => line.level === 'error' && line.message.includes('storage write failed'))).toBe(
      true,
    );
    // Not stored yet: the database still holds only the initial state.
    expect((await storedModel(dataDir, caseId)).model.facts.title).toBeUndefined();

    store.failWrites = false;
    await waitFor(() => title(reader) === 'Skrevet mens disken var fuld', {
      timeoutMs: 10_000,
      what: 'reader resynced after recovery',
    });
    await waitFor(() => writer.provider.synced && reader.provider.synced, { what: 'both synced' });
    expect((await storedModel(dataDir, caseId)).model.facts.title).toBe('Skrevet mens disken var fuld');
    setTitle(reader, 'Og videre');
    await waitFor(() => title(writer) === 'Og videre', { what: 'relaying again' });
  });

  it('a case nobody is connected to is unloaded after the grace period, compacted, and reloads with its content', async () => {
    const server = await start({ unloadGraceMs: 100 });
    const { id: caseId, token } = await createCase(server.url);
    const client = await connect(server, caseId, token);
    for (let i = 0; i < 10; i++) setTitle(client, `Titel ${i}`);
    await waitFor(async () => (await storedModel(server.dataDir, caseId)).rows === 11, { what: 'ten updates stored' });
    client.destroy();
    await waitFor(() => server.logs.some((line) => line.message === 'case unloaded'), { what: 'unload' });
    expect(await storedModel(server.dataDir, caseId)).toEqual({ model: expect.anything(), rows: 1 });
    const again = await connect(server, caseId, token);
    expect(title(again)).toBe('Titel 9');
  });

  it('compaction every N updates keeps the content, also across a restart', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const first = await start({ dataDir, compactEvery: 5 });
    const { id: caseId, token } = await createCase(first.url);
    const a = await connect(first, caseId, token);
    const b = await connect(first, caseId, token);
    const items = sectionMap(a.doc, 'targetGroup')!;
    for (let i = 0; i < 23; i++) a.doc.transact(() => writeShortText(items, 'name', `Målgruppe ${i}`));
    await waitFor(() => toModel(b.doc).targetGroup.name === 'Målgruppe 22', { what: 'b has every edit' });
    await waitFor(async () => (await storedModel(dataDir, caseId)).rows < 6, { what: 'compacted log' });
    expect((await storedModel(dataDir, caseId)).model.targetGroup.name).toBe('Målgruppe 22');

    for (const client of clients.splice(0)) client.destroy();
    await first.close();
    const second = await start({ dataDir });
    const c = await connect(second, caseId, token);
    expect(toModel(c.doc)).toEqual(toModel(a.doc));
  });

  it('two connections arriving at once share one loaded document', async () => {
    const server = await start({});
    const { id: caseId, token } = await createCase(server.url);
    const [a, b] = await Promise.all([
      connectSynced(server.wsUrl, caseId, { token }),
      connectSynced(server.wsUrl, caseId, { token }),
    ]);
    clients.push(a, b);
    setTitle(a, 'Samme dokument');
    await waitFor(() => title(b) === 'Samme dokument', { what: 'b sees a' });
    const listing = (await (await fetch(`${server.url}/api/cases`, { headers: bearer(token) })).json()) as {
      online: number;
    }[];
    expect(listing[0]?.online).toBe(2);
  });
});
