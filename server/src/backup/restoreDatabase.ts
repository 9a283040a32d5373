import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { silentLog } from '../log.ts';
import { DataDirLock, DataDirLockedError, LOCK_DATABASE_FILE, LOCK_HOLDER_FILE } from '../storage/DataDirLock.ts';
import { DATABASE_FILE } from '../storage/sqliteStores.ts';
import {
  checkCaseroomDatabase,
  createOwnerOnly,
  type DatabaseProblem,
  isNotADatabase,
  openReader,
} from './caseroomDatabase.ts';

/** A finished restore: the data directory, its new database, its size, the time taken, its cases. */
export type RestoreReport = { dataDir: string; database: string; bytes: number; ms: number; cases: number };

/** Why nothing was restored (the data directory is left as it was). */
export type RestoreProblem =
  /** No file by that name. */
  | { reason: 'noFile'; file: string }
  /** The name is a folder (or another kind of non-file). */
  | { reason: 'notAFile'; file: string }
  /** The file exists but cannot be read (permissions, I/O). */
  | { reason: 'unreadable'; file: string; detail: string }
  /** Not an SQLite file, damaged, or not Caseroom's. */
  | DatabaseProblem
  /** The data directory already holds something: a restore never mixes with or replaces data. */
  | { reason: 'dataDirNotEmpty'; dataDir: string; entries: string[] }
  /** The data directory's name is taken by a file. */
  | { reason: 'dataDirNotADirectory'; dataDir: string }
  /** A server started on the data directory meanwhile (its lock is held). */
  | { reason: 'dataDirInUse'; dataDir: string; detail: string }
  /** The operating system refused: disk full, no permission, … */
  | { reason: 'writeFailed'; dataDir: string; detail: string };

/** restoreDatabase's answer: expected failures are values. */
export type RestoreResult = { ok: true; report: RestoreReport } | { ok: false; problem: RestoreProblem };

/** Pages per backup step: all at once (nothing else writes to a file being restored). */
const ALL_PAGES = 0x7fffffff;

/**
 * Restores a backup (backupDatabase's file) as the database of a data directory that is empty
 * or does not exist yet, so a restore can never replace or mix with live data. The file must
 * open as SQLite, pass `PRAGMA integrity_check` and have Caseroom's tables; it is copied with
 * the online backup API (which also takes in a -wal file beside it, should someone hand in a
 * raw copy of a live database) under a temporary name readable by its owner only (run it as the
 * user the server runs as), checked again and renamed into place,
 * all while holding the data directory's lock, so a server started meanwhile cannot open a
 * half-restored database. Organisation key files are not in the database (docs/backups.md).
 */
export async function restoreDatabase(file: string, dataDir: string): Promise<RestoreResult> {
  const started = performance.now();
  const source = resolve(file);
  const directory = resolve(dataDir);
  const database = join(directory, DATABASE_FILE);

  const fileProblem = checkFile(source);
  if (fileProblem) return fail(fileProblem);
  const created = !existsSync(directory);
  const directoryProblem = created ? undefined : checkEmptyDirectory(directory);
  if (directoryProblem) return fail(directoryProblem);

  let reader: Database.Database;
  try {
    reader = openReader(source);
  } catch (error) {
    return fail(unreadable(source, error));
  }
  let lock: DataDirLock | undefined;
  const partial = join(directory, `.${DATABASE_FILE}.${randomBytes(6).toString('hex')}.restoring`);
  /** Set once this restore owns the directory's contents (locked, nothing in it but the lock). */
  let writing = false;
  let restored = false;
  try {
    const checked = checkCaseroomDatabase(reader, source);
    if (!checked.ok) return fail(checked.problem);
    try {
      lock = DataDirLock.acquire(directory, { log: silentLog });
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        return fail({ reason: 'dataDirInUse', dataDir: directory, detail: error.message });
      }
      throw error;
    }
    // Taken between the check above and the lock: refuse rather than replace.
    if (existsSync(database)) return fail({ reason: 'dataDirNotEmpty', dataDir: directory, entries: [DATABASE_FILE] });
    writing = true;
    createOwnerOnly(partial);
    await reader.backup(partial, { progress: () => ALL_PAGES });
    const copy = new Database(partial, { fileMustExist: true });
    let copied: ReturnType<typeof checkCaseroomDatabase>;
    try {
      copied = checkCaseroomDatabase(copy, source);
    } finally {
      copy.close();
    }
    if (!copied.ok) return fail(copied.problem);
    renameSync(partial, database);
    restored = true;
    return {
      ok: true,
      report: {
        dataDir: directory,
        database,
        bytes: statSync(database).size,
        ms: performance.now() - started,
        cases: copied.facts.cases,
      },
    };
  } catch (error) {
    return fail({ reason: 'writeFailed', dataDir: directory, detail: (error as Error).message });
  } finally {
    reader.close();
    lock?.release();
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) {
      rmSync(leftover, { force: true });
    }
    // A failed restore leaves the directory as it found it: absent, or empty.
    if (writing && !restored) {
      if (created) rmSync(directory, { recursive: true, force: true });
      else for (const name of [LOCK_DATABASE_FILE, LOCK_HOLDER_FILE]) rmSync(join(directory, name), { force: true });
    }
  }
}

function checkFile(file: string): RestoreProblem | undefined {
  try {
    if (!statSync(file).isFile()) return { reason: 'notAFile', file };
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reason: 'noFile', file };
    return unreadable(file, error);
  }
}

function checkEmptyDirectory(directory: string): RestoreProblem | undefined {
  try {
    if (!statSync(directory).isDirectory()) return { reason: 'dataDirNotADirectory', dataDir: directory };
    const entries = readdirSync(directory);
    if (entries.length > 0)
      return { reason: 'dataDirNotEmpty', dataDir: directory, entries: entries.sort().slice(0, 5) };
    return undefined;
  } catch (error) {
    return { reason: 'writeFailed', dataDir: directory, detail: (error as Error).message };
  }
}

function unreadable(file: string, error: unknown): RestoreProblem {
  const detail = (error as Error).message;
  return isNotADatabase(error) ? { reason: 'notSqlite', file, detail } : { reason: 'unreadable', file, detail };
}

function fail(problem: RestoreProblem): RestoreResult {
  return { ok: false, problem };
}
