import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * What every Caseroom database has held since its first version: the case catalogue and each
 * case's update log. Tables added later (parties, tokens, organisations, …) are created by the
 * server when it opens an older database, so a backup from an older version still restores.
 */
export const CASEROOM_TABLES = { cases: ['id'], updates: ['case_id', 'data'] } as const;

/** How long a reader waits for a lock held by a writer's checkpoint before it gives up. */
export const READER_BUSY_TIMEOUT_MS = 5_000;

/** Why a file is not a Caseroom database that can be restored. */
export type DatabaseProblem =
  /** The file is not an SQLite database at all. */
  | { reason: 'notSqlite'; file: string; detail: string }
  /** SQLite's integrity check found damage (its first findings). */
  | { reason: 'damaged'; file: string; detail: string }
  /** An SQLite database, but not Caseroom's: the tables or columns it lacks. */
  | { reason: 'notCaseroom'; file: string; missing: string[] };

/** A Caseroom database that passed the checks: how many cases it holds. */
export type DatabaseFacts = { cases: number };

/**
 * Checks an open database: SQLite's own `PRAGMA integrity_check` (every page, index and
 * constraint) and Caseroom's tables. Reads only.
 */
export function checkCaseroomDatabase(
  db: Database.Database,
  file: string,
): { ok: true; facts: DatabaseFacts } | { ok: false; problem: DatabaseProblem } {
  let findings: string[];
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    findings = rows.map((row) => row.integrity_check);
  } catch (error) {
    const reason = isNotADatabase(error) ? 'notSqlite' : 'damaged';
    return { ok: false, problem: { reason, file, detail: (error as Error).message } };
  }
  if (findings.length !== 1 || findings[0] !== 'ok') {
    return { ok: false, problem: { reason: 'damaged', file, detail: findings.slice(0, 5).join('; ') } };
  }
  const missing: string[] = [];
  for (const [table, columns] of Object.entries(CASEROOM_TABLES)) {
    const present = new Set(
      (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name),
    );
    if (present.size === 0) {
      missing.push(table);
      continue;
    }
    for (const column of columns) if (!present.has(column)) missing.push(`${table}.${column}`);
  }
  if (missing.length > 0) return { ok: false, problem: { reason: 'notCaseroom', file, missing } };
  const { cases } = db.prepare('SELECT COUNT(*) AS cases FROM cases').get() as { cases: number };
  return { ok: true, facts: { cases } };
}

/** Opens a database file for reading only (it must exist); throws what SQLite throws. */
export function openReader(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, timeout: READER_BUSY_TIMEOUT_MS });
}

/** SQLite's answer for a file that is not a database (or an encrypted one). */
export function isNotADatabase(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_NOTADB';
}

/**
 * Creates an empty file only its owner may read or write, for SQLite to copy a database into: an
 * empty file is an empty database to SQLite, and the journal it writes beside it gets the same
 * mode. Created so by open() itself, never readable by others for a moment; fails if it exists.
 */
export function createOwnerOnly(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
}
