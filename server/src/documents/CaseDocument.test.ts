import { CloseCode } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLog } from '../log.ts';
import { FaultInjectingStore } from '../storage/FaultInjectingStore.ts';
import { MemoryDocumentStore } from '../storage/MemoryDocumentStore.ts';
import { makeNewCase } from '../storage/storageContractSuite.ts';
import { MalformedMessageError } from '../sync/messages.ts';
import { CaseDocument, type CaseDocumentOptions, type DocumentConnection } from './CaseDocument.ts';

type FakeConnection = DocumentConnection & { sent: Uint8Array[]; closedWith: number | undefined };

function setup(overrides: Partial<CaseDocumentOptions> = {}) {
  const store = new FaultInjectingStore(new MemoryDocumentStore());
  store.createCase(makeNewCase());
  let idle = 0;
  const document = CaseDocument.load('case-1', {
    store,
    log: silentLog,
    now: () => 42,
    compactEvery: 1_000,
    storageRetryMs: 10,
    summaryIntervalMs: 1_000,
    onIdle: () => idle++,
    onActive: () => {},
    ...overrides,
  })!;
  const connect = (id: string, partyId?: string): FakeConnection => {
    const connection: FakeConnection = {
      id,
      partyId,
      sent: [],
      closedWith: undefined,
      send: (m) => connection.sent.push(m),
      close: (code) => {
        connection.closedWith = code;
        document.removeConnection(connection);
      },
    };
    document.addConnection(connection);
    return connection;
  };
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(document.doc));
  const edits: Uint8Array[] = [];
  editor.on('update', (update: Uint8Array) => edits.push(update));
  return { store, document, connect, editor, edits, idle: () => idle };
}

describe('CaseDocument', () => {
  it('stores an update before relaying it to every other connection', () => {
    const { store, document, connect, editor, edits } = setup();
    const a = connect('a');
    const b = connect('b');
    let storedWhenRelayed = -1;
    b.send = (m) => {
      storedWhenRelayed = store.updateCount('case-1');
      b.sent.push(m);
    };
    editor.getMap('facts').set('title', 'Ny');
    document.applyUpdate(edits[0]!, a);
    expect(storedWhenRelayed).toBe(2);
    expect(b.sent).toHaveLength(1);
    expect(a.sent).toHaveLength(0);
    expect(document.summary()).toMatchObject({ title: 'Ny', updatedAt: 42 });
  });

  it('throws MalformedMessageError for an update Yjs rejects, and keeps working', () => {
    const { document, connect, editor, edits } = setup();
    const a = connect('a');
    expect(() => document.applyUpdate(new Uint8Array([9, 9, 9]), a)).toThrow(MalformedMessageError);
    editor.getMap('facts').set('title', 'Stadig i live');
    document.applyUpdate(edits[0]!, a);
    expect(document.doc.getMap('facts').get('title')).toBe('Stadig i live');
  });

  it('on a failed write: relays nothing, closes everyone with StorageUnavailable, keeps the update, stores it on retry', async () => {
    const { store, document, connect, editor, edits } = setup();
    const a = connect('a');
    const b = connect('b');
    store.failWrites = true;
    editor.getMap('facts').set('title', 'Ikke tabt');
    document.applyUpdate(edits[0]!, a);
    expect(b.sent).toHaveLength(0);
    expect([a.closedWith, b.closedWith]).toEqual([CloseCode.StorageUnavailable, CloseCode.StorageUnavailable]);
    expect(document.storageFailed).toBe(true);
    expect(document.connectionCount).toBe(0);
    expect(document.flush()).toBe(false);

    store.failWrites = false;
    for (let i = 0; i < 100 && document.storageFailed; i++) await new Promise((r) => setTimeout(r, 5));
    expect(document.storageFailed).toBe(false);
    const replayed = new Y.Doc();
    for (const update of store.loadUpdates('case-1')) Y.applyUpdate(replayed, update);
    expect(replayed.getMap('facts').get('title')).toBe('Ikke tabt');
    document.destroy();
  });

  it('[W12] records each section an update changed for its party, batched; a resync records nothing', () => {
    const { store, document, connect, editor, edits } = setup();
    const a = connect('a', 'party-a');
    editor.transact(() => {
      editor.getMap('facts').set('title', 'Ny');
      editor.getMap('targetGroup').set('name', 'Unge');
    });
    editor.getMap('facts').set('title', 'Nyere');
    for (const edit of edits) document.applyUpdate(edit, a);
    // A reconnecting client sends everything it has: nothing new, so no activity.
    document.applyUpdate(Y.encodeStateAsUpdate(editor), a);
    expect(store.listActivity('case-1', 10)).toEqual([]);
    document.flushActivity();
    const listed = store.listActivity('case-1', 10).map(({ partyId, section, edits }) => ({ partyId, section, edits }));
    expect(listed).toEqual(
      expect.arrayContaining([
        { partyId: 'party-a', section: 'facts', edits: 2 },
        { partyId: 'party-a', section: 'targetGroup', edits: 1 },
      ]),
    );
    expect(listed).toHaveLength(2);
    document.destroy();
  });

  it('[W12] records the roots the write guard found for the update, without inspecting it again', () => {
    const { store, document, connect, editor, edits } = setup();
    const a = connect('a', 'party-a');
    editor.getMap('facts').set('title', 'Ny');
    document.applyUpdate(edits[0]!, a, new Set(['outcomes', 'workshop']));
    document.flushActivity();
    expect(store.listActivity('case-1', 10).map((entry) => entry.section)).toEqual(['outcomes']);
    document.destroy();
  });
});
