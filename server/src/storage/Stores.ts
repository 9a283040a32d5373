import type { Kysely } from 'kysely';
import { type AccessStore, SqlAccessStore } from './AccessStore.ts';
import { type ActivityStore, SqlActivityStore } from './ActivityStore.ts';
import { type BallotStore, SqlBallotStore } from './BallotStore.ts';
import { type CaseCatalogue, SqlCaseCatalogue } from './CaseCatalogue.ts';
import { type ClientIdStore, SqlClientIdStore } from './ClientIdStore.ts';
import { type OrganisationStore, SqlOrganisationStore } from './OrganisationStore.ts';
import { type OwnershipStore, SqlOwnershipStore } from './OwnershipStore.ts';
import { type SnapshotStore, SqlSnapshotStore } from './SnapshotStore.ts';
import { tablesContaining } from './sql/caseRows.ts';
import type { CaseroomTables, Engine } from './sql/tables.ts';
import { SqlUnitValueLibrary, type UnitValueLibrary } from './UnitValueLibrary.ts';
import { SqlUpdateLog, type UpdateLog } from './UpdateLog.ts';

/**
 * Everything Caseroom stores, one store per concern over one database (issue 14): SQLite by
 * default (`openSqliteStores`), PostgreSQL with DATABASE_URL (`openPostgresStores`). Every
 * method is asynchronous and throws when the write did not happen; each store passes its
 * contract suite (`contracts/`) on both engines.
 */
export interface Stores {
  readonly engine: Engine;
  /** Which cases exist, and what the start page shows of each. */
  readonly cases: CaseCatalogue;
  /** Each case's Yjs updates. */
  readonly updates: UpdateLog;
  /** Parties and the hashes of their link tokens. */
  readonly access: AccessStore;
  /** Dot-vote ballots (W7). */
  readonly ballots: BallotStore;
  /** Saved versions (W11). */
  readonly snapshots: SnapshotStore;
  /** Who changed what (W12). */
  readonly activity: ActivityStore;
  /** Which party each Yjs client id belongs to (issue 9). */
  readonly clientIds: ClientIdStore;
  /** Organisations and their key hashes (issue 10). */
  readonly organisations: OrganisationStore;
  /** Which process owns each case: leases on the database's clock (issue 14). */
  readonly owners: OwnershipStore;
  /**
   * Which tables of the database hold a row with this text in any column (issue 15: that a
   * deleted case left nothing behind). Reads every row: for tests and operators, not requests.
   */
  tablesContaining(text: string): Promise<string[]>;
  /** The organisations' unit-value libraries, every version kept (issue 15). */
  readonly library: UnitValueLibrary;
  /** Releases the database. Idempotent. */
  close(): Promise<void>;
}

/** The names of the stores in `Stores` (what a fault injector or a metric names). */
export const STORE_NAMES = [
  'cases',
  'updates',
  'access',
  'ballots',
  'snapshots',
  'activity',
  'clientIds',
  'organisations',
  'owners',
  'library',
] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** The stores over one Kysely database; `close` destroys it (once). */
export function sqlStores(db: Kysely<CaseroomTables>, engine: Engine, release: () => Promise<void>): Stores {
  let closed: Promise<void> | undefined;
  return {
    engine,
    cases: new SqlCaseCatalogue(db, engine),
    updates: new SqlUpdateLog(db, engine),
    access: new SqlAccessStore(db),
    ballots: new SqlBallotStore(db),
    snapshots: new SqlSnapshotStore(db),
    activity: new SqlActivityStore(db, engine),
    clientIds: new SqlClientIdStore(db),
    organisations: new SqlOrganisationStore(db),
    owners: new SqlOwnershipStore(db, engine),
    tablesContaining: (text) => tablesContaining(db, engine, text),
    library: new SqlUnitValueLibrary(db),
    close: () => {
      closed ??= release();
      return closed;
    },
  };
}
