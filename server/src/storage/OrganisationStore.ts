import type { CaseroomTables, Executor } from './sql/tables.ts';
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
  /**
   * Adds a member (issue 15: one link per person of the organisation) with the hash of its link.
   * Throws UnknownOrganisationError, or DuplicateOrganisationError for a taken id or hash.
   */
  addMember(member: NewMember): Promise<void>;
  /** The organisation's members, revoked ones included, the first added first. */
  listMembers(organisationId: string): Promise<MemberRecord[]>;
  /** The member whose link has this SHA-256 hash (hex) — revoked or expired ones too — or undefined. */
  findMember(hash: string): Promise<MemberRecord | undefined>;
  /** Revokes a member's link as of `at` (a revoked member keeps its first time); false for an unknown member of that organisation. */
  revokeMember(organisationId: string, memberId: string, at: number): Promise<boolean>;
  /**
   * Sets how many days an archived case of the organisation is kept before it is deleted for
   * good (issue 15); null: kept until someone deletes it. False for an unknown organisation.
   */
  setRetention(organisationId: string, days: number | null): Promise<boolean>;
}

/** A member of an organisation: a person with a link of their own (issue 15). */
export type MemberRecord = {
  id: string;
  organisationId: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** When the link stops working; undefined: never. */
  expiresAt: number | undefined;
  /** When an administrator revoked it; undefined while it works. */
  revokedAt: number | undefined;
};

/** What it takes to add a member: the member and the hash of its link token. */
export type NewMember = { member: Omit<MemberRecord, 'revokedAt'>; tokenHash: string };

/** An organisation: a municipality, a fund, an operator of Caseroom. */
export type OrganisationRecord = {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Days an archived case is kept before it is deleted for good (issue 15); absent: kept. */
  retentionDays?: number;
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
      .select(['id', 'name', 'created_at', 'retention_days'])
      .orderBy('seq')
      .execute();
    return rows.map(toOrganisation);
  }

  async get(id: string): Promise<OrganisationRecord | undefined> {
    const row = await this.db
      .selectFrom('organisations')
      .select(['id', 'name', 'created_at', 'retention_days'])
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

  async addMember({ member, tokenHash }: NewMember): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const known = await trx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', member.organisationId)
        .executeTakeFirst();
      if (!known) throw new UnknownOrganisationError(member.organisationId);
      const taken =
        (await trx.selectFrom('organisation_members').select('id').where('id', '=', member.id).executeTakeFirst()) ??
        (await trx
          .selectFrom('organisation_members')
          .select('id')
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst());
      if (taken) throw new DuplicateOrganisationError(member.organisationId);
      await trx
        .insertInto('organisation_members')
        .values({
          id: member.id,
          organisation_id: member.organisationId,
          name: member.name,
          token_hash: tokenHash,
          created_at: member.createdAt,
          expires_at: member.expiresAt ?? null,
        })
        .execute();
    });
  }

  async listMembers(organisationId: string): Promise<MemberRecord[]> {
    const rows = await this.db
      .selectFrom('organisation_members')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toMember);
  }

  async findMember(hash: string): Promise<MemberRecord | undefined> {
    const row = await this.db
      .selectFrom('organisation_members')
      .selectAll()
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    return row ? toMember(row) : undefined;
  }

  async revokeMember(organisationId: string, memberId: string, at: number): Promise<boolean> {
    const found = await this.db
      .selectFrom('organisation_members')
      .select('revoked_at')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', memberId)
      .executeTakeFirst();
    if (!found) return false;
    if (found.revoked_at === null) {
      await this.db
        .updateTable('organisation_members')
        .set({ revoked_at: at })
        .where('id', '=', memberId)
        .where('revoked_at', 'is', null)
        .execute();
    }
    return true;
  }

  async setRetention(organisationId: string, days: number | null): Promise<boolean> {
    const result = await this.db
      .updateTable('organisations')
      .set({ retention_days: days })
      .where('id', '=', organisationId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toMember(row: CaseroomTables['organisation_members']): MemberRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    createdAt: Number(row.created_at),
    expiresAt: row.expires_at === null ? undefined : Number(row.expires_at),
    revokedAt: row.revoked_at === null ? undefined : Number(row.revoked_at),
  };
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

function toOrganisation(row: {
  id: string;
  name: string;
  created_at: number;
  retention_days: number | null;
}): OrganisationRecord {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    ...(row.retention_days === null ? {} : { retentionDays: Number(row.retention_days) }),
  };
}
