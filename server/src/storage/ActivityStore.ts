import { type Kysely, sql } from 'kysely';
import { isForeignKeyViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables, Executor } from './sql/tables.ts';
import { UnknownCaseError } from './storeErrors.ts';
import { TurnBatch } from './TurnBatch.ts';

/** Who changed what (W12): stretches of edits by one party to one section. */
export interface ActivityStore {
  /**
   * Records that a party changed a section at `at`: extends the party's latest entry for that
   * section when it is at most ACTIVITY_MERGE_MS older, else adds one. Throws UnknownCaseError.
   */
  record(entry: ActivityEntry): Promise<void>;
  /** Records several entries in one transaction (a case document's second of activity). Throws UnknownCaseError. */
  recordAll(entries: readonly ActivityEntry[]): Promise<void>;
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
  /** `recordAll` calls of one turn (every case's periodic flush) written in one transaction. */
  private readonly batch = new TurnBatch<readonly ActivityEntry[], void>(
    (lists) =>
      this.db.transaction().execute(async (trx) => {
        for (const entries of lists) for (const entry of entries) await recordIn(trx, entry);
        return lists.map(() => undefined);
      }),
    (entries) => this.recordOwn(entries),
  );

  constructor(private readonly db: Kysely<CaseroomTables>) {}

  /**
   * One statement on the honest path (the party's latest stretch in the section is extended in
   * place, on the database's copy of it), an insert only when a new stretch starts: activity is
   * written about once a second per party and section of every open case.
   */
  record(entry: ActivityEntry): Promise<void> {
    return recordIn(this.db, entry);
  }

  async recordAll(entries: readonly ActivityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.batch.push(entries);
  }

  /** One caller's entries in one transaction (alone in its turn, or tried again after a batch failed). */
  private async recordOwn(entries: readonly ActivityEntry[]): Promise<void> {
    if (entries.length === 1) return recordIn(this.db, entries[0]!);
    await this.db.transaction().execute(async (trx) => {
      for (const entry of entries) await recordIn(trx, entry);
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

/** One entry: the party's latest stretch in the section extended in place, or a new one. */
async function recordIn(db: Executor, entry: ActivityEntry): Promise<void> {
  const edits = entry.edits ?? 1;
  const latest = db

    .selectFrom('activity')
    .select('seq')
    .where('case_id', '=', entry.caseId)
    .where('party_id', '=', entry.partyId)
    .where('section', '=', entry.section)
    .orderBy('seq', 'desc')
    .limit(1);
  const extended = await db
    .updateTable('activity')
    .set((eb) => ({
      last_at: sql<number>`CASE WHEN last_at > ${entry.at} THEN last_at ELSE ${entry.at} END`,
      edits: eb('edits', '+', edits),
    }))
    .where('seq', '=', latest)
    .where(sql<number>`${entry.at} - last_at`, '<=', ACTIVITY_MERGE_MS)
    .executeTakeFirst();
  if (Number(extended.numUpdatedRows) > 0) return;
  try {
    await db
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
}
