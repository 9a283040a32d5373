import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres } from '../../../../test/support/services.ts';
import { openPostgresStores } from '../postgresStores.ts';
import { storeContracts } from './allContracts.ts';
import { makeNewCase } from './contractFixtures.ts';
import { openPostgresFixture } from './postgresFixture.ts';

// A PostgreSQL server of this test file's own, with one fresh database for the run; each test
// empties it (postgresFixture.ts). Needs the server binaries (scripts/setup.sh --tests).
let server: Awaited<ReturnType<typeof startPostgres>> | undefined;
let url = '';

beforeAll(async () => {
  server = await startPostgres();
  url = await createDatabase(server.url, 'store_contracts');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

storeContracts('PostgreSQL', () => openPostgresFixture(url), { sibling: true });

describe('PostgreSQL schema migration', () => {
  it('[9.2] a client_ids table from before bound_at gains it at open: its rows get the time of the migration, no default stays', async () => {
    const migrationUrl = await createDatabase(server?.url ?? '', 'client_ids_migration');
    const first = await openPostgresStores(migrationUrl);
    await first.cases.create(makeNewCase());
    await first.close();
    const raw = new pg.Client({ connectionString: migrationUrl });
    await raw.connect();
    try {
      // The table as the version before bound_at made it.
      await raw.query(`ALTER TABLE client_ids DROP COLUMN bound_at`);
      await raw.query(`INSERT INTO client_ids (case_id, client_id, party_id) VALUES ('case-1', 7, 'p-a')`);
      const before = Date.now();
      const stores = await openPostgresStores(migrationUrl);
      try {
        const [migrated] = await stores.clientIds.list('case-1');
        expect(migrated).toMatchObject({ clientId: 7, partyId: 'p-a' });
        expect(migrated?.boundAt).toBeGreaterThanOrEqual(before);
        expect(migrated?.boundAt).toBeLessThanOrEqual(Date.now());
        await stores.clientIds.bind('case-1', [{ clientId: 8, partyId: 'p-b' }], 5);
        expect((await stores.clientIds.list('case-1')).find((b) => b.clientId === 8)?.boundAt).toBe(5);
      } finally {
        await stores.close();
      }
      const { rows } = await raw.query<{ column_default: string | null; is_nullable: string }>(
        `SELECT column_default, is_nullable FROM information_schema.columns
          WHERE table_name = 'client_ids' AND column_name = 'bound_at'`,
      );
      expect(rows).toEqual([{ column_default: null, is_nullable: 'NO' }]);
    } finally {
      await raw.end();
    }
  });

  it('a process opening an up-to-date database takes no table lock: it opens while another holds a write open on every table it could alter', async () => {
    const busyUrl = await createDatabase(server?.url ?? '', 'open_while_busy');
    const first = await openPostgresStores(busyUrl);
    await first.cases.create(makeNewCase());
    const writer = new pg.Client({ connectionString: busyUrl });
    await writer.connect();
    try {
      // Another process mid-transaction on the tables a column migration alters (and client_ids).
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO client_ids (case_id, client_id, party_id, bound_at) VALUES ('case-1', 9, 'p', 1)`,
      );
      await writer.query(`UPDATE cases SET title = 'busy' WHERE id = 'case-1'`);
      await writer.query(`UPDATE parties SET name = name`);
      await writer.query(`UPDATE organisations SET name = name`);
      const opening = openPostgresStores(busyUrl);
      const outcome = await Promise.race([
        opening.then(() => 'opened'),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 5_000)),
      ]);
      expect(outcome).toBe('opened');
      await (await opening).close();
    } finally {
      await writer.query('ROLLBACK');
      await writer.end();
      await first.close();
    }
  }, 30_000);
});
