import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Log } from '../log.ts';

/**
 * The lock itself: a small SQLite file held in an exclusive transaction for as long as the
 * server runs. The operating system releases it when the process ends however it ends (even
 * kill -9), so a crash never leaves a lock that must be removed by hand, a reused PID never
 * looks like a holder, and a second server in the same process is refused too (SQLite tracks
 * its locks per file within a process).
 */
export const LOCK_DATABASE_FILE = 'caseroom.lock.sqlite';

/** Who holds the lock, written by the holder for the message of a process that is refused. */
export const LOCK_HOLDER_FILE = 'caseroom.lock';

/** The process that holds (or last held) a data directory, as its holder file describes it. */
export type LockHolder = { pid: number; host: string; startedAt: string; dataDir: string };

/** Thrown by DataDirLock.acquire when another server (process) holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(lockedMessage(dataDir, holder));
    this.name = 'DataDirLockedError';
  }
}

/**
 * An exclusive lock on a data directory (issue 9: two processes on one database lose edits).
 * Acquire before opening the store, release after closing it. A lock whose holder file names a
 * process that did not release it (a crash) is taken over, and that is logged.
 */
export class DataDirLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    private readonly database: Database.Database,
    private readonly holder: LockHolder,
  ) {}

  /** Takes the data directory's lock, or throws DataDirLockedError naming the process that holds it. */
  static acquire(dataDir: string, options: { log: Log }): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    // timeout 0: a held lock is an answer, not something to wait for.
    const database = new Database(join(dataDir, LOCK_DATABASE_FILE), { timeout: 0 });
    try {
      database.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      database.close();
      if (isBusy(error)) throw new DataDirLockedError(dataDir, readHolder(dataDir));
      throw error;
    }
    const previous = readHolder(dataDir);
    if (previous) {
      // The file outlived its process: it was not shut down cleanly (crash, kill -9, power loss).
      options.log('warn', 'data directory lock taken over from a process that did not release it', {
        dataDir,
        previousPid: previous.pid,
        previousHost: previous.host,
        previousStartedAt: previous.startedAt,
      });
    }
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
      dataDir,
    };
    try {
      writeHolder(dataDir, holder);
    } catch (error) {
      database.close();
      throw error;
    }
    return new DataDirLock(dataDir, database, holder);
  }

  /** Releases the lock (removes the holder file, then lets go of the OS lock). Idempotent. */
  release(): void {
    if (this.released) return;
    this.released = true;
    // Only our own description: the file is ours while we hold the lock, but be careful anyway.
    if (readHolder(this.dataDir)?.pid === this.holder.pid)
      rmSync(join(this.dataDir, LOCK_HOLDER_FILE), { force: true });
    this.database.close();
  }
}

function lockedMessage(dataDir: string, holder: LockHolder | undefined): string {
  const who = holder
    ? `process ${holder.pid} on ${holder.host} (started ${holder.startedAt})${holder.pid === process.pid && holder.host === hostname() ? ' — this very process' : ''}`
    : `another process (${join(dataDir, LOCK_HOLDER_FILE)} does not say which yet)`;
  return `The data directory ${dataDir} is in use by ${who}. Two Caseroom servers on one data directory would lose edits: stop that one first, or give this one another CASEROOM_DATA_DIR.`;
}

function readHolder(dataDir: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(join(dataDir, LOCK_HOLDER_FILE), 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number') return undefined;
    return {
      pid: value.pid,
      host: String(value.host ?? 'an unknown host'),
      startedAt: String(value.startedAt ?? 'at an unknown time'),
      dataDir: String(value.dataDir ?? dataDir),
    };
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a reader never sees half a description. */
function writeHolder(dataDir: string, holder: LockHolder): void {
  const path = join(dataDir, LOCK_HOLDER_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(holder, null, 2)}\n`);
  renameSync(temporary, path);
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
