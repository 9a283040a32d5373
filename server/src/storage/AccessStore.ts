import type { PartyKind, Role } from '@caseroom/shared';
import type { Selectable } from 'kysely';
import type { CaseroomTables, Executor } from './sql/tables.ts';
import { DuplicatePartyError, UnknownCaseError, UnknownPartyError } from './storeErrors.ts';

/**
 * A case's parties and the hashes of their link tokens (docs/access.md): who is in a case, in
 * which role, and which link opens it as whom. Revoked tokens are kept, so a rotated-away link
 * can be told apart from an unknown one.
 */
export interface AccessStore {
  /** Adds a party with its first (live) token hash, atomically. Throws UnknownCaseError / DuplicatePartyError. */
  addParty(newParty: NewParty): Promise<void>;
  /** The case's parties in the order they were added ([] for an unknown case). */
  listParties(caseId: string): Promise<PartyRecord[]>;
  /** One party of a case, or undefined. */
  getParty(caseId: string, partyId: string): Promise<PartyRecord | undefined>;
  /** The token row with this SHA-256 hash (hex), live or revoked, or undefined. */
  findToken(hash: string): Promise<TokenRecord | undefined>;
  /**
   * Revokes the party's live token(s) at `at` and stores `newHash` as its live token,
   * atomically; a party whose access was ended has it again. Returns the hashes it revoked.
   * Throws UnknownPartyError, or DuplicatePartyError for a taken hash.
   */
  replaceToken(caseId: string, partyId: string, newHash: string, at: number): Promise<string[]>;
  /** Sets (or, with undefined, clears) the time the party's link stops working. Throws UnknownPartyError. */
  setPartyExpiry(caseId: string, partyId: string, expiresAt: number | undefined): Promise<void>;
  /** Ends the party's access at `at` (a party already ended keeps its first time). Throws UnknownPartyError. */
  endParty(caseId: string, partyId: string, at: number): Promise<void>;
  /** The parties made for an organisation member, in every case (issue 15), in the order they were added. */
  partiesOfMember(memberId: string): Promise<PartyRecord[]>;
}

/** A party of a case as stored (docs/access.md): who it is and what its link lets it do. */
export type PartyRecord = {
  id: string;
  caseId: string;
  name: string;
  kind: PartyKind;
  role: Role;
  departmentId: string | undefined;
  /** When the party's link stops working (milliseconds since the epoch); undefined: never. */
  expiresAt?: number | undefined;
  /** When the facilitator ended the party's access; undefined while it has access. */
  endedAt?: number | undefined;
  /** The organisation member the party was made for (issue 15: entered from the portfolio); absent for an invited party. */
  memberId?: string;
};

/** A stored link token: only its SHA-256 hash (hex), never the token itself. */
export type TokenRecord = {
  hash: string;
  caseId: string;
  partyId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** When it was rotated away; undefined while it is the party's live token. */
  revokedAt: number | undefined;
};

/** What it takes to add a party: the party and the hash of its first token. */
export type NewParty = {
  party: PartyRecord;
  tokenHash: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
};

type PartyRow = Selectable<CaseroomTables['parties']>;

/** Parties and token hashes in tables `parties` and `tokens`. */
export class SqlAccessStore implements AccessStore {
  constructor(private readonly db: Executor) {}

