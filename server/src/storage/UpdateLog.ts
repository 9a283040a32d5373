import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { mergeUnseen, SeenRows } from './SeenRows.ts';
import { asBytes, fromBytes, isForeignKeyViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables, Engine } from './sql/tables.ts';
import { UnknownCaseError } from './storeErrors.ts';

/**
 * Each case's Yjs updates, in the order they were accepted: what a case's document is rebuilt
 * from. A write throws when it did not happen; it never reports success that did not happen.
 */
export interface UpdateLog {
  /**
   * Appends updates to the case's log in one transaction, in the order given (a group commit:
   * the updates that arrived within one tick). Throws UnknownCaseError, or when the write failed
   * (then none of them is stored).
   */
  append(caseId: string, updates: readonly Uint8Array[]): Promise<void>;
  /** The case's updates in the order they were stored (after compaction: one state row, then newer updates). */
  load(caseId: string): Promise<Uint8Array[]>;
  /** The same rows for a reader that keeps no live document (a model read, an export): compaction is not told. */
  read(caseId: string): Promise<Uint8Array[]>;
  /**
   * Replaces the case's update log with one state (Y.encodeStateAsUpdate of the caller's
   * document), atomically. The caller's document holds what this handle's `load` gave it and
   * what it appended since; any other row (another writer's) is merged into the stored state,
   * never dropped.
   */
  compact(caseId: string, state: Uint8Array): Promise<void>;
  /** How many rows the case's update log holds (to decide and to test compaction). */
  count(caseId: string): Promise<number>;
  /**
   * A mark that changes whenever the case's stored updates change and never comes back (for a
   * reader that caches what it decoded, the portfolio): the highest seq and the row count. An
   * append adds a row; a compaction stores a seq above every earlier one. From the index alone.
   */
  revision(caseId: string): Promise<string>;
}

/** Rows per INSERT statement: two parameters each, well within both engines' limits. */
const INSERT_CHUNK = 2_000;

/** One caller's append, waiting for the turn's statement. */
type WaitingAppend = {
  caseId: string;
  rows: Buffer[];
  resolve: () => void;
  reject: (error: unknown) => void;
};

/** The log in table `updates` (`seq` only grows). */
export class SqlUpdateLog implements UpdateLog {
  /** Which rows this handle's callers hold in their documents (compaction merges the rest). */
  private readonly seen = new SeenRows();
  /** Appends waiting for the turn's statement. */
  private readonly waiting: WaitingAppend[] = [];

  constructor(
    private readonly db: Kysely<CaseroomTables>,
    private readonly engine: Engine,
  ) {}

