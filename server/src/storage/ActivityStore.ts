import type { Kysely } from 'kysely';
import { isForeignKeyViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables } from './sql/tables.ts';
import { UnknownCaseError } from './storeErrors.ts';

/** Who changed what (W12): stretches of edits by one party to one section. */
export interface ActivityStore {
  /**
   * Records that a party changed a section at `at`: extends the party's latest entry for that
   * section when it is at most ACTIVITY_MERGE_MS older, else adds one. Throws UnknownCaseError.
   */
  record(entry: ActivityEntry): Promise<void>;
  /** The case's activity, most recent change first, at most `limit` entries ([] for an unknown case). */
  list(caseId: string, limit: number): Promise<ActivityRecord[]>;
}

/** Edits by one party to one section within this long of each other count as one entry. */
export const ACTIVITY_MERGE_MS = 60_000;

/**
 * Changes to record: who (party), which section (a root of the case document), when (the
 * latest), and how many edits (default 1; a case document records a second's worth at once).
 */
export type ActivityEntry = { caseId: string; partyId: string; section: string; at: number; edits?: number };

/** A stretch of changes by one party to one section: first and last time, how many edits. */
export type ActivityRecord = { partyId: string; section: string; firstAt: number; lastAt: number; edits: number };

/** Activity in table `activity`. */
export class SqlActivityStore implements ActivityStore {
  constructor(private readonly db: Kysely<CaseroomTables>) {}

  async record(entry: ActivityEntry): Promise<void> {
    const edits = entry.edits ?? 1;
    await this.db.transaction().execute(async (trx) => {
      const latest = await trx
        .selectFrom('activity')
        .select(['seq', 'last_at'])
        .where('case_id', '=', entry.caseId)
        .where('party_id', '=', entry.partyId)
        .where('section', '=', entry.section)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest && entry.at - latest.last_at <= ACTIVITY_MERGE_MS) {
        await trx
          .updateTable('activity')
          .set((eb) => ({ last_at: Math.max(latest.last_at, entry.at), edits: eb('edits', '+', edits) }))
          .where('seq', '=', latest.seq)
          .execute();
        return;
      }
      try {
        await trx
          .insertInto('activity')
          .values({
            case_id: entry.caseId,
            party_id: entry.partyId,
            section: entry.section,
            first_at: entry.at,
            last_at: entry.at,
            edits,
          })
          .execute();
      } catch (error) {
        throw isForeignKeyViolation(error) ? new UnknownCaseError(entry.caseId) : error;
      }
    });
  }

  async list(caseId: string, limit: number): Promise<ActivityRecord[]> {
    const rows = await this.db
      .selectFrom('activity')
      .select(['party_id', 'section', 'first_at', 'last_at', 'edits'])
      .where('case_id', '=', caseId)
      .orderBy('last_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      partyId: row.party_id,
      section: row.section,
      firstAt: row.first_at,
      lastAt: row.last_at,
      edits: row.edits,
    }));
  }
}
