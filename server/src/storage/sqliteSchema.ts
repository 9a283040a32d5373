import type Database from 'better-sqlite3';

/**
 * The case database's tables, created if missing, and the columns later versions added to
 * tables an older version created (a migration at open: ALTER TABLE ADD COLUMN, NULL for the
 * rows that were there).
 */
export function createSchema(db: Database.Database): void {
  db.exec(`
      CREATE TABLE IF NOT EXISTS cases (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        title TEXT,
        municipality TEXT,
        phase INTEGER,
        -- The organisation the case belongs to (issue 10); NULL only while none exists.
        organisation_id TEXT,
        -- When the case was made from an import file (issue 13: an imported copy is marked); NULL otherwise.
        imported_at INTEGER,
        -- When the case was archived (issue 15); NULL while it is in use.
        archived_at INTEGER
      );
      CREATE TABLE IF NOT EXISTS updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases(id),
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_by_case ON updates (case_id, seq);
      CREATE INDEX IF NOT EXISTS cases_by_change ON cases (updated_at DESC);
      CREATE TABLE IF NOT EXISTS parties (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases(id),
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        role TEXT NOT NULL,
        department_id TEXT,
        created_at INTEGER NOT NULL,
        -- When the link stops working / the facilitator ended access (issue 10); NULL: never / not ended.
        expires_at INTEGER,
        ended_at INTEGER,
        -- The organisation member it was made for (issue 15); NULL for an invited party.
        member_id TEXT,
        UNIQUE (case_id, id)
      );
      -- Only SHA-256 hashes of link tokens (hex); revoked ones are kept so a rotated-away
      -- link can be told apart from an unknown one (LinkRevoked vs Unauthorized).
      CREATE TABLE IF NOT EXISTS tokens (
        hash TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        party_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER,
        FOREIGN KEY (case_id, party_id) REFERENCES parties (case_id, id)
      );
      CREATE INDEX IF NOT EXISTS tokens_by_party ON tokens (case_id, party_id);
      -- Dot-vote ballots (docs/workshop.md W7): only here, never in a case's Y.Doc.
      CREATE TABLE IF NOT EXISTS ballots (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases(id),
        vote_id TEXT NOT NULL,
        party_id TEXT NOT NULL,
        item_ids TEXT NOT NULL,
        at INTEGER NOT NULL,
        UNIQUE (case_id, vote_id, party_id)
      );
      -- Snapshots (W11): the Y.Doc state itself (Y.encodeStateAsUpdate).
      CREATE TABLE IF NOT EXISTS snapshots (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL,
        case_id TEXT NOT NULL REFERENCES cases(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by_party_id TEXT NOT NULL,
        state BLOB NOT NULL,
        UNIQUE (case_id, id)
      );
      -- Who changed what (W12): one row per stretch of edits by a party to a section.
      CREATE TABLE IF NOT EXISTS activity (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases(id),
        party_id TEXT NOT NULL,
        section TEXT NOT NULL,
        first_at INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        edits INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS activity_by_party_section ON activity (case_id, party_id, section, seq);
      CREATE INDEX IF NOT EXISTS activity_by_time ON activity (case_id, last_at DESC);
      -- Which party first wrote with each Yjs client id (issue 9): others may not use it.
      CREATE TABLE IF NOT EXISTS client_ids (
        case_id TEXT NOT NULL REFERENCES cases(id),
        client_id INTEGER NOT NULL,
        party_id TEXT NOT NULL,
        -- When it was bound (ms): a binding nobody wrote under is forgotten after a while.
        bound_at INTEGER NOT NULL,
        PRIMARY KEY (case_id, client_id)
      ) WITHOUT ROWID;
      -- Organisations (issue 10) and the SHA-256 hashes of their keys (hex), like link tokens.
      -- A replaced key is kept with the time it stopped working (revoked_at), never found again.
      CREATE TABLE IF NOT EXISTS organisations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        -- Issue 15: cases archived longer than this many days are deleted; NULL: kept.
        retention_days INTEGER
      );
      CREATE TABLE IF NOT EXISTS organisation_keys (
        hash TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations(id),
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      -- An organisation's members (issue 15): one link per person (its SHA-256 hash), revocable, optionally expiring.
      CREATE TABLE IF NOT EXISTS organisation_members (
        id TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations(id),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX IF NOT EXISTS members_by_organisation ON organisation_members (organisation_id, created_at);
      -- Which process owns each case (issue 14): a lease until expires_at (ms, the database's clock).
      CREATE TABLE IF NOT EXISTS case_owners (
        case_id TEXT PRIMARY KEY REFERENCES cases(id),
        owner_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- The unit-value library (issue 15, docs/library.md): one row per version of an entry, never updated.
      CREATE TABLE IF NOT EXISTS library_entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        organisation_id TEXT NOT NULL REFERENCES organisations(id),
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        value_per_year REAL NOT NULL,
        unit TEXT NOT NULL,
        price_year INTEGER NOT NULL,
        source_text TEXT NOT NULL,
        source_link TEXT,
        source_date TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        changed_by TEXT NOT NULL,
        UNIQUE (organisation_id, id, version)
      );
  `);
  addMissingColumns(db, [...ADDED_COLUMNS, clientIdsBoundAt(Date.now())]);
}

/**
 * Issue 9: `client_ids.bound_at`, NOT NULL. The rows bound before it get the time of the
 * migration, so none is forgotten before the idle period has passed from now.
 */
function clientIdsBoundAt(migratedAt: number): AddedColumn {
  return ['client_ids', 'bound_at', `INTEGER NOT NULL DEFAULT ${Math.trunc(migratedAt)}`];
}

/** A column a later version added to a table an earlier version created: [table, column, type]. */
export type AddedColumn = readonly [table: string, column: string, type: string];

/**
 * The migration at open: adds each column its (existing) table lacks, NULL for the rows that
 * were there. Also used by stores that create their own tables (SqliteOrganisationStore).
 */
export function addMissingColumns(db: Database.Database, added: readonly AddedColumn[]): void {
  for (const [table, column, type] of added) {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

/** Columns added after their table first shipped. */
const ADDED_COLUMNS: readonly AddedColumn[] = [
  ['cases', 'organisation_id', 'TEXT'],
  ['parties', 'expires_at', 'INTEGER'],
  ['parties', 'ended_at', 'INTEGER'],
  ['cases', 'imported_at', 'INTEGER'],
  ['organisation_keys', 'revoked_at', 'INTEGER'],
  ['parties', 'member_id', 'TEXT'],
  ['cases', 'archived_at', 'INTEGER'],
  ['organisations', 'retention_days', 'INTEGER'],
];
