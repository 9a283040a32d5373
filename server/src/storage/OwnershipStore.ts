import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isForeignKeyViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables, Engine } from './sql/tables.ts';
import { UnknownCaseError } from './storeErrors.ts';

/**
 * Which process owns each case (issue 14, "one owner per case"): a lease with an expiry, taken,
 * renewed and released through the database that every process shares. Expiry is measured on
 * the database's clock, never a process's, so processes on machines whose clocks disagree still
 * agree on whether a lease is live. A lease is live while `now < expiresAt`.
 *
 * Every change of owner goes through `acquire`, which writes the new owner's id. So a row that
 * still names `ownerId` means nobody else has held the case since `ownerId` last did — even if
 * its expiry has passed. `renew` therefore extends such a lease too (a holder that missed a
 * renewal, say while the database was unreachable, keeps the case if nobody took it). What the
 * store cannot know is the holder's own deadline: a holder must stop acting as owner once the
 * expiry it last had confirmed has passed on its own clock, until a renewal confirms it again.
 */
export interface OwnershipStore {
  /**
   * Takes the case's lease for `ttlMs` if nobody holds it, its lease expired, or `ownerId`
   * already holds it (then extends it); false when another owner's lease is live. One statement:
   * of owners racing for a free case exactly one wins. Throws UnknownCaseError.
   */
  acquire(caseId: string, ownerId: string, ttlMs: number): Promise<boolean>;
  /**
   * Extends by `ttlMs` every lease among `caseIds` that still names `ownerId` (live, or expired
   * but not taken by another); returns the ids it extended. A case missing from the answer was
   * lost (taken over, released, or never held).
   */
  renew(ownerId: string, caseIds: readonly string[], ttlMs: number): Promise<string[]>;
  /** Ends the case's lease if `ownerId` holds it (live or expired); another owner's lease is left alone. */
  release(caseId: string, ownerId: string): Promise<void>;
  /** The case's live lease, or undefined when there is none or it expired. */
  ownerOf(caseId: string): Promise<CaseOwner | undefined>;
}

/** A live lease: who owns the case, and until when (ms since the epoch, the database's clock). */
export type CaseOwner = { ownerId: string; expiresAt: number };

/**
 * At most this many case ids per renewing statement, well below both engines' limit on bound
 * parameters (SQLite 32,766, PostgreSQL 65,535); each case's lease is independent, so a process
 * owning more cases renews them in several statements.
 */
export const RENEW_BATCH = 5_000;

/**
 * The database's clock in ms since the epoch. PostgreSQL: `clock_timestamp()`, the time when
 * evaluated — after any wait for a row lock, unlike `now()`, the transaction's start.
 * SQLite: `unixepoch('subsec')` (SQLite ≥ 3.42; better-sqlite3 12 bundles 3.53).
 */
function databaseNow(engine: Engine): RawBuilder<number> {
  return engine === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`CAST(unixepoch('subsec') * 1000 AS INTEGER)`;
}

/** A lease's length must be a positive whole number of ms (a programmer error otherwise). */
function checkTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
    throw new RangeError(`lease ttl must be a positive integer of ms, got ${ttlMs}`);
}

/** Leases in table `case_owners` (one row per owned case). */
export class SqlOwnershipStore implements OwnershipStore {
  private readonly now: RawBuilder<number>;

  constructor(
    private readonly db: Kysely<CaseroomTables>,
    engine: Engine,
  ) {
    this.now = databaseNow(engine);
  }

  async acquire(caseId: string, ownerId: string, ttlMs: number): Promise<boolean> {
    checkTtl(ttlMs);
    try {
      // Insert, or on a held case take it over only where the lease expired or is ours: the
      // row lock of the upsert decides between racing owners (PostgreSQL re-checks the WHERE on
      // the row as the winner left it; SQLite runs one write at a time).
      const row = await this.db
        .insertInto('case_owners')
        .values({ case_id: caseId, owner_id: ownerId, expires_at: sql<number>`${this.now} + ${ttlMs}` })
        .onConflict((conflict) =>
          conflict
            .column('case_id')
            .doUpdateSet((eb) => ({ owner_id: eb.ref('excluded.owner_id'), expires_at: eb.ref('excluded.expires_at') }))
            .where((eb) =>
              eb.or([
                eb('case_owners.expires_at', '<=', this.now),
                eb('case_owners.owner_id', '=', eb.ref('excluded.owner_id')),
              ]),
            ),
        )
        .returning('owner_id')
        .executeTakeFirst();
      return row !== undefined;
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new UnknownCaseError(caseId);
      throw error;
    }
  }

  async renew(ownerId: string, caseIds: readonly string[], ttlMs: number): Promise<string[]> {
    checkTtl(ttlMs);
    const held: string[] = [];
    for (let start = 0; start < caseIds.length; start += RENEW_BATCH) {
      const batch = caseIds.slice(start, start + RENEW_BATCH);
      const rows = await this.db
        .updateTable('case_owners')
        .set({ expires_at: sql<number>`${this.now} + ${ttlMs}` })
        .where('owner_id', '=', ownerId)
        .where('case_id', 'in', batch)
        .returning('case_id')
        .execute();
      for (const row of rows) held.push(row.case_id);
    }
    return held;
  }

  async release(caseId: string, ownerId: string): Promise<void> {
    await this.db.deleteFrom('case_owners').where('case_id', '=', caseId).where('owner_id', '=', ownerId).execute();
  }

  async ownerOf(caseId: string): Promise<CaseOwner | undefined> {
    const row = await this.db
      .selectFrom('case_owners')
      .select(['owner_id', 'expires_at'])
      .where('case_id', '=', caseId)
      .where('expires_at', '>', this.now)
      .executeTakeFirst();
    return row && { ownerId: row.owner_id, expiresAt: Number(row.expires_at) };
  }
}
