import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeNewCase, makeNewOrganisation } from './contracts/contractFixtures.ts';
import { DATABASE_FILE, openSqliteStores } from './sqliteStores.ts';

// What only the SQLite engine does: a file that outlives the process, the busy timeout, and
// the migration of a database an older version created. The contracts run in contracts/sqlite.test.ts.

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseroom-sqlite-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteStores on disk', () => {
  it('keeps cases, updates, parties and organisations across close and reopen', async () => {
    const dir = tempDir();
    const first = await openSqliteStores(dir);
    await first.organisations.create(makeNewOrganisation('org-1'));
    await first.cases.create(makeNewCase());
    await first.updates.append('case-1', [new Uint8Array([7, 7]), new Uint8Array([8])]);
    await first.close();
    const second = await openSqliteStores(dir, { synchronous: 'FULL' });
    try {
      expect(await second.cases.exists('case-1')).toBe(true);
      expect((await second.cases.get('case-1'))?.organisationId).toBe('org-1');
      expect((await second.updates.load('case-1')).slice(1).map((u) => [...u])).toEqual([[7, 7], [8]]);
      expect(await second.organisations.firstId()).toBe('org-1');
    } finally {
      await second.close();
    }
  });

  it('[9.7] a write blocked by another writer holding the lock fails after the busy timeout, not after 5 s; then works again', async () => {
    const dir = tempDir();
    const stores = await openSqliteStores(dir);
    const intruder = new Database(join(dir, DATABASE_FILE));
    try {
      await stores.cases.create(makeNewCase());
      intruder.exec('BEGIN IMMEDIATE'); // another writer holds the write lock
      const started = performance.now();
      await expect(stores.updates.append('case-1', [new Uint8Array([1])])).rejects.toThrow(/database is locked/);
      await expect(stores.updates.compact('case-1', new Uint8Array([0, 0]))).rejects.toThrow(/database is locked/);
      expect(performance.now() - started).toBeLessThan(1_500);
      intruder.exec('ROLLBACK');
      await stores.updates.append('case-1', [new Uint8Array([2])]);
      expect(await stores.updates.count('case-1')).toBe(2);
    } finally {
      intruder.close();
      await stores.close();
    }
  });

  it('[10.1] a database from before organisations and link lifetimes gains the columns at open; its cases go to the first organisation', async () => {
    const dir = tempDir();
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

    const first = await openSqliteStores(dir);
    expect((await first.cases.get('old-1'))?.organisationId).toBeUndefined();
    expect((await first.cases.get('old-1'))?.importedAt).toBeUndefined();
    expect(await first.access.getParty('old-1', 'f')).toMatchObject({ name: 'Facilitator' });
    expect((await first.access.getParty('old-1', 'f'))?.expiresAt).toBeUndefined();
    await first.access.setPartyExpiry('old-1', 'f', 99);
    await first.organisations.create(makeNewOrganisation('org-1'));
    expect((await first.cases.list()).map((c) => c.organisationId)).toEqual(['org-1', 'org-1']);
    await first.close();

    // A case left without one (written by an older process) is claimed at the next open.
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.exec(`INSERT INTO cases (id, created_at, updated_at, title) VALUES ('stray', 3, 3, 'Løs')`);
    raw.close();
    const second = await openSqliteStores(dir);
    try {
      expect((await second.cases.get('stray'))?.organisationId).toBe('org-1');
      expect((await second.access.getParty('old-1', 'f'))?.expiresAt).toBe(99);
    } finally {
      await second.close();
    }
  });

  it('[10.2] a key table from before keys could be replaced gains revoked_at at open; its key keeps working; a replaced key keeps its row, marked', async () => {
    const dir = tempDir();
    // The organisation tables as the previous version created them, with one organisation and its key.
    const old = new Database(join(dir, DATABASE_FILE));
    old.exec(`
      CREATE TABLE organisations (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                                  name TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE organisation_keys (hash TEXT PRIMARY KEY, organisation_id TEXT NOT NULL REFERENCES organisations(id),
                                      created_at INTEGER NOT NULL);
      INSERT INTO organisations (id, name, created_at) VALUES ('org-1', 'Holbæk Kommune', 100);
      INSERT INTO organisation_keys VALUES ('${'1'.repeat(64)}', 'org-1', 100);
    `);
    old.close();

    const stores = await openSqliteStores(dir);
    expect((await stores.organisations.findKey('1'.repeat(64)))?.organisationId).toBe('org-1');
    await stores.organisations.replaceKey('org-1', '2'.repeat(64), 5_000);
    await stores.close();

    // Opening again does not add the column twice; the replacement is on disk.
    const reopened = await openSqliteStores(dir);
    expect(await reopened.organisations.findKey('1'.repeat(64))).toBeUndefined();
    expect((await reopened.organisations.findKey('2'.repeat(64)))?.createdAt).toBe(5_000);
    await reopened.close();

    const raw = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(raw.prepare('SELECT hash, created_at, revoked_at FROM organisation_keys ORDER BY created_at').all()).toEqual(
      [
        { hash: '1'.repeat(64), created_at: 100, revoked_at: 5_000 },
        { hash: '2'.repeat(64), created_at: 5_000, revoked_at: null },
      ],
    );
    raw.close();
  });

  it('[13.1] a cases table from before imports gains imported_at at open; its cases read as made here', async () => {
    const dir = tempDir();
    const old = new Database(join(dir, DATABASE_FILE));
    old.exec(`
      CREATE TABLE cases (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                          title TEXT, municipality TEXT, phase INTEGER, organisation_id TEXT);
      INSERT INTO cases VALUES ('old-1', 1, 1, 'Gammel', NULL, 1, NULL);
    `);
    old.close();
    const stores = await openSqliteStores(dir);
    try {
      expect(await stores.cases.get('old-1')).not.toHaveProperty('importedAt');
      await stores.cases.create(makeNewCase({ id: 'imported', importedAt: 2_000 }));
      expect((await stores.cases.get('imported'))?.importedAt).toBe(2_000);
    } finally {
      await stores.close();
    }
  });

  it('[9.2] a client_ids table from before bound_at gains it at open: its rows get the time of the migration, new binds their own', async () => {
    const dir = tempDir();
    const old = new Database(join(dir, DATABASE_FILE));
    old.exec(`
      CREATE TABLE cases (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                          title TEXT, municipality TEXT, phase INTEGER, organisation_id TEXT);
      INSERT INTO cases VALUES ('old-1', 1, 1, 'Gammel', NULL, 1, NULL);
      CREATE TABLE client_ids (case_id TEXT NOT NULL REFERENCES cases(id), client_id INTEGER NOT NULL,
                               party_id TEXT NOT NULL, PRIMARY KEY (case_id, client_id)) WITHOUT ROWID;
      INSERT INTO client_ids VALUES ('old-1', 7, 'p-a');
    `);
    old.close();
    const before = Date.now();
    const stores = await openSqliteStores(dir);
    try {
      const [migrated] = await stores.clientIds.list('old-1');
      expect(migrated).toMatchObject({ clientId: 7, partyId: 'p-a' });
      expect(migrated?.boundAt).toBeGreaterThanOrEqual(before);
      expect(migrated?.boundAt).toBeLessThanOrEqual(Date.now());
      await stores.clientIds.bind('old-1', [{ clientId: 8, partyId: 'p-b' }], 5);
      expect((await stores.clientIds.list('old-1')).find((b) => b.clientId === 8)?.boundAt).toBe(5);
    } finally {
      await stores.close();
    }
    // Open again: the column is there, nothing changes.
    const again = await openSqliteStores(dir);
    try {
      expect((await again.clientIds.list('old-1')).find((b) => b.clientId === 8)?.boundAt).toBe(5);
    } finally {
      await again.close();
    }
  });

  it('two :memory: stores are two databases', async () => {
    const one = await openSqliteStores(':memory:');
    const two = await openSqliteStores(':memory:');
    try {
      await one.cases.create(makeNewCase());
      expect(await two.cases.exists('case-1')).toBe(false);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
