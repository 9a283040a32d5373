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
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signoffSnapshotId } from '../history/SnapshotService.ts';
import { silentLog } from '../log.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import { MemoryDocumentStore } from '../storage/MemoryDocumentStore.ts';
import { makeNewCase } from '../storage/storageContractSuite.ts';
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
function storeSignedLayout1Case(store: DocumentStore): string {
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
  store.createCase(makeNewCase({ initialState: Y.encodeStateAsUpdate(doc) }));
  for (const party of ['authority', 'investor']) {
    store.addSnapshot({
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

function load(store: DocumentStore, migrations?: readonly DocumentMigration[]): CaseDocument {
  return CaseDocument.load('case-1', {
    store,
    log: silentLog,
    now: () => 42,
    compactEvery: 1_000,
    storageRetryMs: 10,
    summaryIntervalMs: 1_000,
    onIdle: () => {},
    onActive: () => {},
    ...(migrations ? { migrations } : {}),
  }) as CaseDocument;
}

function agreed(doc: Y.Doc): boolean {
  const workshop = readWorkshop(doc);
  const signoffs = Object.entries(workshop.signoffs).map(([partyId, s]) => ({ partyId, hash: s.hash, at: s.at }));
  return isAgreed(workshop.requiredSigners, signoffs, contentHash(toModel(doc)));
}

describe('migrateOnLoad', () => {
  it('migrates a layout-1 case once, as a stored server change', () => {
    const store = new MemoryDocumentStore();
    storeSignedLayout1Case(store);
    const first = load(store);
    expect(layoutVersion(first.doc)).toBe(LAYOUT_VERSION);
    expect(first.doc.getMap('facts').get('title')).toBeInstanceOf(Y.Text);
    first.destroy();
    const updates = store.updateCount('case-1');
    const second = load(store);
    expect(layoutVersion(second.doc)).toBe(LAYOUT_VERSION);
    expect(store.updateCount('case-1')).toBe(updates);
    second.destroy();
  });

  it('a migration that changes the hash keeps the case signed, and the sign-off snapshots with it', () => {
    const store = new MemoryDocumentStore();
    const signed = storeSignedLayout1Case(store);
    const document = load(store, [...DOCUMENT_MIGRATIONS, halvesReturnCap]);
    const now = contentHash(toModel(document.doc));
    expect(now).not.toBe(signed);
    expect(agreed(document.doc)).toBe(true);
    for (const party of ['authority', 'investor']) {
      const snapshot = store.getSnapshot('case-1', signoffSnapshotId(party, now));
      expect(snapshot?.kind).toBe('signoff');
      const replay = new Y.Doc();
      Y.applyUpdate(replay, snapshot?.state as Uint8Array);
      expect(contentHash(toModel(replay))).toBe(now);
      expect(agreed(replay)).toBe(true);
      expect(store.getSnapshot('case-1', signoffSnapshotId(party, signed))).toBeDefined();
    }
    document.destroy();
  });
});
