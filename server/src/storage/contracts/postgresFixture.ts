import pg from 'pg';
import { openPostgresStores } from '../postgresStores.ts';
import type { StoresFixture } from './contractFixtures.ts';

/**
 * Stores on the PostgreSQL database at `url`, emptied first (every table of the public schema,
 * identities restarted), so that each test starts from an empty database as the contracts
 * expect, while one database serves the whole run. The sibling is a second pool on the same
 * database: another server process (S18).
 */
export async function openPostgresFixture(url: string): Promise<StoresFixture> {
  await emptyDatabase(url);
  return { stores: await openPostgresStores(url), sibling: () => openPostgresStores(url) };
}

async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
    );
    if (rows.length > 0) {
      await client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY CASCADE`);
    }
  } finally {
    await client.end();
  }
}
