import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type CaseRecord,
  type CaseSummary,
  type DocumentStore,
  DuplicateCaseError,
  type NewCase,
  UnknownCaseError,
} from './DocumentStore.ts';

/** The file name of the database inside the data dir. */
export const DATABASE_FILE = 'caseroom.sqlite';

/**
 * How hard SQLite syncs to disk. NORMAL in WAL mode: a committed transaction survives a crash
 * or kill -9 of the process (it is in the WAL file in the OS page cache), but the last
 * transactions may be lost if the operating system crashes or power fails. FULL would fsync
 * every commit; see server/CONTEXT.md for the measurement and the choice.
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

type CaseRow = {
  id: string;
  created_at: number;
  updated_at: number;
  title: string | null;
  municipality: string | null;
  phase: number | null;
};

/** A DocumentStore in one SQLite file (WAL) in the data dir. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  private closed = false;
  private readonly statements;

  constructor(dataDir: string, options: { synchronous?: SqliteSynchronous } = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, DATABASE_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS cases (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        title TEXT,
        municipality TEXT,
        phase INTEGER
      );
      CREATE TABLE IF NOT EXISTS updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases(id),
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_by_case ON updates (case_id, seq);
      CREATE INDEX IF NOT EXISTS cases_by_change ON cases (updated_at DESC);
    `);
    this.statements = {
      insertCase: this.db.prepare(
        'INSERT INTO cases (id, created_at, updated_at, title, municipality, phase) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getCase: this.db.prepare<[string], CaseRow>('SELECT * FROM cases WHERE id = ?'),
      listCases: this.db.prepare<[], CaseRow>('SELECT * FROM cases ORDER BY updated_at DESC, created_at DESC, id ASC'),
      touchCase: this.db.prepare(
        'UPDATE cases SET title = ?, municipality = ?, phase = ?, updated_at = ? WHERE id = ?',
      ),
      appendUpdate: this.db.prepare('INSERT INTO updates (case_id, data) VALUES (?, ?)'),
      loadUpdates: this.db.prepare<[string], { data: Buffer }>(
        'SELECT data FROM updates WHERE case_id = ? ORDER BY seq',
      ),
      deleteUpdates: this.db.prepare('DELETE FROM updates WHERE case_id = ?'),
      countUpdates: this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE case_id = ?'),
    };
  }

  createCase({ id, createdAt, initialState, summary }: NewCase): void {
    this.db.transaction(() => {
      if (this.statements.getCase.get(id)) throw new DuplicateCaseError(id);
      this.statements.insertCase.run(
        id,
        createdAt,
        createdAt,
        summary.title ?? null,
        summary.municipality ?? null,
        summary.phase ?? null,
      );
      this.statements.appendUpdate.run(id, initialState);
    })();
  }

  caseExists(id: string): boolean {
    return this.statements.getCase.get(id) !== undefined;
  }

  getCase(id: string): CaseRecord | undefined {
    const row = this.statements.getCase.get(id);
    return row ? toRecord(row) : undefined;
  }

  listCases(): CaseRecord[] {
    return this.statements.listCases.all().map(toRecord);
  }

  touchCase(id: string, summary: CaseSummary): void {
    const result = this.statements.touchCase.run(
      summary.title ?? null,
      summary.municipality ?? null,
      summary.phase ?? null,
      summary.updatedAt,
      id,
    );
    if (result.changes === 0) throw new UnknownCaseError(id);
  }

  appendUpdate(id: string, update: Uint8Array): void {
    try {
      this.statements.appendUpdate.run(id, update);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new UnknownCaseError(id);
      throw error;
    }
  }

  loadUpdates(id: string): Uint8Array[] {
    return this.statements.loadUpdates.all(id).map((row) => new Uint8Array(row.data));
  }

  compact(id: string, state: Uint8Array): void {
    this.db.transaction(() => {
      if (!this.statements.getCase.get(id)) throw new UnknownCaseError(id);
      this.statements.deleteUpdates.run(id);
      this.statements.appendUpdate.run(id, state);
    })();
  }

  updateCount(id: string): number {
    return this.statements.countUpdates.get(id)?.n ?? 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function toRecord(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    title: row.title ?? undefined,
    municipality: row.municipality ?? undefined,
    phase: row.phase ?? undefined,
  };
}

function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
