import type { LibraryEntryFields } from '@caseroom/shared';
import { isUniqueViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables, Executor } from './sql/tables.ts';
import { DuplicateLibraryEntryError, LibraryVersionConflictError, UnknownOrganisationError } from './storeErrors.ts';

export { DuplicateLibraryEntryError, LibraryVersionConflictError };

/** One stored version of a library entry. */
export type StoredLibraryEntry = LibraryEntryFields & {
  id: string;
  organisationId: string;
  version: number;
  /** Milliseconds since the epoch. */
  changedAt: number;
  changedBy: string;
};

/** What it takes to write a version: the entry's fields, who and when. */
export type LibraryWrite = { organisationId: string; id: string; fields: LibraryEntryFields; at: number; by: string };

/** A change: the write, and — when the writer says which version it changed — that version. */
export type LibraryRevision = LibraryWrite & { baseVersion?: number };

/**
 * The unit-value library (issue 15, docs/library.md): per organisation, entries whose every
 * change is a new version — old versions stay readable, so a case can say which one it took.
 * Rows are never updated or deleted here; the current version is the highest.
 */
export interface UnitValueLibrary {
  /** Adds an entry as version 1. Throws DuplicateLibraryEntryError for a taken id, UnknownOrganisationError for an unknown organisation. */
  add(entry: LibraryWrite): Promise<StoredLibraryEntry>;
  /**
   * Writes the entry's next version (current + 1). Undefined for an entry the organisation does
   * not have. Throws LibraryVersionConflictError, writing nothing, when another writer took that
   * version first, or when `baseVersion` is given and is no longer the entry's latest version
   * (checked in the same transaction as the write; the unique version key settles a race).
   */
  revise(entry: LibraryRevision): Promise<StoredLibraryEntry | undefined>;
  /**
   * Adds each entry (as version 1) that the organisation has never had, in one transaction; one
   * it has — in any version — is left alone, so seeding twice, or twice at once, adds nothing.
   * Returns how many were added.
   */
  seed(
    organisationId: string,
    entries: readonly (LibraryEntryFields & { id: string })[],
    at: number,
    by: string,
  ): Promise<number>;
  /** Each entry's current version, in the order the entries were added. */
  current(organisationId: string): Promise<StoredLibraryEntry[]>;
  /** Every version of one entry, the oldest first ([] for an unknown one). */
  versions(organisationId: string, id: string): Promise<StoredLibraryEntry[]>;
  /** These exact versions, those that exist (a case's links). */
  find(organisationId: string, wanted: readonly { entryId: string; version: number }[]): Promise<StoredLibraryEntry[]>;
  /** How many entries the organisation has. */
  count(organisationId: string): Promise<number>;
}

type Row = CaseroomTables['library_entries'];

/** The library in table `library_entries`, one row per version. */
export class SqlUnitValueLibrary implements UnitValueLibrary {
  constructor(private readonly db: Executor) {}

  async add(entry: LibraryWrite): Promise<StoredLibraryEntry> {
    return this.db.transaction().execute(async (trx) => {
      await requireOrganisation(trx, entry.organisationId);
      const taken = await trx
        .selectFrom('library_entries')
        .select('id')
        .where('organisation_id', '=', entry.organisationId)
        .where('id', '=', entry.id)
        .executeTakeFirst();
      if (taken) throw new DuplicateLibraryEntryError(entry.id);
      const row = toRow(entry, 1);
      await insert(trx, row, () => new DuplicateLibraryEntryError(entry.id));
      return fromRow(row);
    });
  }

