import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { silentLog } from '../log.ts';
import { makeNewCase } from '../storage/contracts/contractFixtures.ts';
import type { Stores } from '../storage/Stores.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import type { DocumentConnection } from './CaseDocument.ts';
import { DocumentRegistry } from './DocumentRegistry.ts';

function fakeConnection(id = 'c1'): DocumentConnection & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return { id, sent, send: (m) => sent.push(m), close: () => {} };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

const opened: Stores[] = [];
afterEach(async () => {
  for (const stores of opened.splice(0)) await stores.close();
});

/** Fresh in-memory stores, with case-1 created unless `empty`. */
async function openStores({ empty = false } = {}): Promise<Stores> {
  const stores = await openSqliteStores(':memory:');
  opened.push(stores);
  if (!empty) await stores.cases.create(makeNewCase());
  return stores;
}

describe('DocumentRegistry', () => {
  it('two concurrent opens of one case load it once and yield the same instance', async () => {
    const stores = await openStores();
    const loads = vi.spyOn(stores.updates, 'load');
    const registry = new DocumentRegistry({ stores, log: silentLog });
    const [first, second] = await Promise.all([registry.open('case-1'), registry.open('case-1')]);
    expect(first).toBeDefined();
    expect(first).toBe(second);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(await registry.open('case-1')).toBe(first);
    await registry.close();
  });

  it('resolves undefined for a case that does not exist', async () => {
    const registry = new DocumentRegistry({ stores: await openStores({ empty: true }), log: silentLog });
    expect(await registry.open('missing')).toBeUndefined();
    await registry.close();
  });

  it('unloads a document after the grace period once the last connection left, compacting its log', async () => {
    const stores = await openStores();
    const registry = new DocumentRegistry({ stores, log: silentLog, unloadGraceMs: 20 });
    const document = (await registry.open('case-1'))!;
    const connection = fakeConnection();
    document.addConnection(connection);
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(document.doc));
    editor.on('update', (update: Uint8Array) => document.applyUpdate(update, connection));
    for (let i = 0; i < 5; i++) editor.getArray('a').push([i]);
    await document.settled();
    expect(await stores.updates.count('case-1')).toBe(6);

    await new Promise((r) => setTimeout(r, 60));
    expect(registry.get('case-1')).toBe(document);
    document.removeConnection(connection);
    await until(() => registry.get('case-1') === undefined);
    expect(await stores.updates.count('case-1')).toBe(1);

    const reloaded = (await registry.open('case-1'))!;
    expect(reloaded).not.toBe(document);
    expect(reloaded.doc.getArray('a').toArray()).toEqual([0, 1, 2, 3, 4]);
    await registry.close();
  });

  it('a failed load is forgotten so the next open retries', async () => {
    const stores = await openStores();
    const loads = vi.spyOn(stores.updates, 'load').mockRejectedValueOnce(new Error('disk gone'));
    const registry = new DocumentRegistry({ stores, log: silentLog });
    await expect(registry.open('case-1')).rejects.toThrow('disk gone');
    expect(await registry.open('case-1')).toBeDefined();
    expect(loads).toHaveBeenCalledTimes(2);
    await registry.close();
  });
});
