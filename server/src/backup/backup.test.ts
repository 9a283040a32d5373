import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Stores } from '../storage/Stores.ts';
import { DATABASE_FILE, openSqliteStores } from '../storage/sqliteStores.ts';
import { backupDatabase } from './backupDatabase.ts';
import { restoreDatabase } from './restoreDatabase.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'caseroom-backup-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A case whose document holds one fact, stored the way the server stores it. */
async function addCase(stores: Stores, id: string, fact: string): Promise<void> {
  const doc = new Y.Doc();
  doc.getMap('facts').set('note', fact);
  await stores.cases.create({
    id,
    createdAt: Date.now(),
    initialState: Y.encodeStateAsUpdate(doc),
    summary: { title: `Case ${id}`, municipality: undefined, phase: 1 },
  });
}

/** The fact a stored case holds, read back through the store's update log. */
async function readFact(stores: Stores, id: string): Promise<unknown> {
  const doc = new Y.Doc();
  for (const update of await stores.updates.read(id)) Y.applyUpdate(doc, update);
  return doc.getMap('facts').get('note');
}

/** A data directory with a database of `count` cases, its store still open (as a running server holds it). */
async function liveDataDir(count: number): Promise<{ dataDir: string; stores: Stores }> {
  const dataDir = join(root, 'data');
  const stores = await openSqliteStores(dataDir);
  for (let i = 0; i < count; i++) await addCase(stores, `case-${i}`, `fact ${i}`);
  return { dataDir, stores };
}

describe('backupDatabase', () => {
  it('copies a database a writer has open, as committed when the copy began, into one self-contained checked file', async () => {
    const { dataDir, stores } = await liveDataDir(3);
    // Committed, still in the WAL (no checkpoint yet): the copy must hold it.
    await stores.updates.append('case-0', [Y.encodeStateAsUpdate(new Y.Doc())]);
    const file = join(root, 'backup.sqlite');
    const result = await backupDatabase(dataDir, file);
    // The writer carries on after the copy: that case is not in it.
    await addCase(stores, 'after-backup', 'later');
    await stores.close();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toMatchObject({ file, cases: 3, bytes: statSync(file).size });
    // It holds every case: only its owner may read it.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(result.report.ms).toBeGreaterThan(0);
    // Self-contained: a rollback-journal file, nothing beside it, no temporary files left.
    expect(readdirSync(root).sort()).toEqual(['backup.sqlite', 'data']);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT id FROM cases ORDER BY id').all()).toEqual([
      { id: 'case-0' },
      { id: 'case-1' },
      { id: 'case-2' },
    ]);
    expect(copy.prepare("SELECT COUNT(*) AS n FROM updates WHERE case_id = 'case-0'").get()).toEqual({ n: 2 });
    copy.close();
  });

  it('refuses to overwrite an existing file, and leaves it untouched', async () => {
    const { dataDir, stores } = await liveDataDir(1);
    await stores.close();
    const file = join(root, 'taken.sqlite');
    writeFileSync(file, 'my notes');
    const result = await backupDatabase(dataDir, file);
    expect(result).toEqual({ ok: false, problem: { reason: 'fileExists', file } });
    expect(readFileSync(file, 'utf8')).toBe('my notes');
    expect(readdirSync(root).sort()).toEqual(['data', 'taken.sqlite']);
  });

  it('says so when the folder does not exist or the data directory holds no database', async () => {
    const { dataDir, stores } = await liveDataDir(1);
    await stores.close();
    const folder = join(root, 'no-such-folder');
    expect(await backupDatabase(dataDir, join(folder, 'b.sqlite'))).toEqual({
      ok: false,
      problem: { reason: 'noFolder', folder },
    });
    const empty = join(root, 'empty');
    mkdirSync(empty);
    expect(await backupDatabase(empty, join(root, 'b.sqlite'))).toEqual({
      ok: false,
      problem: { reason: 'noDatabase', dataDir: empty, database: join(empty, DATABASE_FILE) },
    });
    expect(existsSync(join(root, 'b.sqlite'))).toBe(false);
  });
});

