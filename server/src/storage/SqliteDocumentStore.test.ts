import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, SqliteDocumentStore } from './SqliteDocumentStore.ts';
import { makeNewCase, storageContractSuite } from './storageContractSuite.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'caseroom-store-'));
}

storageContractSuite('SqliteDocumentStore', () => {
  const dir = tempDir();
  return {
    store: new SqliteDocumentStore(dir),
    openSecond: () => new SqliteDocumentStore(dir),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqliteDocumentStore on disk', () => {
  it('keeps cases and updates across close and reopen', () => {
    const dir = tempDir();
    try {
      const first = new SqliteDocumentStore(dir);
      first.createCase(makeNewCase());
      first.appendUpdate('case-1', new Uint8Array([7, 7]));
      first.close();
      const second = new SqliteDocumentStore(dir, { synchronous: 'FULL' });
      expect(second.caseExists('case-1')).toBe(true);
      expect(second.loadUpdates('case-1').map((u) => [...u])[1]).toEqual([7, 7]);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('[9.7] a write blocked by another writer holding the lock fails after the busy timeout, not after 5 s; then works again', () => {
    const dir = tempDir();
    const store = new SqliteDocumentStore(dir);
    const intruder = new Database(join(dir, DATABASE_FILE));
    try {
      store.createCase(makeNewCase());
      intruder.exec('BEGIN IMMEDIATE'); // another writer holds the write lock
      const started = performance.now();
      expect(() => store.appendUpdate('case-1', new Uint8Array([1]))).toThrow(/database is locked/);
      expect(() => store.compact('case-1', new Uint8Array([0, 0]))).toThrow(/database is locked/);
      expect(performance.now() - started).toBeLessThan(1_500);
      intruder.exec('ROLLBACK');
      store.appendUpdate('case-1', new Uint8Array([2]));
      expect(store.updateCount('case-1')).toBe(2);
    } finally {
      intruder.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