  /**
   * Group commit across cases: the appends of every case that arrive in one turn of the event
   * loop are written by one statement (one transaction), then each caller is answered. Under load
   * that is one commit per turn instead of one per case — what made a commit cost more than
   * the work around it (`pnpm bench:sync`, issue 14). A failed statement is retried case by case,
   * so one case's error (an unknown case) is that case's alone.
   */
  append(caseId: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    // Copied now: the caller may reuse its buffers once this returns.
    const rows = updates.map((update) => asBytes(update));
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ caseId, rows, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => void this.writeWaiting());
    });
  }

  /** Writes every append that waited for this turn. */
  private async writeWaiting(): Promise<void> {
    const batch = this.waiting.splice(0);
    try {
      await this.insert(batch);
      for (const append of batch) append.resolve();
    } catch {
      // One by one: each caller learns its own outcome.
      for (const append of batch) {
        try {
          await this.insert([append]);
          append.resolve();
        } catch (error) {
          append.reject(isForeignKeyViolation(error) ? new UnknownCaseError(append.caseId) : error);
        }
      }
    }
  }

  private async insert(batch: readonly WaitingAppend[]): Promise<void> {
    const values = batch.flatMap(({ caseId, rows }) => rows.map((data) => ({ case_id: caseId, data })));
    const write = async (db: Kysely<CaseroomTables> | Transaction<CaseroomTables>) => {
      const stored: { seq: number; case_id: string }[] = [];
      for (let i = 0; i < values.length; i += INSERT_CHUNK) {
        const chunk = values.slice(i, i + INSERT_CHUNK);
        stored.push(...(await db.executeQuery(insertRows(this.engine, chunk))).rows);
      }
      return stored;
    };
    const stored =
      values.length <= INSERT_CHUNK ? await write(this.db) : await this.db.transaction().execute((trx) => write(trx));
    for (const row of stored) this.seen.appended(row.case_id, Number(row.seq));
  }

  async load(caseId: string): Promise<Uint8Array[]> {
    const rows = await this.rows(caseId);
    this.seen.loaded(caseId, Number(rows.at(-1)?.seq ?? 0));
    return rows.map((row) => fromBytes(row.data));
  }

  async read(caseId: string): Promise<Uint8Array[]> {
    return (await this.rows(caseId)).map((row) => fromBytes(row.data));
  }

  private rows(caseId: string) {
    return this.db.selectFrom('updates').select(['seq', 'data']).where('case_id', '=', caseId).orderBy('seq').execute();
  }

  /**
   * Deletes exactly the rows read inside this transaction and stores one state in their place.
   * Rows this handle's caller does not hold (another writer's) are merged into that state. The
   * case row is locked first (PostgreSQL: FOR UPDATE; SQLite: one writer at a time), so two
   * compactions of one case never interleave; an append committed meanwhile is a row that was
   * not read, so it is not deleted.
   */
  async compact(caseId: string, state: Uint8Array): Promise<void> {
    const own = asBytes(state); // before the first await: the caller may change its buffer meanwhile
    const { stateSeq, mergedUnseen } = await this.db.transaction().execute(async (trx) => {
      const locked = await lockCase(trx, this.engine, caseId);
      if (!locked) throw new UnknownCaseError(caseId);
      const rows = await trx
        .selectFrom('updates')
        .select(['seq', 'data'])
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .execute();
      const unseen = rows.filter((row) => !this.seen.holds(caseId, Number(row.seq))).map((row) => fromBytes(row.data));
      const seqs = rows.map((row) => Number(row.seq));
      // Chunks keep each statement's parameter list within every engine's limit.
      for (let i = 0; i < seqs.length; i += 500) {
        await trx
          .deleteFrom('updates')
          .where('seq', 'in', seqs.slice(i, i + 500))
          .execute();
      }
      const inserted = await trx
        .insertInto('updates')
        .values({ case_id: caseId, data: unseen.length === 0 ? own : asBytes(mergeUnseen(own, unseen)) })
        .returning('seq')
        .executeTakeFirstOrThrow();
      return { stateSeq: Number(inserted.seq), mergedUnseen: unseen.length > 0 };
    });
    this.seen.compacted(caseId, stateSeq, mergedUnseen);
  }

  async count(caseId: string): Promise<number> {
    const row = await this.db
      .selectFrom('updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async revision(caseId: string): Promise<string> {
    const row = await this.db
      .selectFrom('updates')
      .select((eb) => [eb.fn.max('seq').as('last'), eb.fn.countAll<number>().as('n')])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return `${Number(row?.last ?? 0)}:${Number(row?.n ?? 0)}`;
  }
}

/** Takes the case's row lock for the transaction (PostgreSQL; SQLite has one writer); true if the case exists. */
async function lockCase(trx: Transaction<CaseroomTables>, engine: Engine, caseId: string): Promise<boolean> {
  const query = trx.selectFrom('cases').select('id').where('id', '=', caseId);
  return (await (engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst()) !== undefined;
}

/**
 * The INSERT of a group commit, written out rather than built through Kysely's query builder:
 * it runs for every turn with edits, and building and compiling its tree cost more than the
 * insert (`pnpm bench:sync`). The text depends only on the number of rows, so the SQLite
 * statement cache holds it.
 */
function insertRows(
  engine: Engine,
  rows: readonly { case_id: string; data: Buffer }[],
): CompiledQuery<{ seq: number; case_id: string }> {
  const placeholder = engine === 'postgres' ? (n: number) => `$${n}` : () => '?';
  const tuples = rows.map((_, i) => `(${placeholder(2 * i + 1)}, ${placeholder(2 * i + 2)})`).join(', ');
  return CompiledQuery.raw(
    `insert into "updates" ("case_id", "data") values ${tuples} returning "seq", "case_id"`,
    rows.flatMap((row) => [row.case_id, row.data]),
  );
}