  async addParty(newParty: NewParty): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const caseId = newParty.party.caseId;
      if (!(await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) {
        throw new UnknownCaseError(caseId);
      }
      await insertParty(trx, newParty);
    });
  }

  async partiesOfMember(memberId: string): Promise<PartyRecord[]> {
    const rows = await this.db
      .selectFrom('parties')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('seq')
      .execute();
    return rows.map(toParty);
  }

  async listParties(caseId: string): Promise<PartyRecord[]> {
    const rows = await this.db.selectFrom('parties').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    return rows.map(toParty);
  }

  async getParty(caseId: string, partyId: string): Promise<PartyRecord | undefined> {
    const row = await findParty(this.db, caseId, partyId);
    return row ? toParty(row) : undefined;
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const row = await this.db.selectFrom('tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
    if (!row) return undefined;
    return {
      hash: row.hash,
      caseId: row.case_id,
      partyId: row.party_id,
      createdAt: row.created_at,
      revokedAt: row.revoked_at ?? undefined,
    };
  }

  replaceToken(caseId: string, partyId: string, newHash: string, at: number): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await findParty(trx, caseId, partyId))) throw new UnknownPartyError(caseId, partyId);
      if (await trx.selectFrom('tokens').select('hash').where('hash', '=', newHash).executeTakeFirst()) {
        throw new DuplicatePartyError(caseId, partyId);
      }
      const live = trx
        .selectFrom('tokens')
        .select('hash')
        .where('case_id', '=', caseId)
        .where('party_id', '=', partyId)
        .where('revoked_at', 'is', null);
      const revoked = (await live.execute()).map((row) => row.hash);
      await trx
        .updateTable('tokens')
        .set({ revoked_at: at })
        .where('case_id', '=', caseId)
        .where('party_id', '=', partyId)
        .where('revoked_at', 'is', null)
        .execute();
      await trx
        .insertInto('tokens')
        .values({ hash: newHash, case_id: caseId, party_id: partyId, created_at: at })
        .execute();
      await trx
        .updateTable('parties')
        .set({ ended_at: null })
        .where('case_id', '=', caseId)
        .where('id', '=', partyId)
        .execute();
      return revoked;
    });
  }

  async setPartyExpiry(caseId: string, partyId: string, expiresAt: number | undefined): Promise<void> {
    const result = await this.db
      .updateTable('parties')
      .set({ expires_at: expiresAt ?? null })
      .where('case_id', '=', caseId)
      .where('id', '=', partyId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new UnknownPartyError(caseId, partyId);
  }

  async endParty(caseId: string, partyId: string, at: number): Promise<void> {
    const result = await this.db
      .updateTable('parties')
      .set((eb) => ({ ended_at: eb.fn.coalesce('ended_at', eb.val(at)) }))
      .where('case_id', '=', caseId)
      .where('id', '=', partyId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new UnknownPartyError(caseId, partyId);
  }
}

/** Inserts a party and its token; the caller holds a transaction (a case's creation, addParty). */
export async function insertParty(db: Executor, { party, tokenHash, createdAt }: NewParty): Promise<void> {
  const taken =
    (await findParty(db, party.caseId, party.id)) ??
    (await db.selectFrom('tokens').select('hash').where('hash', '=', tokenHash).executeTakeFirst());
  if (taken) throw new DuplicatePartyError(party.caseId, party.id);
  await db
    .insertInto('parties')
    .values({
      case_id: party.caseId,
      id: party.id,
      name: party.name,
      kind: party.kind,
      role: party.role,
      department_id: party.departmentId ?? null,
      created_at: createdAt,
      expires_at: party.expiresAt ?? null,
      member_id: party.memberId ?? null,
    })
    .execute();
  await db
    .insertInto('tokens')
    .values({ hash: tokenHash, case_id: party.caseId, party_id: party.id, created_at: createdAt })
    .execute();
}

function findParty(db: Executor, caseId: string, partyId: string): Promise<PartyRow | undefined> {
  return db
    .selectFrom('parties')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', partyId)
    .executeTakeFirst();
}

function toParty(row: PartyRow): PartyRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    name: row.name,
    // Written only by insertParty from schema-checked values.
    kind: row.kind as PartyRecord['kind'],
    role: row.role as PartyRecord['role'],
    departmentId: row.department_id ?? undefined,
    expiresAt: row.expires_at ?? undefined,
    endedAt: row.ended_at ?? undefined,
    ...(row.member_id === null ? {} : { memberId: row.member_id }),
  };
}
