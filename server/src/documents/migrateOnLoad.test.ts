import {
  asLayout1,
  contentHash,
  DOCUMENT_MIGRATIONS,
  type DocumentMigration,
  exampleCase,
  initCaseDoc,
  isAgreed,
  LAYOUT_VERSION,
  layoutVersion,
  readWorkshop,
  toModel,
  workshopChild,
  writeModel,
} from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signoffSnapshotId } from '../history/SnapshotService.ts';
import { silentLog } from '../log.ts';
import { makeNewCase } from '../storage/contracts/contractFixtures.ts';
import type { Stores } from '../storage/Stores.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import { CaseDocument } from './CaseDocument.ts';

/** A test migration that changes the content hash (the return cap halved), after layout 2. */
const halvesReturnCap: DocumentMigration = {
  from: LAYOUT_VERSION,
  to: LAYOUT_VERSION + 1,
  name: 'test: return cap halved',
  migrate(doc) {
    const payment = doc.getMap('paymentModel');
    payment.set('returnCap', ((payment.get('returnCap') as number) ?? 0) / 2);
  },
};

/** The example case stored as layout 1, signed by two required parties, each with a sign-off snapshot. */
async function storeSignedLayout1Case(stores: Stores): Promise<string> {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  writeModel(doc, exampleCase());
  asLayout1(doc);
  const hash = contentHash(toModel(doc));
  doc.transact(() => {
    for (const party of ['authority', 'investor']) {
      workshopChild(doc, 'signoffs')?.set(party, { hash, partyName: party, at: '2026-01-01T00:00:00.000Z' });
      workshopChild(doc, 'requiredSigners')?.set(party, true);
    }
  });
  await stores.cases.create(makeNewCase({ initialState: Y.encodeStateAsUpdate(doc) }));
  for (const party of ['authority', 'investor']) {
    await stores.snapshots.add({
      id: signoffSnapshotId(party, hash),
      caseId: 'case-1',
      name: `Sign-off: ${party}`,
      kind: 'signoff',
      createdAt: 1,
      createdByPartyId: party,
      state: Y.encodeStateAsUpdate(doc),
    });
  }
  return hash;
}

const opened: Stores[] = [];
afterEach(async () => {
  for (const stores of opened.splice(0)) await stores.close();
});

async function openStores(): Promise<Stores> {
  const stores = await openSqliteStores(':memory:');
  opened.push(stores);
  return stores;
}

/** Loads case-1 (migrating it) and waits until every server change of the load is stored. */
async function load(stores: Stores, migrations?: readonly DocumentMigration[]): Promise<CaseDocument> {
  const document = await CaseDocument.load('case-1', {
    stores,
    log: silentLog,
    now: () => 42,
    compactEvery: 1_000,
    storageRetryMs: 10,
    summaryIntervalMs: 1_000,
    onIdle: () => {},
    onActive: () => {},
    ...(migrations ? { migrations } : {}),
  });
  if (!document) throw new Error('case-1 was not found');
  await document.settled();
  return document;
}

function agreed(doc: Y.Doc): boolean {
  const workshop = readWorkshop(doc);
  const signoffs = Object.entries(workshop.signoffs).map(([partyId, s]) => ({ partyId, hash: s.hash, at: s.at }));
  return isAgreed(workshop.requiredSigners, signoffs, contentHash(toModel(doc)));
}

describe('migrateOnLoad', () => {
  it('migrates a layout-1 case once, as a stored server change', async () => {
    const stores = await openStores();
    await storeSignedLayout1Case(stores);
    const first = await load(stores);
    expect(layoutVersion(first.doc)).toBe(LAYOUT_VERSION);
    expect(first.doc.getMap('facts').get('title')).toBeInstanceOf(Y.Text);
    first.destroy();
    const updates = await stores.updates.count('case-1');
    const second = await load(stores);
    expect(layoutVersion(second.doc)).toBe(LAYOUT_VERSION);
    expect(await stores.updates.count('case-1')).toBe(updates);
    second.destroy();
  });

  it('a migration that changes the hash keeps the case signed, and the sign-off snapshots with it', async () => {
    const stores = await openStores();
    const signed = await storeSignedLayout1Case(stores);
    const document = await load(stores, [...DOCUMENT_MIGRATIONS, halvesReturnCap]);
    const now = contentHash(toModel(document.doc));
    expect(now).not.toBe(signed);
    expect(agreed(document.doc)).toBe(true);
    for (const party of ['authority', 'investor']) {
      const snapshot = await stores.snapshots.get('case-1', signoffSnapshotId(party, now));
      expect(snapshot?.kind).toBe('signoff');
      const replay = new Y.Doc();
      Y.applyUpdate(replay, snapshot?.state as Uint8Array);
      expect(contentHash(toModel(replay))).toBe(now);
      expect(agreed(replay)).toBe(true);
      expect(await stores.snapshots.get('case-1', signoffSnapshotId(party, signed))).toBeDefined();
    }
    document.destroy();
  });
});
