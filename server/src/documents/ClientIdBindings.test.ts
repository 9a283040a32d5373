import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLog } from '../log.ts';
import { SERVER_PARTY_ID } from '../storage/ClientIdStore.ts';
import { makeNewCase } from '../storage/contracts/contractFixtures.ts';
import type { Stores } from '../storage/Stores.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import { ClientIdBindings } from './ClientIdBindings.ts';
import { MAX_UNWRITTEN_CLIENT_IDS, UNUSED_CLIENT_ID_DAYS } from './unusedClientIds.ts';

const DAY = 24 * 60 * 60 * 1000;
const opened: Stores[] = [];
afterEach(async () => {
  for (const stores of opened.splice(0)) await stores.close();
});

async function caseStores(): Promise<Stores> {
  const stores = await openSqliteStores(':memory:');
  opened.push(stores);
  await stores.cases.create(makeNewCase());
  return stores;
}

/** A document in which `clientId` wrote one entry. */
function writtenBy(doc: Y.Doc, clientId: number): void {
  const writer = new Y.Doc();
  writer.clientID = clientId;
  writer.getMap('facts').set(`by-${clientId}`, 1);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer));
}

describe('ClientIdBindings (issue 9: bounded)', () => {
  it('[9.2] at load, ids that never wrote and are idle past the limit are left out and deleted from the store; written and server ids stay', async () => {
    const stores = await caseStores();
    const now = Date.parse('2026-06-01T00:00:00Z');
    const long = now - (UNUSED_CLIENT_ID_DAYS + 1) * DAY;
    await stores.clientIds.bind(
      'case-1',
      [
        { clientId: 1, partyId: 'p-a' },
        { clientId: 2, partyId: 'p-a' },
        { clientId: 3, partyId: SERVER_PARTY_ID },
      ],
      long,
    );
    await stores.clientIds.bind('case-1', [{ clientId: 4, partyId: 'p-b' }], now - DAY);
    const doc = new Y.Doc();
    writtenBy(doc, 2);
    const bindings = new ClientIdBindings('case-1', doc, await stores.clientIds.list('case-1'), {
      stores,
      log: silentLog,
      now: () => now,
      isPresent: () => false,
    });
    expect([1, 2, 3, 4].map((id) => bindings.owner(id))).toEqual([undefined, 'p-a', SERVER_PARTY_ID, 'p-b']);
    await bindings.forgetUnused();
    expect((await stores.clientIds.list('case-1')).map((b) => b.clientId).sort()).toEqual([2, 3, 4]);
  });

  it('[9.2] while loaded, ids that never wrote are kept to the bound: the oldest bound go first, not one still present nor one that wrote', async () => {
    const stores = await caseStores();
    let now = 1_000_000;
    const doc = new Y.Doc();
    const present = new Set([11]);
    const bindings = new ClientIdBindings('case-1', doc, [], {
      stores,
      log: silentLog,
      now: () => now,
      isPresent: (clientId) => present.has(clientId),
    });
    bindings.bind([10, 11, 12, 13], 'p-a');
    writtenBy(doc, 12);
    for (let start = 100; start < 100 + MAX_UNWRITTEN_CLIENT_IDS; start += 500) {
      now += 1_000;
      bindings.bind(
        Array.from({ length: 500 }, (_, i) => start + i),
        'p-b',
      );
    }
    // Four too many: 10 and 13 go; 11 is present; 12 wrote (kept, no longer counted); then the next oldest, 100.
    expect([10, 11, 12, 13, 100, 101].map((id) => bindings.owner(id))).toEqual([
      undefined,
      'p-a',
      'p-a',
      undefined,
      undefined,
      'p-b',
    ]);
    await bindings.written();
    const stored = new Set((await stores.clientIds.list('case-1')).map((b) => b.clientId));
    expect(stored.size).toBe(4 + MAX_UNWRITTEN_CLIENT_IDS - 3);
    expect([10, 11, 12, 13, 100, 101].map((id) => stored.has(id))).toEqual([false, true, true, false, false, true]);
  });
});
