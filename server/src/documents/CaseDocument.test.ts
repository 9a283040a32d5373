import { CloseCode } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLog } from '../log.ts';
import { makeNewCase, replay } from '../storage/contracts/contractFixtures.ts';
import { FaultInjectingStores } from '../storage/FaultInjectingStores.ts';
import type { Stores } from '../storage/Stores.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import type { UpdateLog } from '../storage/UpdateLog.ts';
import { encodeUpdate, MalformedMessageError } from '../sync/messages.ts';
import { CaseDocument, type CaseDocumentOptions, type DocumentConnection } from './CaseDocument.ts';

type FakeConnection = DocumentConnection & { sent: Uint8Array[]; closedWith: number | undefined };

/** A write held in flight until the test lets it through (`release`) or makes it fail (`fail`). */
type HeldWrite = { release: () => void; fail: (error: Error) => void };

/**
 * Stores whose `updates.append` can be held in flight by hand (`hold`), and which count the
 * updates whose append has completed (`committed`): to see what a connection hears while its
 * sender's update is being written.
 */
function holdingAppends(inner: Stores) {
  let gate: Promise<void> | undefined;
  const counts = { committed: 0 };
  const updates: UpdateLog = {
    append: async (caseId, batch) => {
      if (gate) await gate;
      await inner.updates.append(caseId, batch);
      counts.committed += batch.length;
    },
    load: (caseId) => inner.updates.load(caseId),
    read: (caseId) => inner.updates.read(caseId),
    compact: (caseId, state) => inner.updates.compact(caseId, state),
    count: (caseId) => inner.updates.count(caseId),
    revision: (caseId) => inner.updates.revision(caseId),
  };
  let open: (() => void) | undefined;
  const hold = (): HeldWrite => {
    let settle!: { release: () => void; fail: (error: Error) => void };
    gate = new Promise<void>((release, fail) => {
      settle = { release, fail };
    });
    const opened = (then: () => void) => () => {
      gate = undefined;
      open = undefined;
      then();
    };
    open = opened(() => settle.release());
    return { release: open, fail: (error) => opened(() => settle.fail(error))() };
  };
  /** Lets a write still held through (a test that failed before releasing it must not hang its cleanup). */
  const releaseAny = () => open?.();
  return { stores: { ...inner, updates } satisfies Stores, counts, hold, releaseAny };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(overrides: Partial<CaseDocumentOptions> = {}) {
  const inner = await openSqliteStores(':memory:');
  cleanups.push(() => inner.close());
  await inner.cases.create(makeNewCase());
  const held = holdingAppends(inner);
  const faults = new FaultInjectingStores(held.stores);
  const stores = faults.stores;
  let idle = 0;
  const document = (await CaseDocument.load('case-1', {
    stores,
    log: silentLog,
    now: () => 42,
    compactEvery: 1_000,
    storageRetryMs: 10,
    summaryIntervalMs: 1_000,
    onIdle: () => idle++,
    onActive: () => {},
    ...overrides,
  }))!;
  cleanups.push(async () => {
    await document.settled();
    document.destroy();
  });
  cleanups.push(async () => held.releaseAny());
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
  return {
    stores,
    faults,
    committed: () => held.counts.committed,
    hold: held.hold,
    document,
    connect,
    editor,
    edits,
    idle: () => idle,
  };
}

/** Lets the event loop run a few turns (a held write is not released by waiting). */
async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('CaseDocument', () => {
  it('stores an update before relaying it to every other connection', async () => {
    const { stores, committed, document, connect, editor, edits } = await setup();
    const a = connect('a');
    const b = connect('b');
    let committedWhenRelayed = -1;
    b.send = (m) => {
      committedWhenRelayed = committed();
      b.sent.push(m);
    };
    editor.getMap('facts').set('title', 'Ny');
    document.applyUpdate(edits[0]!, a);
    await document.settled();
    expect(committedWhenRelayed).toBe(1);
    expect(await stores.updates.count('case-1')).toBe(2);
    expect(b.sent).toHaveLength(1);
    expect(a.sent).toHaveLength(0);
    expect(document.summary()).toMatchObject({ title: 'Ny', updatedAt: 42 });
  });

  it('relays an update to the other connections only once its commit completed, not while it is in flight', async () => {
    const { stores, hold, document, connect, editor, edits } = await setup();
    const a = connect('a');
    const b = connect('b');
    const write = hold();
    editor.getMap('facts').set('title', 'Venter');
    document.applyUpdate(edits[0]!, a);
    await turns();
    // Applied in memory, queued, not yet stored: nobody else hears of it.
    expect(document.doc.getMap('facts').get('title')).toBe('Venter');
    expect(document.commitQueueDepth).toBe(1);
    expect(await stores.updates.count('case-1')).toBe(1);
    expect(b.sent).toHaveLength(0);

    write.release();
    await document.settled();
    expect(await stores.updates.count('case-1')).toBe(2);
    expect(b.sent).toEqual([encodeUpdate(edits[0]!)]);
    expect(
      replay(await stores.updates.read('case-1'))
        .getMap('facts')
        .get('title'),
    ).toBe('Venter');
    expect(a.sent).toHaveLength(0);
    expect(document.storageFailed).toBe(false);
  });

  it('never relays an update whose commit failed, and holds the case in storageFailed', async () => {
    const { stores, hold, document, connect, editor, edits } = await setup();
    const a = connect('a');
    const b = connect('b');
    const write = hold();
    editor.getMap('facts').set('title', 'Fejler');
    document.applyUpdate(edits[0]!, a);
    await turns();
    expect(b.sent).toHaveLength(0);
    expect(document.storageFailed).toBe(false);

    write.fail(new Error('disk full'));
    await document.settled();
    expect(document.storageFailed).toBe(true);
    expect(b.sent).toHaveLength(0);
    expect([a.closedWith, b.closedWith]).toEqual([CloseCode.StorageUnavailable, CloseCode.StorageUnavailable]);
    expect(await stores.updates.count('case-1')).toBe(1);
    // Kept in memory, and stored by the retry, but still never relayed to anyone.
    expect(document.doc.getMap('facts').get('title')).toBe('Fejler');
    for (let i = 0; i < 100 && document.storageFailed; i++) await new Promise((r) => setTimeout(r, 5));
    expect(document.storageFailed).toBe(false);
    expect(
      replay(await stores.updates.read('case-1'))
        .getMap('facts')
        .get('title'),
    ).toBe('Fejler');
    expect(b.sent).toHaveLength(0);
    expect(a.sent).toHaveLength(0);
  });

  it('throws MalformedMessageError for an update Yjs rejects, and keeps working', async () => {
    const { document, connect, editor, edits } = await setup();
    const a = connect('a');
    expect(() => document.applyUpdate(new Uint8Array([9, 9, 9]), a)).toThrow(MalformedMessageError);
    editor.getMap('facts').set('title', 'Stadig i live');
    document.applyUpdate(edits[0]!, a);
    expect(document.doc.getMap('facts').get('title')).toBe('Stadig i live');
  });

  it('on a failed write: relays nothing, closes everyone with StorageUnavailable, keeps the update, stores it on retry', async () => {
    const { stores, faults, document, connect, editor, edits } = await setup();
    const a = connect('a');
    const b = connect('b');
    faults.failWrites = true;
    editor.getMap('facts').set('title', 'Ikke tabt');
    document.applyUpdate(edits[0]!, a);
    await document.settled();
    expect(b.sent).toHaveLength(0);
    expect([a.closedWith, b.closedWith]).toEqual([CloseCode.StorageUnavailable, CloseCode.StorageUnavailable]);
    expect(document.storageFailed).toBe(true);
    expect(document.connectionCount).toBe(0);
    expect(await document.flush()).toBe(false);

    faults.failWrites = false;
    for (let i = 0; i < 100 && document.storageFailed; i++) await new Promise((r) => setTimeout(r, 5));
    expect(document.storageFailed).toBe(false);
    const replayed = replay(await stores.updates.read('case-1'));
    expect(replayed.getMap('facts').get('title')).toBe('Ikke tabt');
  });

  it('[W12] records each section an update changed for its party, batched; a resync records nothing', async () => {
    const { stores, document, connect, editor, edits } = await setup();
    const a = connect('a', 'party-a');
    editor.transact(() => {
      editor.getMap('facts').set('title', 'Ny');
      editor.getMap('targetGroup').set('name', 'Unge');
    });
    editor.getMap('facts').set('title', 'Nyere');
    for (const edit of edits) document.applyUpdate(edit, a);
    // A reconnecting client sends everything it has: nothing new, so no activity.
    document.applyUpdate(Y.encodeStateAsUpdate(editor), a);
    await document.settled();
    expect(await stores.activity.list('case-1', 10)).toEqual([]);
    await document.flushActivity();
    const listed = (await stores.activity.list('case-1', 10)).map(({ partyId, section, edits }) => ({
      partyId,
      section,
      edits,
    }));
    expect(listed).toEqual(
      expect.arrayContaining([
        { partyId: 'party-a', section: 'facts', edits: 2 },
        { partyId: 'party-a', section: 'targetGroup', edits: 1 },
      ]),
    );
    expect(listed).toHaveLength(2);
  });

  it('[W12] records the roots the write guard found for the update, without inspecting it again', async () => {
    const { stores, document, connect, editor, edits } = await setup();
    const a = connect('a', 'party-a');
    editor.getMap('facts').set('title', 'Ny');
    document.applyUpdate(edits[0]!, a, new Set(['outcomes', 'workshop']));
    await document.flushActivity();
    expect((await stores.activity.list('case-1', 10)).map((entry) => entry.section)).toEqual(['outcomes']);
  });
});
