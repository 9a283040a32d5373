import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, SqliteDocumentStore } from './SqliteDocumentStore.ts';
import { makeNewCase, makeNewOrganisation, storageContractSuite } from './storageContractSuite.ts';

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

  it('[10.1] a database from before organisations and link lifetimes gains the columns at open; its cases go to the first organisation', () => {
    const dir = tempDir();
    try {
      // The tables as the previous version created them, with a case and a party.
      const old = new Database(join(dir, DATABASE_FILE));
      old.exec(`
        CREATE TABLE cases (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                            title TEXT, municipality TEXT, phase INTEGER);
        CREATE TABLE parties (seq INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL REFERENCES cases(id),
                              id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, role TEXT NOT NULL,
                              department_id TEXT, created_at INTEGER NOT NULL, UNIQUE (case_id, id));
        INSERT INTO cases VALUES ('old-1', 1, 1, 'Gammel', NULL, 1), ('old-2', 2, 2, 'Ældre', NULL, 1);
        INSERT INTO parties (case_id, id, name, kind, role, created_at) VALUES ('old-1', 'f', 'Facilitator', 'facilitator', 'facilitator', 1);
      `);
      old.close();

      const first = new SqliteDocumentStore(dir);
      expect(first.getCase('old-1')?.organisationId).toBeUndefined();
      expect(first.getParty('old-1', 'f')).toMatchObject({ name: 'Facilitator' });
      expect(first.getParty('old-1', 'f')?.expiresAt).toBeUndefined();
      first.setPartyExpiry('old-1', 'f', 99);
      first.organisations.createOrganisation(makeNewOrganisation('org-1'));
      expect(first.listCases().map((c) => c.organisationId)).toEqual(['org-1', 'org-1']);
      first.close();

      // A case left without one (written by an older process) is claimed at the next open.
      const raw = new Database(join(dir, DATABASE_FILE));
      raw.exec(`INSERT INTO cases (id, created_at, updated_at, title) VALUES ('stray', 3, 3, 'Løs')`);
      raw.close();
      const second = new SqliteDocumentStore(dir);
      expect(second.getCase('stray')?.organisationId).toBe('org-1');
      expect(second.getParty('old-1', 'f')?.expiresAt).toBe(99);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
