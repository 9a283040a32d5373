import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, SqliteDocumentStore } from './SqliteDocumentStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SqliteOrganisationStore on disk', () => {
  it('[10.2] a key table from before keys could be replaced gains revoked_at at open; its key keeps working; a replaced key keeps its row, marked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseroom-organisations-'));
    dirs.push(dir);
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

    const store = new SqliteDocumentStore(dir);
    expect(store.organisations.findOrganisationKey('1'.repeat(64))?.organisationId).toBe('org-1');
    store.organisations.replaceOrganisationKey('org-1', '2'.repeat(64), 5_000);
    store.close();

    // Opening again does not add the column twice; the replacement is on disk.
    const reopened = new SqliteDocumentStore(dir);
    expect(reopened.organisations.findOrganisationKey('1'.repeat(64))).toBeUndefined();
    expect(reopened.organisations.findOrganisationKey('2'.repeat(64))?.createdAt).toBe(5_000);
    reopened.close();

    const raw = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(raw.prepare('SELECT hash, created_at, revoked_at FROM organisation_keys ORDER BY created_at').all()).toEqual(
      [
        { hash: '1'.repeat(64), created_at: 100, revoked_at: 5_000 },
        { hash: '2'.repeat(64), created_at: 5_000, revoked_at: null },
      ],
    );
    raw.close();
  });
});