describe('restoreDatabase', () => {
  async function backupOf(count: number): Promise<string> {
    const { dataDir, stores } = await liveDataDir(count);
    const file = join(root, 'backup.sqlite');
    const result = await backupDatabase(dataDir, file);
    await stores.close();
    if (!result.ok) throw new Error(`backup failed: ${JSON.stringify(result.problem)}`);
    return file;
  }

  it('restores into a directory that does not exist yet; a store opened on it has every case', async () => {
    const file = await backupOf(4);
    const target = join(root, 'restored', 'data');
    const result = await restoreDatabase(file, target);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toMatchObject({ dataDir: target, database: join(target, DATABASE_FILE), cases: 4 });
    // Only the database and the released lock's file; no temporary copy.
    expect(readdirSync(target).filter((name) => !name.startsWith('caseroom.lock'))).toEqual([DATABASE_FILE]);
    expect(statSync(join(target, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    const stores = await openSqliteStores(target);
    expect((await stores.cases.list()).map((record) => record.id)).toHaveLength(4);
    expect(await readFact(stores, 'case-3')).toBe('fact 3');
    await stores.close();
  });

  it('restores into an empty directory', async () => {
    const file = await backupOf(1);
    const target = join(root, 'empty');
    mkdirSync(target);
    const result = await restoreDatabase(file, target);
    expect(result.ok && result.report.cases).toBe(1);
  });

  it('refuses a data directory that holds anything, and leaves it as it was', async () => {
    const file = await backupOf(1);
    const target = join(root, 'in-use');
    const stores = await openSqliteStores(target);
    await addCase(stores, 'live', 'do not replace me');
    await stores.close();
    const before = readdirSync(target).sort();
    const result = await restoreDatabase(file, target);
    expect(result).toEqual({ ok: false, problem: { reason: 'dataDirNotEmpty', dataDir: target, entries: before } });
    expect(readdirSync(target).sort()).toEqual(before);
    const reopened = await openSqliteStores(target);
    expect((await reopened.cases.list()).map((record) => record.id)).toEqual(['live']);
    await reopened.close();
  });

  it('refuses a data directory name taken by a file', async () => {
    const file = await backupOf(1);
    const target = join(root, 'a-file');
    writeFileSync(target, '');
    expect(await restoreDatabase(file, target)).toEqual({
      ok: false,
      problem: { reason: 'dataDirNotADirectory', dataDir: target },
    });
  });

  it('refuses what is not a Caseroom database: no file, a folder, not SQLite, another SQLite database', async () => {
    const target = join(root, 'target');
    const missing = join(root, 'missing.sqlite');
    expect(await restoreDatabase(missing, target)).toEqual({ ok: false, problem: { reason: 'noFile', file: missing } });
    expect(await restoreDatabase(root, target)).toEqual({ ok: false, problem: { reason: 'notAFile', file: root } });

    const text = join(root, 'notes.txt');
    writeFileSync(text, 'Referat fra mødet\n'.repeat(200));
    const notSqlite = await restoreDatabase(text, target);
    expect(notSqlite.ok === false && notSqlite.problem.reason).toBe('notSqlite');

    const other = join(root, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE cases (name TEXT); CREATE TABLE invoices (id INTEGER)');
    db.close();
    expect(await restoreDatabase(other, target)).toEqual({
      ok: false,
      problem: { reason: 'notCaseroom', file: other, missing: ['cases.id', 'updates'] },
    });
    const empty = join(root, 'empty.sqlite');
    writeFileSync(empty, '');
    expect(await restoreDatabase(empty, target)).toEqual({
      ok: false,
      problem: { reason: 'notCaseroom', file: empty, missing: ['cases', 'updates'] },
    });
    // Nothing was created for any of them.
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a damaged backup (integrity check) and creates nothing', async () => {
    const file = await backupOf(40);
    const pageSize = 4096;
    const pages = statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(3);
    // Scribble over the middle of every page after the first (the schema): b-tree pages no longer parse.
    const handle = openSync(file, 'r+');
    for (let page = 1; page < pages; page++) writeSync(handle, Buffer.alloc(64, 0xa5), 0, 64, page * pageSize + 8);
    closeSync(handle);
    const target = join(root, 'target');
    const result = await restoreDatabase(file, target);
    expect(result.ok === false && result.problem.reason).toBe('damaged');
    expect(existsSync(target)).toBe(false);
  });
});
