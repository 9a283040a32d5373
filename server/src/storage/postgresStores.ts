import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { claimUnowned, firstOrganisationId } from './OrganisationStore.ts';
import { createPostgresSchema } from './postgresSchema.ts';
import { type Stores, sqlStores } from './Stores.ts';
import type { CaseroomTables } from './sql/tables.ts';

/** PostgreSQL's type ids that node-postgres would otherwise hand over as strings. */
const INT8_OID = 20;

/** Options of the PostgreSQL stores. */
export type PostgresOptions = {
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** How long a query may wait for a connection before it fails (default 5 s). */
  connectionTimeoutMs?: number;
};

/**
 * The stores in PostgreSQL (issue 14: `DATABASE_URL`). BIGINT columns (times in ms, `seq`) come
 * back as numbers — every value Caseroom stores is below 2^53. The schema is created if missing.
 */
export async function openPostgresStores(url: string, options: PostgresOptions = {}): Promise<Stores> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (the server restarted) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<CaseroomTables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await createPostgresSchema(db);
    const first = await firstOrganisationId(db);
    if (first !== undefined) await claimUnowned(db, first);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return sqlStores(db, 'postgres', () => db.destroy());
}
