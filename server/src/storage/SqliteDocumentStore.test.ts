import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from './SqliteDocumentStore.ts';
import { makeNewCase, storageContractSuite } from './storageContractSuite.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'caseroom-store-'));
}

storageContractSuite('SqliteDocumentStore', () => {
  const dir = tempDir();
  return { store: new SqliteDocumentStore(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
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
});
