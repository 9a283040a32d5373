import type { Kysely } from 'kysely';
import { fixedStatement } from './sql/fixedStatement.ts';
import { isForeignKeyViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables, Engine, Executor } from './sql/tables.ts';
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
        for (const entries of lists) for (const entry of entries) await recordIn(trx, this.statements, entry);
        return lists.map(() => undefined);
      }),
    (entries) => this.recordOwn(entries),
  );

  private readonly statements: ActivityStatements;

  constructor(
    private readonly db: Kysely<CaseroomTables>,
    engine: Engine,
  ) {
    this.statements = activityStatements(engine);
  }

  /**
   * One statement on the honest path (the party's latest stretch in the section is extended in
   * place, on the database's copy of it), an insert only when a new stretch starts: activity is
   * written about once a second per party and section of every open case.
   */
  record(entry: ActivityEntry): Promise<void> {
    return recordIn(this.db, this.statements, entry);
  }

  async recordAll(entries: readonly ActivityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.batch.push(entries);
  }

  /** One caller's entries in one transaction (alone in its turn, or tried again after a batch failed). */
  private async recordOwn(entries: readonly ActivityEntry[]): Promise<void> {
    if (entries.length === 1) return recordIn(this.db, this.statements, entries[0]!);
    await this.db.transaction().execute(async (trx) => {
      for (const entry of entries) await recordIn(trx, this.statements, entry);
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

/**
 * The statements of one entry, written once per engine and bound per call: every open case
 * writes its activity every few seconds (`pnpm bench:sync`, issue 14).
 *  - extend: the party's latest stretch in the section takes the entry, if it ended at most
 *    ACTIVITY_MERGE_MS before it (its last time only moves forward);
 *  - start: a new stretch.
 */
export function activityStatements(engine: Engine) {
  return {
    extend: fixedStatement(
      engine,
      `update "activity" set "last_at" = case when "last_at" > ? then "last_at" else ? end, "edits" = "edits" + ?
       where "seq" = (select "seq" from "activity" where "case_id" = ? and "party_id" = ? and "section" = ?
                      order by "seq" desc limit 1)
         and ? - "last_at" <= ?`,
    ),
    start: fixedStatement(
      engine,
      'insert into "activity" ("case_id", "party_id", "section", "first_at", "last_at", "edits") values (?, ?, ?, ?, ?, ?)',
    ),
  };
}

type ActivityStatements = ReturnType<typeof activityStatements>;

/** One entry: the party's latest stretch in the section extended in place, or a new one. */
async function recordIn(db: Executor, statements: ActivityStatements, entry: ActivityEntry): Promise<void> {
  const edits = entry.edits ?? 1;
  const { caseId, partyId, section, at } = entry;
  const extended = await db.executeQuery(
    statements.extend(at, at, edits, caseId, partyId, section, at, ACTIVITY_MERGE_MS),
  );
  if (Number(extended.numAffectedRows ?? 0) > 0) return;
  try {
    await db.executeQuery(statements.start(caseId, partyId, section, at, at, edits));
  } catch (error) {
    throw isForeignKeyViolation(error) ? new UnknownCaseError(caseId) : error;
  }
}
