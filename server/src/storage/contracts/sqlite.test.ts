import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../sqliteStores.ts';
import { storeContracts } from './allContracts.ts';

// A database file in a temp dir, as in production; a second openSqliteStores on the same dir
// is another process on the same database (S18).
storeContracts(
  'SQLite file',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseroom-stores-'));
    return {
      stores: await openSqliteStores(dir),
      sibling: () => openSqliteStores(dir),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { sibling: true },
);

// An in-memory database (what unit tests of the server use): no second handle can reach it.
storeContracts('SQLite :memory:', async () => ({ stores: await openSqliteStores(':memory:') }), { sibling: false });
