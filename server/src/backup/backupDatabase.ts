import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../storage/sqliteStores.ts';
import {
  checkCaseroomDatabase,
  createOwnerOnly,
  type DatabaseProblem,
  isNotADatabase,
  openReader,
} from './caseroomDatabase.ts';

/** A finished backup: where, how big, how long it took, how many cases it holds. */
export type BackupReport = { file: string; bytes: number; ms: number; cases: number };

/** Why no backup was written (nothing is left behind at the file's name in any case). */
export type BackupProblem =
  /** The data directory holds no Caseroom database. */
  | { reason: 'noDatabase'; dataDir: string; database: string }
  /** Something already has the backup's name: a backup never overwrites. */
  | { reason: 'fileExists'; file: string }
  /** The folder the backup should go into does not exist. */
  | { reason: 'noFolder'; folder: string }
  /** The copy failed its check (it was deleted), or the database is not Caseroom's. */
  | DatabaseProblem
  /** The operating system refused: disk full, no permission, … */
  | { reason: 'writeFailed'; file: string; detail: string };

/** backupDatabase's answer: expected failures are values. */
export type BackupResult = { ok: true; report: BackupReport } | { ok: false; problem: BackupProblem };

/** Pages per backup step: all of them, so the copy is one read transaction (see backupDatabase). */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a data directory's database to `file` with SQLite's online backup API, safe while a
 * server edits it. A separate read-only connection reads it: in WAL mode a reader neither
 * waits for nor blocks the server's writes, and the whole copy is made in one step — one read
 * transaction — so it is the database exactly as it was committed when the copy began (a copy
 * made in several steps would restart whenever another connection wrote in between). It is a
 * reader, so it does not take the data directory's lock (DataDirLock).
 *
 * The copy is written beside `file` under a temporary name, readable by its owner only (it holds
 * every case), switched to a self-contained
 * rollback-journal file (no -wal beside it), checked (`PRAGMA integrity_check` and Caseroom's
 * tables) and only then given its name — with a hard link or an exclusive copy, which fail if
 * the name was taken meanwhile. So a backup never overwrites anything and never leaves a
 * half-written file under the name asked for.
 */
export async function backupDatabase(dataDir: string, file: string): Promise<BackupResult> {
  const started = performance.now();
  const database = join(resolve(dataDir), DATABASE_FILE);
  const target = resolve(file);
  const folder = dirname(target);
  if (!existsSync(database)) return fail({ reason: 'noDatabase', dataDir: resolve(dataDir), database });
  if (existsSync(target)) return fail({ reason: 'fileExists', file: target });
  if (!isDirectory(folder)) return fail({ reason: 'noFolder', folder });

  const partial = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    const source = openReader(database);
    try {
      createOwnerOnly(partial);
      await source.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    let checked: ReturnType<typeof checkCaseroomDatabase>;
    try {
      copy.pragma('journal_mode = DELETE');
      checked = checkCaseroomDatabase(copy, target);
    } finally {
      copy.close();
    }
    if (!checked.ok) return fail(checked.problem);
    if (!publish(partial, target)) return fail({ reason: 'fileExists', file: target });
    return {
      ok: true,
      report: {
        file: target,
        bytes: statSync(target).size,
        ms: performance.now() - started,
        cases: checked.facts.cases,
      },
    };
  } catch (error) {
    const detail = (error as Error).message;
    if (isNotADatabase(error)) return fail({ reason: 'notSqlite', file: database, detail });
    return fail({ reason: 'writeFailed', file: target, detail });
  } finally {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) {
      rmSync(leftover, { force: true });
    }
  }
}

/**
 * Gives the checked copy its name unless something has it already (false then): a hard link
 * is atomic; where the file system has none (FAT/exFAT sticks, some network shares) an
 * exclusive copy. Either way the bytes are on disk before this returns.
 */
function publish(partial: string, target: string): boolean {
  try {
    linkSync(partial, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    try {
      copyFileSync(partial, target, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw copyError;
    }
  }
  const handle = openSync(target, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  return true;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function fail(problem: BackupProblem): BackupResult {
  return { ok: false, problem };
}
