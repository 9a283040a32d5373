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
    // Deleted rows are overwritten with zeros, not left in free pages: a case deleted for good
    // (issue 15) is not in the file, nor in any backup taken after (docs/backups.md).
    database.pragma('secure_delete = ON');
    createSchema(database);
  } catch (error) {
    database.close();
    throw error;
  }
  const db = new Kysely<CaseroomTables>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const first = await firstOrganisationId(db);
  if (first !== undefined) await claimUnowned(db, first);
  return sqlStores(db, 'sqlite', () => db.destroy());
}

/** Prepared statements kept per SQL text (Kysely's SQLite driver prepares every query anew). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The database as Kysely's SQLite dialect sees it, with its statements prepared once per SQL text
 * (least recently used dropped past STATEMENT_CACHE_SIZE): preparing was a quarter of the
 * server's CPU under load (`pnpm bench:sync`, issue 14). A statement is reused only after the
 * call that used it returned — better-sqlite3 is synchronous and Kysely runs one query at a time.
 */
function withStatementCache(database: Database.Database): Pick<Database.Database, 'prepare' | 'close'> {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare: ((sql: string) => {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    }) as Database.Database['prepare'],
    close: () => database.close(),
  };
}
