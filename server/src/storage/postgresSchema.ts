import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { CaseroomTables } from './sql/tables.ts';

/**
 * The key of the advisory lock under which a process creates or migrates the schema: two
 * processes starting at once against one database do it one after the other.
 */
const SCHEMA_LOCK = 0x63_72_31; // "cr1"

/**
 * The same tables as SQLite's (`sqliteSchema.ts`), in PostgreSQL's types: BIGINT for times in
 * milliseconds, BYTEA for states and updates, identity columns for `seq`. Created if missing,
 * under an advisory lock; later columns are added by COLUMN_MIGRATIONS.
 */
const TABLES = `
  CREATE TABLE IF NOT EXISTS organisations (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS organisation_keys (
    hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    title TEXT,
    municipality TEXT,
    phase INTEGER,
    organisation_id TEXT,
    imported_at BIGINT
  );
  CREATE INDEX IF NOT EXISTS cases_by_change ON cases (updated_at DESC);
  CREATE TABLE IF NOT EXISTS updates (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    data BYTEA NOT NULL
  );
  CREATE INDEX IF NOT EXISTS updates_by_case ON updates (case_id, seq);
  CREATE TABLE IF NOT EXISTS parties (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    department_id TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    ended_at BIGINT,
    member_id TEXT,
    UNIQUE (case_id, id)
  );
  CREATE TABLE IF NOT EXISTS tokens (
    hash TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    party_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    FOREIGN KEY (case_id, party_id) REFERENCES parties (case_id, id)
  );
  CREATE INDEX IF NOT EXISTS tokens_by_party ON tokens (case_id, party_id);
  CREATE TABLE IF NOT EXISTS ballots (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    vote_id TEXT NOT NULL,
    party_id TEXT NOT NULL,
    item_ids TEXT NOT NULL,
    at BIGINT NOT NULL,
    UNIQUE (case_id, vote_id, party_id)
  );
  CREATE TABLE IF NOT EXISTS snapshots (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by_party_id TEXT NOT NULL,
    state BYTEA NOT NULL,
    UNIQUE (case_id, id)
  );
  CREATE TABLE IF NOT EXISTS activity (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    party_id TEXT NOT NULL,
    section TEXT NOT NULL,
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    edits INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS activity_by_party_section ON activity (case_id, party_id, section, seq);
  CREATE INDEX IF NOT EXISTS activity_by_time ON activity (case_id, last_at DESC);
  CREATE TABLE IF NOT EXISTS client_ids (
    case_id TEXT NOT NULL REFERENCES cases(id),
    client_id BIGINT NOT NULL,
    party_id TEXT NOT NULL,
    bound_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, client_id)
  );
  CREATE TABLE IF NOT EXISTS organisation_members (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT
  );
  CREATE INDEX IF NOT EXISTS members_by_organisation ON organisation_members (organisation_id, created_at);
  CREATE TABLE IF NOT EXISTS case_owners (
    case_id TEXT PRIMARY KEY REFERENCES cases(id),
    owner_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS library_entries (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    value_per_year DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL,
    price_year INTEGER NOT NULL,
    source_text TEXT NOT NULL,
    source_link TEXT,
    source_date TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (organisation_id, id, version)
  );
`;

/**
 * Columns added after their table was first created: the table, the column, and the statements
 * that add it to an existing table (made when run: a default may be the time of the migration). Run only where the column is missing — ALTER TABLE takes an
 * ACCESS EXCLUSIVE lock even when there is nothing to do, and a process starting while another
 * writes that table would wait on it (or, holding other locks, deadlock with it: seen in
 * clusterFailover when a process joins mid-session).
 */
const COLUMN_MIGRATIONS: readonly { table: string; column: string; add: () => string }[] = [
  { table: 'parties', column: 'member_id', add: () => 'ALTER TABLE parties ADD COLUMN IF NOT EXISTS member_id TEXT' },
  { table: 'cases', column: 'archived_at', add: () => 'ALTER TABLE cases ADD COLUMN IF NOT EXISTS archived_at BIGINT' },
  {
    table: 'organisations',
    column: 'retention_days',
    add: () => 'ALTER TABLE organisations ADD COLUMN IF NOT EXISTS retention_days INTEGER',
  },
  {
    // Issue 9: rows bound before bound_at existed get the time of the migration (a constant
    // default is only the table's metadata in PostgreSQL 11+), then the default goes: every
    // bind names its time.
    table: 'client_ids',
    column: 'bound_at',
    add: () => `ALTER TABLE client_ids ADD COLUMN IF NOT EXISTS bound_at BIGINT NOT NULL DEFAULT ${Math.trunc(Date.now())};
          ALTER TABLE client_ids ALTER COLUMN bound_at DROP DEFAULT`,
  },
];

/**
 * Creates the tables if missing, then adds missing columns, one process at a time (the advisory
 * lock, held per transaction). Each column is added in a transaction of its own, holding no
 * other table's lock while it waits for its table: a process already serving never waits for
 * this one while this one waits for it.
 */
export async function createPostgresSchema(db: Kysely<CaseroomTables>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`.execute(trx);
    // CREATE INDEX IF NOT EXISTS locks its table before it finds the index there: skipped
    // when every table and index exists (every start but the first and upgrades).
    if (!(await hasEveryRelation(trx))) await sql.raw(TABLES).execute(trx);
  });
  for (const migration of COLUMN_MIGRATIONS) {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`.execute(trx);
      if (await hasColumn(trx, migration.table, migration.column)) return;
      await sql.raw(migration.add()).execute(trx);
    });
  }
}

/** The tables and indexes TABLES creates. */
const RELATIONS = [...TABLES.matchAll(/CREATE (?:TABLE|INDEX) IF NOT EXISTS (\w+)/g)].map(
  (match) => match[1] as string,
);

async function hasEveryRelation(db: Kysely<CaseroomTables>): Promise<boolean> {
  const found = await sql<{ relname: string }>`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relname = ANY(${RELATIONS})`.execute(db);
  return new Set(found.rows.map((row) => row.relname)).size === RELATIONS.length;
}

async function hasColumn(db: Kysely<CaseroomTables>, table: string, column: string): Promise<boolean> {
  const found = await sql<{ found: number }>`
    SELECT 1 AS found FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = ${column}`.execute(db);
  return found.rows.length > 0;
}
