import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ACTIVITY_MERGE_MS,
  type ActivityEntry,
  type ActivityRecord,
  type BallotRecord,
  type CaseRecord,
  type CaseSummary,
  type ClientIdBinding,
  type DocumentStore,
  DuplicateCaseError,
  DuplicatePartyError,
  DuplicateSnapshotError,
  type NewCase,
  type NewParty,
  type PartyRecord,
  type SnapshotInfo,
  type SnapshotKind,
  type SnapshotRecord,
  type TokenRecord,
  UnknownCaseError,
  UnknownPartyError,
} from './DocumentStore.ts';
import { UnknownOrganisationError } from './OrganisationStore.ts';
import { mergeUnseen, SeenRows } from './SeenRows.ts';
import { SqliteOrganisationStore } from './SqliteOrganisationStore.ts';
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
 * SQLITE_BUSY (better-sqlite3's default is 5 s, on the event loop). The data directory is
 * locked (DataDirLock), so another writer is an operator's tool at most; a write that still
 * cannot go through fails fast and the case waits in memory for its retry, rather than
 * holding up every request.
 */
export const BUSY_TIMEOUT_MS = 250;

type CaseRow = {
  id: string;
  created_at: number;
  updated_at: number;
  title: string | null;
  municipality: string | null;
  phase: number | null;
  organisation_id: string | null;
  imported_at: number | null;
};

type PartyRow = {
  id: string;
  case_id: string;
  name: string;
  kind: string;
  role: string;
  department_id: string | null;
  expires_at: number | null;
  ended_at: number | null;
};

type BallotRow = { case_id: string; vote_id: string; party_id: string; item_ids: string; at: number };

type SnapshotInfoRow = {
  id: string;
  case_id: string;
  name: string;
  kind: string;
  created_at: number;
  created_by_party_id: string;
};

type TokenRow = { hash: string; case_id: string; party_id: string; created_at: number; revoked_at: number | null };

/** A DocumentStore in one SQLite file (WAL) in the data dir. */
export class SqliteDocumentStore implements DocumentStore {
  readonly organisations: SqliteOrganisationStore;
  private readonly db: Database.Database;
  private closed = false;
  private readonly statements;
  /** Which update rows this handle's callers hold in their documents (compaction merges the rest). */
  private readonly seen = new SeenRows();

  constructor(dataDir: string, options: { synchronous?: SqliteSynchronous; busyTimeoutMs?: number } = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, DATABASE_FILE), { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    createSchema(this.db);
    this.organisations = new SqliteOrganisationStore(this.db);
    this.statements = {
      insertCase: this.db.prepare(
        'INSERT INTO cases (id, created_at, updated_at, title, municipality, phase, organisation_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      getCase: this.db.prepare<[string], CaseRow>('SELECT * FROM cases WHERE id = ?'),
      listCases: this.db.prepare<[], CaseRow>('SELECT * FROM cases ORDER BY updated_at DESC, created_at DESC, id ASC'),
      touchCase: this.db.prepare(
        'UPDATE cases SET title = ?, municipality = ?, phase = ?, updated_at = ? WHERE id = ?',
      ),
      appendUpdate: this.db.prepare('INSERT INTO updates (case_id, data) VALUES (?, ?)'),
      loadUpdates: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE case_id = ? ORDER BY seq',
      ),
      updateRows: this.db.prepare<[string], { seq: number }>('SELECT seq FROM updates WHERE case_id = ? ORDER BY seq'),
      updateData: this.db.prepare<[number], { data: Buffer }>('SELECT data FROM updates WHERE seq = ?'),
      deleteUpdatesThrough: this.db.prepare('DELETE FROM updates WHERE case_id = ? AND seq <= ?'),
      countUpdates: this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE case_id = ?'),
      insertParty: this.db.prepare(
        'INSERT INTO parties (case_id, id, name, kind, role, department_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listParties: this.db.prepare<[string], PartyRow>('SELECT * FROM parties WHERE case_id = ? ORDER BY seq'),
      getParty: this.db.prepare<[string, string], PartyRow>('SELECT * FROM parties WHERE case_id = ? AND id = ?'),
      insertToken: this.db.prepare('INSERT INTO tokens (hash, case_id, party_id, created_at) VALUES (?, ?, ?, ?)'),
      findToken: this.db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?'),
      liveTokens: this.db.prepare<[string, string], { hash: string }>(
        'SELECT hash FROM tokens WHERE case_id = ? AND party_id = ? AND revoked_at IS NULL',
      ),
      putBallot: this.db.prepare(
        `INSERT INTO ballots (case_id, vote_id, party_id, item_ids, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (case_id, vote_id, party_id) DO UPDATE SET item_ids = excluded.item_ids, at = excluded.at`,
      ),
      getBallot: this.db.prepare<[string, string, string], BallotRow>(
        'SELECT * FROM ballots WHERE case_id = ? AND vote_id = ? AND party_id = ?',
      ),
      listBallots: this.db.prepare<[string, string], BallotRow>(
        'SELECT * FROM ballots WHERE case_id = ? AND vote_id = ? ORDER BY seq',
      ),
      insertSnapshot: this.db.prepare(
        'INSERT INTO snapshots (id, case_id, name, kind, created_at, created_by_party_id, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      extendActivity: this.db.prepare(
        `UPDATE activity SET last_at = MAX(last_at, @at), edits = edits + @edits
         WHERE seq = (SELECT seq FROM activity WHERE case_id = @caseId AND party_id = @partyId AND section = @section
                      ORDER BY seq DESC LIMIT 1)
           AND @at - last_at <= @mergeMs`,
      ),
      insertActivity: this.db.prepare(
        `INSERT INTO activity (case_id, party_id, section, first_at, last_at, edits)
         VALUES (@caseId, @partyId, @section, @at, @at, @edits)`,
      ),
      listActivity: this.db.prepare<[string, number], ActivityRow>(
        `SELECT party_id, section, first_at, last_at, edits FROM activity
         WHERE case_id = ? ORDER BY last_at DESC, seq DESC LIMIT ?`,
      ),
      listSnapshots: this.db.prepare<[string], SnapshotInfoRow>(
        `SELECT id, case_id, name, kind, created_at, created_by_party_id FROM snapshots
         WHERE case_id = ? ORDER BY created_at DESC, seq DESC`,
      ),
      getSnapshot: this.db.prepare<[string, string], SnapshotInfoRow & { state: Buffer }>(
        'SELECT * FROM snapshots WHERE case_id = ? AND id = ?',
      ),
      bindClientId: this.db.prepare(
        'INSERT INTO client_ids (case_id, client_id, party_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      clientIdBindings: this.db.prepare<[string], { client_id: number; party_id: string }>(
        'SELECT client_id, party_id FROM client_ids WHERE case_id = ?',
      ),
      revokeTokens: this.db.prepare(
        'UPDATE tokens SET revoked_at = ? WHERE case_id = ? AND party_id = ? AND revoked_at IS NULL',
      ),
      reopenParty: this.db.prepare('UPDATE parties SET ended_at = NULL WHERE case_id = ? AND id = ?'),
      setPartyExpiry: this.db.prepare('UPDATE parties SET expires_at = ? WHERE case_id = ? AND id = ?'),
      endParty: this.db.prepare('UPDATE parties SET ended_at = COALESCE(ended_at, ?) WHERE case_id = ? AND id = ?'),
    };
  }

  createCase({ id, createdAt, initialState, summary, founder, organisationId, importedAt }: NewCase): void {
    this.db.transaction(() => {
      if (this.statements.getCase.get(id)) throw new DuplicateCaseError(id);
      if (organisationId !== undefined && !this.organisations.getOrganisation(organisationId)) {
        throw new UnknownOrganisationError(organisationId);
      }
      this.statements.insertCase.run(
        id,
        createdAt,
        createdAt,
        summary.title ?? null,
        summary.municipality ?? null,
        summary.phase ?? null,
        organisationId ?? this.organisations.firstId() ?? null,
        importedAt ?? null,
      );
      this.statements.appendUpdate.run(id, initialState);
      if (founder) {
        if (founder.party.caseId !== id) throw new DuplicatePartyError(id, founder.party.id);
        this.insertParty(founder);
      }
    })();
  }

  addParty(newParty: NewParty): void {
    this.db.transaction(() => {
      if (!this.statements.getCase.get(newParty.party.caseId)) throw new UnknownCaseError(newParty.party.caseId);
      this.insertParty(newParty);
    })();
  }

  listParties(caseId: string): PartyRecord[] {
    return this.statements.listParties.all(caseId).map(toParty);
  }

  getParty(caseId: string, partyId: string): PartyRecord | undefined {
    const row = this.statements.getParty.get(caseId, partyId);
    return row ? toParty(row) : undefined;
  }

  findToken(hash: string): TokenRecord | undefined {
    const row = this.statements.findToken.get(hash);
    if (!row) return undefined;
    return {
      hash: row.hash,
      caseId: row.case_id,
      partyId: row.party_id,
      createdAt: row.created_at,
      revokedAt: row.revoked_at ?? undefined,
    };
  }

  replaceToken(caseId: string, partyId: string, newHash: string, at: number): string[] {
    return this.db.transaction(() => {
      if (!this.statements.getParty.get(caseId, partyId)) throw new UnknownPartyError(caseId, partyId);
      if (this.statements.findToken.get(newHash)) throw new DuplicatePartyError(caseId, partyId);
      const revoked = this.statements.liveTokens.all(caseId, partyId).map((row) => row.hash);
      this.statements.revokeTokens.run(at, caseId, partyId);
      this.statements.insertToken.run(newHash, caseId, partyId, at);
      this.statements.reopenParty.run(caseId, partyId);
      return revoked;
    })();
  }

  setPartyExpiry(caseId: string, partyId: string, expiresAt: number | undefined): void {
    const result = this.statements.setPartyExpiry.run(expiresAt ?? null, caseId, partyId);
    if (result.changes === 0) throw new UnknownPartyError(caseId, partyId);
  }

  endParty(caseId: string, partyId: string, at: number): void {
    const result = this.statements.endParty.run(at, caseId, partyId);
    if (result.changes === 0) throw new UnknownPartyError(caseId, partyId);
  }

  /** Inserts a party and its token; the caller holds a transaction. */
  private insertParty({ party, tokenHash, createdAt }: NewParty): void {
    if (this.statements.getParty.get(party.caseId, party.id) || this.statements.findToken.get(tokenHash)) {
      throw new DuplicatePartyError(party.caseId, party.id);
    }
    this.statements.insertParty.run(
      party.caseId,
      party.id,
      party.name,
      party.kind,
      party.role,
      party.departmentId ?? null,
      createdAt,
    );
    this.statements.insertToken.run(tokenHash, party.caseId, party.id, createdAt);
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
      const { lastInsertRowid } = this.statements.appendUpdate.run(id, update);
      this.seen.appended(id, Number(lastInsertRowid));
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new UnknownCaseError(id);
      throw error;
    }
  }

  loadUpdates(id: string): Uint8Array[] {
    const rows = this.statements.loadUpdates.all(id);
    this.seen.loaded(id, rows.at(-1)?.seq ?? 0);
    return rows.map((row) => new Uint8Array(row.data));
  }

  /**
   * Deletes exactly the rows read inside this transaction (seq ≤ the last one read) and stores
   * one state in their place. Rows this handle's caller does not hold (another writer's) are
   * merged into that state, never dropped. IMMEDIATE: no other writer can append between the
   * read and the delete.
   */
  compact(id: string, state: Uint8Array): void {
    const { stateSeq, mergedUnseen } = this.db
      .transaction(() => {
        if (!this.statements.getCase.get(id)) throw new UnknownCaseError(id);
        const rows = this.statements.updateRows.all(id);
        const unseen = rows
          .filter((row) => !this.seen.holds(id, row.seq))
          .map((row) => new Uint8Array((this.statements.updateData.get(row.seq) as { data: Buffer }).data));
        this.statements.deleteUpdatesThrough.run(id, rows.at(-1)?.seq ?? 0);
        const { lastInsertRowid } = this.statements.appendUpdate.run(id, mergeUnseen(state, unseen));
        return { stateSeq: Number(lastInsertRowid), mergedUnseen: unseen.length > 0 };
      })
      .immediate();
    this.seen.compacted(id, stateSeq, mergedUnseen);
  }

  updateCount(id: string): number {
    return this.statements.countUpdates.get(id)?.n ?? 0;
  }

  putBallot(ballot: BallotRecord): void {
    try {
      this.statements.putBallot.run(
        ballot.caseId,
        ballot.voteId,
        ballot.partyId,
        JSON.stringify(ballot.itemIds),
        ballot.at,
      );
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new UnknownCaseError(ballot.caseId);
      throw error;
    }
  }

  getBallot(caseId: string, voteId: string, partyId: string): BallotRecord | undefined {
    const row = this.statements.getBallot.get(caseId, voteId, partyId);
    return row ? toBallot(row) : undefined;
  }

  listBallots(caseId: string, voteId: string): BallotRecord[] {
    return this.statements.listBallots.all(caseId, voteId).map(toBallot);
  }

  addSnapshot(snapshot: SnapshotRecord): void {
    if (this.statements.getSnapshot.get(snapshot.caseId, snapshot.id)) {
      throw new DuplicateSnapshotError(snapshot.caseId, snapshot.id);
    }
    try {
      this.statements.insertSnapshot.run(
        snapshot.id,
        snapshot.caseId,
        snapshot.name,
        snapshot.kind,
        snapshot.createdAt,
        snapshot.createdByPartyId,
        snapshot.state,
      );
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new UnknownCaseError(snapshot.caseId);
      throw error;
    }
  }

  listSnapshots(caseId: string): SnapshotInfo[] {
    return this.statements.listSnapshots.all(caseId).map(toSnapshotInfo);
  }

  getSnapshot(caseId: string, snapshotId: string): SnapshotRecord | undefined {
    const row = this.statements.getSnapshot.get(caseId, snapshotId);
    return row ? { ...toSnapshotInfo(row), state: new Uint8Array(row.state) } : undefined;
  }

  recordActivity(entry: ActivityEntry): void {
    const values = { ...entry, edits: entry.edits ?? 1, mergeMs: ACTIVITY_MERGE_MS };
    if (this.statements.extendActivity.run(values).changes > 0) return;
    try {
      this.statements.insertActivity.run(values);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new UnknownCaseError(entry.caseId);
      throw error;
    }
  }

  listActivity(caseId: string, limit: number): ActivityRecord[] {
    return this.statements.listActivity.all(caseId, limit).map((row) => ({
      partyId: row.party_id,
      section: row.section,
      firstAt: row.first_at,
      lastAt: row.last_at,
      edits: row.edits,
    }));
  }

  bindClientIds(caseId: string, bindings: readonly ClientIdBinding[]): void {
    if (!this.caseExists(caseId)) throw new UnknownCaseError(caseId);
    this.db.transaction(() => {
      for (const { clientId, partyId } of bindings) this.statements.bindClientId.run(caseId, clientId, partyId);
    })();
  }

  clientIdBindings(caseId: string): Map<number, string> {
    return new Map(this.statements.clientIdBindings.all(caseId).map((row) => [row.client_id, row.party_id]));
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
    organisationId: row.organisation_id ?? undefined,
    ...(row.imported_at === null ? {} : { importedAt: row.imported_at }),
  };
}

function toParty(row: PartyRow): PartyRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    name: row.name,
    // Written only by addParty from schema-checked values.
    kind: row.kind as PartyRecord['kind'],
    role: row.role as PartyRecord['role'],
    departmentId: row.department_id ?? undefined,
    expiresAt: row.expires_at ?? undefined,
    endedAt: row.ended_at ?? undefined,
  };
}

function toBallot(row: BallotRow): BallotRecord {
  return {
    caseId: row.case_id,
    voteId: row.vote_id,
    partyId: row.party_id,
    itemIds: JSON.parse(row.item_ids) as string[],
    at: row.at,
  };
}

function toSnapshotInfo(row: SnapshotInfoRow): SnapshotInfo {
  return {
    id: row.id,
    caseId: row.case_id,
    name: row.name,
    // Written only by addSnapshot from a SnapshotKind.
    kind: row.kind as SnapshotKind,
    createdAt: row.created_at,
    createdByPartyId: row.created_by_party_id,
  };
}

function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

type ActivityRow = { party_id: string; section: string; first_at: number; last_at: number; edits: number };
