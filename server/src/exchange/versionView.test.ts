import { contentHash, exampleCase, initCaseDoc, toModel, workshopChild, writeModel } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeNewCase } from '../storage/contracts/contractFixtures.ts';
import type { Stores } from '../storage/Stores.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import { agreedOrCurrent, docView } from './versionView.ts';

/** The example case with two required signatories; `signers` of them have signed its current content. */
function signedDoc(signers: readonly string[]): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  writeModel(doc, exampleCase());
  const hash = contentHash(toModel(doc));
  doc.transact(() => {
    for (const party of ['authority', 'investor']) workshopChild(doc, 'requiredSigners')?.set(party, true);
    for (const party of signers) {
      workshopChild(doc, 'signoffs')?.set(party, { hash, partyName: party, at: '2026-01-01T00:00:00.000Z' });
    }
  });
  return doc;
}

async function addSignoffSnapshot(stores: Stores, caseId: string, id: string, createdAt: number, doc: Y.Doc) {
  await stores.snapshots.add({
    id,
    caseId,
    name: `Sign-off ${id}`,
    kind: 'signoff',
    createdAt,
    createdByPartyId: 'authority',
    state: Y.encodeStateAsUpdate(doc),
  });
}

/** The stores, counting which snapshots are read with their state. */
function countingReads(stores: Stores): { stores: Stores; reads: string[] } {
  const reads: string[] = [];
  const snapshots = stores.snapshots;
  return {
    reads,
    stores: {
      ...stores,
      snapshots: {
        add: (snapshot) => snapshots.add(snapshot),
        list: (caseId) => snapshots.list(caseId),
        get: (caseId, id) => {
          reads.push(id);
          return snapshots.get(caseId, id);
        },
      },
    },
  };
}

describe('agreedOrCurrent', () => {
  it('decodes a sign-off snapshot that is not agreed once, and still finds an agreed one added later', async () => {
    const base = await openSqliteStores(':memory:');
    const caseId = `case-${crypto.randomUUID()}`;
    const partly = signedDoc(['authority']);
    await base.cases.create(makeNewCase({ id: caseId, initialState: Y.encodeStateAsUpdate(partly) }));
    await addSignoffSnapshot(base, caseId, 'first', 10, partly);
    const { stores, reads } = countingReads(base);
    const current = docView(partly);
    expect(current.agreed).toBe(false);

    expect((await agreedOrCurrent(stores, caseId, current)).source).toBe('current');
    expect(reads).toEqual(['first']);
    expect((await agreedOrCurrent(stores, caseId, current)).source).toBe('current');
    expect(reads).toEqual(['first']);

    await addSignoffSnapshot(base, caseId, 'second', 20, signedDoc(['authority', 'investor']));
    const shown = await agreedOrCurrent(stores, caseId, current);
    expect(shown.source).toBe('second');
    expect(shown.view.agreed).toBe(true);
    expect(reads).toEqual(['first', 'second']);
  });
});
