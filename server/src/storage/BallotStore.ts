import type { Kysely } from 'kysely';
import { isForeignKeyViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables } from './sql/tables.ts';
import { UnknownCaseError } from './storeErrors.ts';

/** Dot-vote ballots (docs/workshop.md W7): stored on the server only, never in a case's Y.Doc. */
export interface BallotStore {
  /** Stores (or replaces) one party's ballot in a vote. Throws UnknownCaseError. */
  put(ballot: BallotRecord): Promise<void>;
  /** One party's ballot in a vote, or undefined. */
  get(caseId: string, voteId: string, partyId: string): Promise<BallotRecord | undefined>;
  /** Every ballot of a vote, in the order they were first cast. */
  list(caseId: string, voteId: string): Promise<BallotRecord[]>;
}

/** A party's dot votes in one vote. */
export type BallotRecord = {
  caseId: string;
  voteId: string;
  partyId: string;
  /** One entry per dot. */
  itemIds: string[];
  /** Milliseconds since the epoch of the last change. */
  at: number;
};

type BallotRow = { case_id: string; vote_id: string; party_id: string; item_ids: string; at: number };

/** Ballots in table `ballots` (item ids as JSON text). */
export class SqlBallotStore implements BallotStore {
  constructor(private readonly db: Kysely<CaseroomTables>) {}

  async put(ballot: BallotRecord): Promise<void> {
    try {
      await this.db
        .insertInto('ballots')
        .values({
          case_id: ballot.caseId,
          vote_id: ballot.voteId,
          party_id: ballot.partyId,
          item_ids: JSON.stringify(ballot.itemIds),
          at: ballot.at,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['case_id', 'vote_id', 'party_id'])
            .doUpdateSet((eb) => ({ item_ids: eb.ref('excluded.item_ids'), at: eb.ref('excluded.at') })),
        )
        .execute();
    } catch (error) {
      throw isForeignKeyViolation(error) ? new UnknownCaseError(ballot.caseId) : error;
    }
  }

  async get(caseId: string, voteId: string, partyId: string): Promise<BallotRecord | undefined> {
    const row = await this.db
      .selectFrom('ballots')
      .select(['case_id', 'vote_id', 'party_id', 'item_ids', 'at'])
      .where('case_id', '=', caseId)
      .where('vote_id', '=', voteId)
      .where('party_id', '=', partyId)
      .executeTakeFirst();
    return row ? toBallot(row) : undefined;
  }

  async list(caseId: string, voteId: string): Promise<BallotRecord[]> {
    const rows = await this.db
      .selectFrom('ballots')
      .select(['case_id', 'vote_id', 'party_id', 'item_ids', 'at'])
      .where('case_id', '=', caseId)
      .where('vote_id', '=', voteId)
      .orderBy('seq')
      .execute();
    return rows.map(toBallot);
  }
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
