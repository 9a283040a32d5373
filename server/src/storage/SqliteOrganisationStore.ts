import type Database from 'better-sqlite3';
import {
  DuplicateOrganisationError,
  type NewOrganisation,
  type OrganisationKeyRecord,
  type OrganisationRecord,
  type OrganisationStore,
  UnknownOrganisationError,
} from './OrganisationStore.ts';
import { addMissingColumns } from './sqliteSchema.ts';

type OrganisationRow = { id: string; name: string; created_at: number };
type KeyRow = { hash: string; organisation_id: string; created_at: number };

/**
 * Organisations in the case database (SqliteDocumentStore opens it and hands over its handle):
 * tables `organisations` and `organisation_keys` (SHA-256 hashes only; a replaced key keeps its
 * row with `revoked_at`). Opening it assigns every case without an organisation to the first
 * one (the migration of cases from before organisations existed), once there is one, and adds
 * `revoked_at` to a key table from before keys could be replaced.
 */
export class SqliteOrganisationStore implements OrganisationStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS organisations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- Only SHA-256 hashes of organisation keys (hex), like link tokens. A replaced key is
      -- kept with the time it stopped working (revoked_at), never found again.
      CREATE TABLE IF NOT EXISTS organisation_keys (
        hash TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations(id),
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
    `);
    addMissingColumns(db, [['organisation_keys', 'revoked_at', 'INTEGER']]);
    this.statements = {
      insert: db.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)'),
      insertKey: db.prepare('INSERT INTO organisation_keys (hash, organisation_id, created_at) VALUES (?, ?, ?)'),
      list: db.prepare<[], OrganisationRow>('SELECT id, name, created_at FROM organisations ORDER BY seq'),
      get: db.prepare<[string], OrganisationRow>('SELECT id, name, created_at FROM organisations WHERE id = ?'),
      findKey: db.prepare<[string], KeyRow>(
        'SELECT hash, organisation_id, created_at FROM organisation_keys WHERE hash = ? AND revoked_at IS NULL',
      ),
      keyTaken: db.prepare<[string], { hash: string }>('SELECT hash FROM organisation_keys WHERE hash = ?'),
      revokeKeys: db.prepare(
        'UPDATE organisation_keys SET revoked_at = ? WHERE organisation_id = ? AND revoked_at IS NULL',
      ),
      first: db.prepare<[], { id: string }>('SELECT id FROM organisations ORDER BY seq LIMIT 1'),
      claimUnowned: db.prepare('UPDATE cases SET organisation_id = ? WHERE organisation_id IS NULL'),
    };
    const first = this.firstId();
    if (first !== undefined) this.statements.claimUnowned.run(first);
  }

  createOrganisation({ organisation, keyHash }: NewOrganisation): void {
    this.db.transaction(() => {
      if (this.statements.get.get(organisation.id) || this.statements.keyTaken.get(keyHash)) {
        throw new DuplicateOrganisationError(organisation.id);
      }
      this.statements.insert.run(organisation.id, organisation.name, organisation.createdAt);
      this.statements.insertKey.run(keyHash, organisation.id, organisation.createdAt);
      if (this.firstId() === organisation.id) this.statements.claimUnowned.run(organisation.id);
    })();
  }

  listOrganisations(): OrganisationRecord[] {
    return this.statements.list.all().map(toOrganisation);
  }

  getOrganisation(id: string): OrganisationRecord | undefined {
    const row = this.statements.get.get(id);
    return row ? toOrganisation(row) : undefined;
  }

  replaceOrganisationKey(organisationId: string, newHash: string, at: number): void {
    this.db.transaction(() => {
      if (!this.statements.get.get(organisationId)) throw new UnknownOrganisationError(organisationId);
      if (this.statements.keyTaken.get(newHash)) throw new DuplicateOrganisationError(organisationId);
      this.statements.revokeKeys.run(at, organisationId);
      this.statements.insertKey.run(newHash, organisationId, at);
    })();
  }

  findOrganisationKey(hash: string): OrganisationKeyRecord | undefined {
    const row = this.statements.findKey.get(hash);
    return row ? { hash: row.hash, organisationId: row.organisation_id, createdAt: row.created_at } : undefined;
  }

  /** The id of the first organisation created, or undefined while there is none. */
  firstId(): string | undefined {
    return this.statements.first.get()?.id;
  }
}

function toOrganisation(row: OrganisationRow): OrganisationRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}