  async revise(entry: LibraryRevision): Promise<StoredLibraryEntry | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const latest = await trx
        .selectFrom('library_entries')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('organisation_id', '=', entry.organisationId)
        .where('id', '=', entry.id)
        .executeTakeFirst();
      if (latest?.version === null || latest?.version === undefined) return undefined;
      const current = Number(latest.version);
      // A writer who changed an older version would silently overtake the newer one. Two writers
      // on the same base both read `current` here; the unique (organisation, id, version) key
      // lets only one of them insert current + 1.
      if (entry.baseVersion !== undefined && entry.baseVersion !== current) {
        throw new LibraryVersionConflictError(entry.id);
      }
      const row = toRow(entry, current + 1);
      await insert(trx, row, () => new LibraryVersionConflictError(entry.id));
      return fromRow(row);
    });
  }

  async seed(
    organisationId: string,
    entries: readonly (LibraryEntryFields & { id: string })[],
    at: number,
    by: string,
  ): Promise<number> {
    let added = 0;
    for (const { id, ...fields } of entries) {
      const result = await this.db
        .insertInto('library_entries')
        .values(toRow({ organisationId, id, fields, at, by }, 1))
        .onConflict((conflict) => conflict.columns(['organisation_id', 'id', 'version']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  async current(organisationId: string): Promise<StoredLibraryEntry[]> {
    const rows = await this.db
      .selectFrom('library_entries as e')
      .selectAll('e')
      .where('e.organisation_id', '=', organisationId)
      .where(({ eb, selectFrom }) =>
        eb(
          'e.version',
          '=',
          selectFrom('library_entries as v')
            .select((inner) => inner.fn.max('v.version').as('latest'))
            .whereRef('v.organisation_id', '=', 'e.organisation_id')
            .whereRef('v.id', '=', 'e.id'),
        ),
      )
      .execute();
    const first = await this.firstAdded(organisationId);
    return rows.map(fromRow).sort((a, b) => (first.get(a.id) ?? 0) - (first.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
  }

  async versions(organisationId: string, id: string): Promise<StoredLibraryEntry[]> {
    const rows = await this.db
      .selectFrom('library_entries')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map(fromRow);
  }

  async find(
    organisationId: string,
    wanted: readonly { entryId: string; version: number }[],
  ): Promise<StoredLibraryEntry[]> {
    if (wanted.length === 0) return [];
    const ids = [...new Set(wanted.map((w) => w.entryId))];
    const rows = await this.db
      .selectFrom('library_entries')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids)
      .execute();
    const keys = new Set(wanted.map((w) => `${w.entryId}@${w.version}`));
    return rows.map(fromRow).filter((entry) => keys.has(`${entry.id}@${entry.version}`));
  }

  async count(organisationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('library_entries')
      .select((eb) => eb.fn.count('id').distinct().as('entries'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return Number(row?.entries ?? 0);
  }

  /** When each entry's first version was written, and its row order: the order entries were added. */
  private async firstAdded(organisationId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('library_entries')
      .select(['id', 'seq'])
      .where('organisation_id', '=', organisationId)
      .where('version', '=', 1)
      .execute();
    return new Map(rows.map((row) => [row.id, Number(row.seq)]));
  }
}

async function requireOrganisation(db: Executor, organisationId: string): Promise<void> {
  const known = await db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
  if (!known) throw new UnknownOrganisationError(organisationId);
}

async function insert(db: Executor, row: Omit<Row, 'seq'>, duplicate: () => Error): Promise<void> {
  try {
    await db.insertInto('library_entries').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

function toRow({ organisationId, id, fields, at, by }: LibraryWrite, version: number): Omit<Row, 'seq'> {
  return {
    organisation_id: organisationId,
    id,
    version,
    name: fields.name,
    level: fields.level,
    value_per_year: fields.valuePerYear,
    unit: fields.unit,
    price_year: fields.priceYear,
    source_text: fields.source.text,
    source_link: fields.source.link ?? null,
    source_date: fields.source.date,
    valid_from: fields.validFrom,
    changed_at: at,
    changed_by: by,
  };
}

function fromRow(row: Omit<Row, 'seq'>): StoredLibraryEntry {
  return {
    organisationId: row.organisation_id,
    id: row.id,
    version: Number(row.version),
    name: row.name,
    level: row.level as LibraryEntryFields['level'],
    valuePerYear: Number(row.value_per_year),
    unit: row.unit,
    priceYear: Number(row.price_year),
    source: {
      text: row.source_text,
      ...(row.source_link === null ? {} : { link: row.source_link }),
      date: row.source_date,
    },
    validFrom: row.valid_from,
    changedAt: Number(row.changed_at),
    changedBy: row.changed_by,
  };
}
