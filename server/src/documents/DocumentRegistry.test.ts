import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { silentLog } from '../log.ts';
import { MemoryDocumentStore } from '../storage/MemoryDocumentStore.ts';
import { makeNewCase } from '../storage/storageContractSuite.ts';
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

describe('DocumentRegistry', () => {
  it('two concurrent opens of one case load it once and yield the same instance', async () => {
    const store = new MemoryDocumentStore();
    store.createCase(makeNewCase());
    const loads = vi.spyOn(store, 'loadUpdates');
    const registry = new DocumentRegistry({ store, log: silentLog });
    const [first, second] = await Promise.all([registry.open('case-1'), registry.open('case-1')]);
    expect(first).toBeDefined();
    expect(first).toBe(second);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(await registry.open('case-1')).toBe(first);
    registry.close();
  });

  it('resolves undefined for a case that does not exist', async () => {
    const registry = new DocumentRegistry({ store: new MemoryDocumentStore(), log: silentLog });
    expect(await registry.open('missing')).toBeUndefined();
    registry.close();
  });

  it('unloads a document after the grace period once the last connection left, compacting its log', async () => {
    const store = new MemoryDocumentStore();
    store.createCase(makeNewCase());
    const registry = new DocumentRegistry({ store, log: silentLog, unloadGraceMs: 20 });
    const document = (await registry.open('case-1'))!;
    const connection = fakeConnection();
    document.addConnection(connection);
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(document.doc));
    editor.on('update', (update: Uint8Array) => document.applyUpdate(update, connection));
    for (let i = 0; i < 5; i++) editor.getArray('a').push([i]);
    expect(store.updateCount('case-1')).toBe(6);

    await new Promise((r) => setTimeout(r, 60));
    expect(registry.get('case-1')).toBe(document);
    document.removeConnection(connection);
    await until(() => registry.get('case-1') === undefined);
    expect(store.updateCount('case-1')).toBe(1);

    const reloaded = (await registry.open('case-1'))!;
    expect(reloaded).not.toBe(document);
    expect(reloaded.doc.getArray('a').toArray()).toEqual([0, 1, 2, 3, 4]);
    registry.close();
  });

  it('a failed load is forgotten so the next open retries', async () => {
    const store = new MemoryDocumentStore();
    store.createCase(makeNewCase());
    const loads = vi.spyOn(store, 'loadUpdates').mockImplementationOnce(() => {
      throw new Error('disk gone');
    });
    const registry = new DocumentRegistry({ store, log: silentLog });
    await expect(registry.open('case-1')).rejects.toThrow('disk gone');
    expect(await registry.open('case-1')).toBeDefined();
    expect(loads).toHaveBeenCalledTimes(2);
    registry.close();
  });
});
