import type { Kysely, Selectable } from 'kysely';
import { insertParty, type NewParty } from './AccessStore.ts';
import { firstOrganisationId } from './OrganisationStore.ts';
import { deleteCaseRows } from './sql/caseRows.ts';
import { fixedStatement } from './sql/fixedStatement.ts';
import { asBytes, isForeignKeyViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables, Engine, Executor } from './sql/tables.ts';
import { DuplicateCaseError, DuplicatePartyError, UnknownCaseError, UnknownOrganisationError } from './storeErrors.ts';
import { TurnBatch } from './TurnBatch.ts';

/**
 * The case catalogue: which cases exist, to which organisation each belongs, and what the start
 * page shows of each without loading its document (title, municipality, phase, last change).
 */
export interface CaseCatalogue {
  /**
   * Adds a case with its first update (the initial state) and, if given, its founding party and
   * that party's token hash, atomically. Throws DuplicateCaseError for a taken id, or
   * UnknownOrganisationError. A case created without an organisation belongs to the first one.
   */
  create(record: NewCase): Promise<void>;
  /** Whether a case with this id was ever created. */
  exists(id: string): Promise<boolean>;
  /** One case's catalogue entry, or undefined. */
  get(id: string): Promise<CaseRecord | undefined>;
  /** Every case, most recently changed first. */
  list(): Promise<CaseRecord[]>;
  /** Records the case's latest title, municipality, phase and time of last change. Throws UnknownCaseError. */
  touch(id: string, summary: CaseSummary): Promise<void>;
  /**
   * Archives a case as of `at` (issue 15: read-only, out of the lists), or restores it (null).
   * An archived case keeps its first archiving time. False for an unknown case.
   */
  setArchived(id: string, at: number | null): Promise<boolean>;
  /**
   * Deletes a case for good (issue 15): its row and every row of it in every table — updates,
   * parties, tokens, ballots, snapshots, activity, client ids, its lease, and any table with a
   * `case_id` — in one transaction. False for an unknown case (nothing changes).
   */
  delete(id: string): Promise<boolean>;
}

/** What the catalogue shows about a case without loading its document. */
export type CaseSummary = {
  title: string | undefined;
  municipality: string | undefined;
  phase: number | undefined;
  /** Milliseconds since the epoch of the last accepted change. */
  updatedAt: number;
};

/** A case in the catalogue. */
export type CaseRecord = CaseSummary & {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The organisation the case belongs to; undefined only while no organisation exists. */
  organisationId?: string | undefined;
  /** When the case was made from an import file (milliseconds since the epoch); absent otherwise. */
  importedAt?: number;
  /** When the case was archived (milliseconds since the epoch); absent while it is in use (issue 15). */
  archivedAt?: number;
};

/** What it takes to create a case. */
export type NewCase = {
  id: string;
  createdAt: number;
  /** Y.encodeStateAsUpdate of the freshly initialised document. */
  initialState: Uint8Array;
  summary: Omit<CaseSummary, 'updatedAt'>;
  /** The party created with the case (the facilitator, docs/access.md A3). */
  founder?: NewParty;
  /** The organisation it belongs to (issue 10); default the first organisation. */
  organisationId?: string;
  /** When it was made from an import file (issue 13: an imported copy is marked). */
  importedAt?: number;
};

type CaseRow = Selectable<CaseroomTables['cases']>;

/** The catalogue in table `cases` (the first update in `updates`, the founder in `parties`/`tokens`). */
export class SqlCaseCatalogue implements CaseCatalogue {
  /** `touch` calls of one turn (every open case's periodic summary) written in one transaction. */
  private readonly touches = new TurnBatch<{ id: string; summary: CaseSummary }, void>(
    (items) =>
      this.db.transaction().execute(async (trx) => {
        const results: (undefined | Error)[] = [];
        for (const { id, summary } of items) {
          results.push((await this.touchIn(trx, id, summary)) ? undefined : new UnknownCaseError(id));
        }
        return results;
      }),
    async ({ id, summary }) => {
      if (!(await this.touchIn(this.db, id, summary))) throw new UnknownCaseError(id);
    },
  );

  /** The summary's update: written once, bound per call (every open case's, every few seconds). */
  private readonly touchStatement: ReturnType<typeof fixedStatement>;

  constructor(
    private readonly db: Kysely<CaseroomTables>,
    private readonly engine: Engine,
  ) {
    this.touchStatement = fixedStatement(
      engine,
      'update "cases" set "title" = ?, "municipality" = ?, "phase" = ?, "updated_at" = ? where "id" = ?',
    );
  }

  /** Writes a case's summary; false if there is no such case. */
  private async touchIn(db: Executor, id: string, summary: CaseSummary): Promise<boolean> {
    const result = await db.executeQuery(
      this.touchStatement(
        summary.title ?? null,
        summary.municipality ?? null,
        summary.phase ?? null,
        summary.updatedAt,
        id,
      ),
    );
    return Number(result.numAffectedRows ?? 0) > 0;
  }

  async create({ id, createdAt, initialState, summary, founder, organisationId, importedAt }: NewCase): Promise<void> {
    if (founder && founder.party.caseId !== id) throw new DuplicatePartyError(id, founder.party.id);
    const firstUpdate = asBytes(initialState);
    await this.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()) {
        throw new DuplicateCaseError(id);
      }
      if (
        organisationId !== undefined &&
        !(await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst())
      ) {
        throw new UnknownOrganisationError(organisationId);
      }
      await trx
        .insertInto('cases')
        .values({
          id,
          created_at: createdAt,
          updated_at: createdAt,
          title: summary.title ?? null,
          municipality: summary.municipality ?? null,
          phase: summary.phase ?? null,
          organisation_id: organisationId ?? (await firstOrganisationId(trx)) ?? null,
          imported_at: importedAt ?? null,
        })
        .execute();
      await trx.insertInto('updates').values({ case_id: id, data: firstUpdate }).execute();
      if (founder) await insertParty(trx, founder);
    });
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    const row = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(): Promise<CaseRecord[]> {
    const rows = await this.db
      .selectFrom('cases')
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toRecord);
  }

  touch(id: string, summary: CaseSummary): Promise<void> {
    return this.touches.push({ id, summary });
  }

  async setArchived(id: string, at: number | null): Promise<boolean> {
    let query = this.db.updateTable('cases').set({ archived_at: at }).where('id', '=', id);
    // Archiving an archived case keeps the time it was first archived (the retention counts from it).
    if (at !== null) query = query.where('archived_at', 'is', null);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 || (await this.exists(id));
  }

  delete(id: string): Promise<boolean> {
    return this.db.transaction().execute((trx) => deleteCaseRows(trx, this.engine, id));
  }
}

/** Whether a failed write referred to a case that does not exist (then: UnknownCaseError). */
export function unknownCaseOr(error: unknown, caseId: string): unknown {
  return isForeignKeyViolation(error) ? new UnknownCaseError(caseId) : error;
}

function toRecord(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    title: row.title ?? undefined,
    municipality: row.municipality ?? undefined,
    phase: row.phase ?? undefined,
    organisationId: row.organisation_id ?? undefined,
    ...(row.imported_at === null ? {} : { importedAt: row.imported_at }),
    ...(row.archived_at === null || row.archived_at === undefined ? {} : { archivedAt: Number(row.archived_at) }),
  };
}
