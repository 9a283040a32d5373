import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { claimUnowned, firstOrganisationId } from './OrganisationStore.ts';
import { type Stores, sqlStores } from './Stores.ts';
import type { CaseroomTables } from './sql/tables.ts';
import { createSchema } from './sqliteSchema.ts';

/** The file name of the database inside the data dir. */
export const DATABASE_FILE = 'caseroom.sqlite';

/**
 * How hard SQLite syncs to disk. NORMAL in WAL mode: a committed transaction survives a crash
 * or kill -9 of the process (it is in the WAL file in the OS page cache), but the last
 * transactions may be lost if the operating system crashes or power fails. FULL would fsync
 * every commit; see server/CONTEXT.md for the measurement and the choice.
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

/**
 * How long a write waits for another connection's write lock before it fails with
 * SQLITE_BUSY. The data directory is locked (DataDirLock), so another writer is an operator's
 * tool at most; a write that still cannot go through fails fast and the case waits in memory
 * for its retry, rather than holding up every request.
 */
export const BUSY_TIMEOUT_MS = 250;

/** Options of the SQLite stores. */
export type SqliteOptions = { synchronous?: SqliteSynchronous; busyTimeoutMs?: number };

/**
 * The stores in one SQLite file (WAL) in the data dir — Caseroom's embedded default. The tables
 * are created if missing and older ones migrated (`sqliteSchema.ts`); cases from before
 * organisations existed go to the first organisation. `dataDir` ':memory:' keeps it in memory
 * (tests).
 */
export async function openSqliteStores(dataDir: string, options: SqliteOptions = {}): Promise<Stores> {
  const inMemory = dataDir === ':memory:';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const database = new Database(inMemory ? ':memory:' : join(dataDir, DATABASE_FILE), {
    timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
  });
  try {
    database.pragma('journal_mode = WAL');
    database.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    database.pragma('foreign_keys = ON');
    createSchema(database);
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<CaseroomTables>({ dialect: new SqliteDialect({ database }) });
  const first = await firstOrganisationId(db);
  if (first !== undefined) await claimUnowned(db, first);
  return sqlStores(db, 'sqlite', () => db.destroy());
}
