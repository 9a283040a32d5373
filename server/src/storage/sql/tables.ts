import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * The tables every store reads and writes, as Kysely sees them: one database — SQLite by
 * default, PostgreSQL with DATABASE_URL (issue 14) — with the same tables and columns in both.
 * Times are milliseconds since the epoch (INTEGER / BIGINT), states and updates bytes (BLOB /
 * BYTEA). The DDL lives per engine (`sqliteSchema.ts`, `postgresSchema.ts`).
 */
export type CaseroomTables = {
  cases: {
    id: string;
    created_at: number;
    updated_at: number;
    title: string | null;
    municipality: string | null;
    phase: number | null;
    organisation_id: string | null;
    imported_at: number | null;
    /** When the case was archived (issue 15: read-only, out of the lists, restorable); NULL while it is in use. */
    archived_at: number | null;
  };
  updates: { seq: Generated<number>; case_id: string; data: Uint8Array };
  parties: {
    seq: Generated<number>;
    case_id: string;
    id: string;
    name: string;
    kind: string;
    role: string;
    department_id: string | null;
    created_at: number;
    expires_at: number | null;
    ended_at: number | null;
    /** The organisation member this party was made for (issue 15: a fund's member entering from the portfolio). */
    member_id: string | null;
  };
  tokens: { hash: string; case_id: string; party_id: string; created_at: number; revoked_at: number | null };
  ballots: { seq: Generated<number>; case_id: string; vote_id: string; party_id: string; item_ids: string; at: number };
  snapshots: {
    seq: Generated<number>;
    id: string;
    case_id: string;
    name: string;
    kind: string;
    created_at: number;
    created_by_party_id: string;
    state: Uint8Array;
  };
  activity: {
    seq: Generated<number>;
    case_id: string;
    party_id: string;
    section: string;
    first_at: number;
    last_at: number;
    edits: number;
  };
  /** Issue 9: bound_at in ms since the epoch (rows from before it: the time of the migration). */
  client_ids: { case_id: string; client_id: number; party_id: string; bound_at: number };
  organisations: {
    seq: Generated<number>;
    id: string;
    name: string;
    created_at: number;
    /** Issue 15: cases archived longer than this many days are deleted for good; NULL: kept. */
    retention_days: number | null;
  };
  organisation_keys: { hash: string; organisation_id: string; created_at: number; revoked_at: number | null };
  /** An organisation's members (issue 15): one link per person, only its SHA-256 hash. */
  organisation_members: {
    id: string;
    organisation_id: string;
    name: string;
    token_hash: string;
    created_at: number;
    expires_at: number | null;
    revoked_at: number | null;
  };
  /** The unit-value library (issue 15, `UnitValueLibrary.ts`): one row per version of an entry; never updated. */
  library_entries: {
    seq: Generated<number>;
    organisation_id: string;
    id: string;
    version: number;
    name: string;
    level: string;
    value_per_year: number;
    unit: string;
    price_year: number;
    source_text: string;
    source_link: string | null;
    source_date: string;
    valid_from: string;
    changed_at: number;
    changed_by: string;
  };
  /** Which process owns each case, until when (issue 14; `OwnershipStore.ts`; the database's clock). */
  case_owners: { case_id: string; owner_id: string; expires_at: number };
};

/** The database, or one transaction in it: a store method runs the same way on either. */
export type Executor = Kysely<CaseroomTables> | Transaction<CaseroomTables>;

/** Which engine a store runs on (the few statements that differ ask). */
export type Engine = 'sqlite' | 'postgres';
