import type { Executor } from './sql/tables.ts';
import { DuplicateOrganisationError, UnknownOrganisationError } from './storeErrors.ts';

export { DuplicateOrganisationError, UnknownOrganisationError };

/**
 * Organisations (issue 10): who runs cases on this server — an organisation and the SHA-256
 * hashes of its keys (never a key). A replaced key keeps its row with `revoked_at` and is
 * never found again. Every case belongs to one: a case created without one belongs to the
 * first organisation, at once if there is one, else from the moment the first is created.
 */
export interface OrganisationStore {
  /**
   * Adds an organisation with its first key hash, atomically. The first organisation also
   * takes every case that has none. Throws DuplicateOrganisationError for a taken id or key hash.
   */
  create(record: NewOrganisation): Promise<void>;
  /** Every organisation, the first created first. */
  list(): Promise<OrganisationRecord[]>;
  /** One organisation, or undefined. */
  get(id: string): Promise<OrganisationRecord | undefined>;
  /** The id of the first organisation created, or undefined while there is none. */
  firstId(): Promise<string | undefined>;
  /** The live key row with this SHA-256 hash (hex), or undefined (unknown, or replaced). */
  findKey(hash: string): Promise<OrganisationKeyRecord | undefined>;
  /**
   * Issues a new key to an organisation whose key was lost or may have leaked: atomically
   * revokes every live key of that organisation as of `at` and stores `newHash`. Throws
   * UnknownOrganisationError for an unknown id and DuplicateOrganisationError for a hash that
   * is taken (live or revoked); nothing changes then.
   */
  replaceKey(organisationId: string, newHash: string, at: number): Promise<void>;
}

/** An organisation: a municipality, a fund, an operator of Caseroom. */
export type OrganisationRecord = {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
};

/** A stored organisation key: only its SHA-256 hash (hex). */
export type OrganisationKeyRecord = {
  hash: string;
  organisationId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
};

/** What it takes to create an organisation: the organisation and the hash of its first key. */
export type NewOrganisation = { organisation: OrganisationRecord; keyHash: string };

/** Organisations in tables `organisations` and `organisation_keys`. */
export class SqlOrganisationStore implements OrganisationStore {
  constructor(private readonly db: Executor) {}

  async create({ organisation, keyHash }: NewOrganisation): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const taken =
        (await trx.selectFrom('organisations').select('id').where('id', '=', organisation.id).executeTakeFirst()) ??
        (await trx.selectFrom('organisation_keys').select('hash').where('hash', '=', keyHash).executeTakeFirst());
      if (taken) throw new DuplicateOrganisationError(organisation.id);
      await trx
        .insertInto('organisations')
        .values({ id: organisation.id, name: organisation.name, created_at: organisation.createdAt })
        .execute();
      await trx
        .insertInto('organisation_keys')
        .values({ hash: keyHash, organisation_id: organisation.id, created_at: organisation.createdAt })
        .execute();
      if ((await firstOrganisationId(trx)) === organisation.id) await claimUnowned(trx, organisation.id);
    });
  }

  async list(): Promise<OrganisationRecord[]> {
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'name', 'created_at'])
      .orderBy('seq')
      .execute();
    return rows.map(toOrganisation);
  }

  async get(id: string): Promise<OrganisationRecord | undefined> {
    const row = await this.db
      .selectFrom('organisations')
      .select(['id', 'name', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toOrganisation(row) : undefined;
  }

  firstId(): Promise<string | undefined> {
    return firstOrganisationId(this.db);
  }

  async findKey(hash: string): Promise<OrganisationKeyRecord | undefined> {
    const row = await this.db
      .selectFrom('organisation_keys')
      .select(['hash', 'organisation_id', 'created_at'])
      .where('hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? { hash: row.hash, organisationId: row.organisation_id, createdAt: row.created_at } : undefined;
  }

  async replaceKey(organisationId: string, newHash: string, at: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const known = await trx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', organisationId)
        .executeTakeFirst();
      if (!known) throw new UnknownOrganisationError(organisationId);
      const taken = await trx
        .selectFrom('organisation_keys')
        .select('hash')
        .where('hash', '=', newHash)
        .executeTakeFirst();
      if (taken) throw new DuplicateOrganisationError(organisationId);
      await trx
        .updateTable('organisation_keys')
        .set({ revoked_at: at })
        .where('organisation_id', '=', organisationId)
        .where('revoked_at', 'is', null)
        .execute();
      await trx
        .insertInto('organisation_keys')
        .values({ hash: newHash, organisation_id: organisationId, created_at: at })
        .execute();
    });
  }
}

/** The first organisation created, or undefined. */
export async function firstOrganisationId(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('id').orderBy('seq').limit(1).executeTakeFirst();
  return row?.id;
}

/** Every case without an organisation goes to this one (cases from before organisations existed). */
export async function claimUnowned(db: Executor, organisationId: string): Promise<void> {
  await db.updateTable('cases').set({ organisation_id: organisationId }).where('organisation_id', 'is', null).execute();
}

function toOrganisation(row: { id: string; name: string; created_at: number }): OrganisationRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}
