import { afterAll, beforeAll } from 'vitest';
import { createDatabase, startPostgres } from '../../../../test/support/services.ts';
import { storeContracts } from './allContracts.ts';
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
