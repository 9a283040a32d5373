import type { SnapshotKind } from '@caseroom/shared';
import type { Kysely } from 'kysely';
import { asBytes, fromBytes, isForeignKeyViolation } from './sql/sqlErrors.ts';
import type { CaseroomTables } from './sql/tables.ts';
import { DuplicateSnapshotError, UnknownCaseError } from './storeErrors.ts';

/** Saved versions of a case (W11): the Y.Doc state itself at one moment. */
export interface SnapshotStore {
  /** Stores a snapshot. Throws UnknownCaseError, or DuplicateSnapshotError for a taken id. */
  add(snapshot: SnapshotRecord): Promise<void>;
  /** The case's snapshots without their state, newest first ([] for an unknown case). */
  list(caseId: string): Promise<SnapshotInfo[]>;
  /** One snapshot with its state, or undefined. */
  get(caseId: string, snapshotId: string): Promise<SnapshotRecord | undefined>;
}

/** Why a snapshot was taken (W11; shared's SNAPSHOT_KINDS). */
export type { SnapshotKind };

/** A snapshot as listed: everything but the state. */
export type SnapshotInfo = {
  id: string;
  caseId: string;
  name: string;
  kind: SnapshotKind;
  /** Milliseconds since the epoch. */
  createdAt: number;
  createdByPartyId: string;
};

/** A snapshot: the Y.Doc state itself (Y.encodeStateAsUpdate) at one moment. */
export type SnapshotRecord = SnapshotInfo & { state: Uint8Array };

type SnapshotInfoRow = {
  id: string;
  case_id: string;
  name: string;
  kind: string;
  created_at: number;
  created_by_party_id: string;
};

const INFO_COLUMNS = ['id', 'case_id', 'name', 'kind', 'created_at', 'created_by_party_id'] as const;

/** Snapshots in table `snapshots` (the state as a BLOB / BYTEA). */
export class SqlSnapshotStore implements SnapshotStore {
  constructor(private readonly db: Kysely<CaseroomTables>) {}

  async add(snapshot: SnapshotRecord): Promise<void> {
    const state = asBytes(snapshot.state);
    if (await this.find(snapshot.caseId, snapshot.id)) throw new DuplicateSnapshotError(snapshot.caseId, snapshot.id);
    try {
      await this.db
        .insertInto('snapshots')
        .values({
          id: snapshot.id,
          case_id: snapshot.caseId,
          name: snapshot.name,
          kind: snapshot.kind,
          created_at: snapshot.createdAt,
          created_by_party_id: snapshot.createdByPartyId,
          state,
        })
        .execute();
    } catch (error) {
      throw isForeignKeyViolation(error) ? new UnknownCaseError(snapshot.caseId) : error;
    }
  }

  async list(caseId: string): Promise<SnapshotInfo[]> {
    const rows = await this.db
      .selectFrom('snapshots')
      .select(INFO_COLUMNS)
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .execute();
    return rows.map(toSnapshotInfo);
  }

  async get(caseId: string, snapshotId: string): Promise<SnapshotRecord | undefined> {
    const row = await this.db
      .selectFrom('snapshots')
      .select([...INFO_COLUMNS, 'state'])
      .where('case_id', '=', caseId)
      .where('id', '=', snapshotId)
      .executeTakeFirst();
    return row ? { ...toSnapshotInfo(row), state: fromBytes(row.state) } : undefined;
  }

  private find(caseId: string, snapshotId: string) {
    return this.db
      .selectFrom('snapshots')
      .select('id')
      .where('case_id', '=', caseId)
      .where('id', '=', snapshotId)
      .executeTakeFirst();
  }
}

function toSnapshotInfo(row: SnapshotInfoRow): SnapshotInfo {
  return {
    id: row.id,
    caseId: row.case_id,
    name: row.name,
    // Written only by add from a SnapshotKind.
    kind: row.kind as SnapshotKind,
    createdAt: row.created_at,
    createdByPartyId: row.created_by_party_id,
  };
}
