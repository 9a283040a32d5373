import { initCaseDoc, sectionMap, setField, workshopChild } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { refuseUpdate } from './updateGuard.ts';

function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  return doc;
}

/** An update made by a replica of `doc` (what a client would send). */
function clientUpdate(doc: Y.Doc, change: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(replica);
  change(replica);
  return Y.encodeStateAsUpdate(replica, before);
}

describe('refuseUpdate (docs/workshop.md W2, W4)', () => {
  it('[W2] refuses anything touching workshop, from every role, including deletions', () => {
    const doc = serverDoc();
    const forged = clientUpdate(doc, (c) => c.getMap('workshop').set('phase', 3));
    const deleting = clientUpdate(doc, (c) => c.getMap('workshop').delete('phase'));
    const nested = clientUpdate(doc, (c) => workshopChild(c, 'signoffs')!.set('p', { hash: 'h' }));
    for (const update of [forged, deleting, nested]) {
      for (const role of ['editor', 'facilitator'] as const) {
        expect(refuseUpdate(doc, update, role)).toEqual({ reason: 'workshopIsServerOnly', sections: ['workshop'] });
      }
    }
  });

  it('[W9] refuses any client write to comments, from every role, naming the roots touched', () => {
    const doc = serverDoc();
    const comment = clientUpdate(doc, (c) => c.getMap('comments').set('c', { text: 'forged' }));
    const both = clientUpdate(doc, (c) => {
      c.getMap('comments').set('c', { text: 'forged' });
      c.getMap('workshop').set('phase', 3);
    });
    for (const role of ['editor', 'facilitator'] as const) {
      expect(refuseUpdate(doc, comment, role)).toEqual({ reason: 'workshopIsServerOnly', sections: ['comments'] });
      expect(refuseUpdate(doc, both, role)).toEqual({
        reason: 'workshopIsServerOnly',
        sections: ['workshop', 'comments'],
      });
    }
  });

  it('[W4] refuses an editor’s update to a locked section (naming it), not the facilitator’s nor other sections', () => {
    const doc = serverDoc();
    workshopChild(doc, 'locks')!.set('problem', { partyId: 'f', partyName: 'F', at: '2026-01-01T00:00:00Z' });
    const both = clientUpdate(doc, (c) => {
      setField(sectionMap(c, 'problem')!, 'x', 1);
      setField(sectionMap(c, 'facts')!, 'title', 'T');
    });
    const other = clientUpdate(doc, (c) => setField(sectionMap(c, 'facts')!, 'title', 'T'));
    expect(refuseUpdate(doc, both, 'editor')).toEqual({ reason: 'sectionLocked', sections: ['problem'] });
    expect(refuseUpdate(doc, both, 'facilitator')).toBeUndefined();
    expect(refuseUpdate(doc, other, 'editor')).toBeUndefined();
  });

  it('refuses an update whose parent the server does not have (it could land anywhere once that arrives)', () => {
    const doc = serverDoc();
    // A client that has an update the server lacks, then builds on it.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const nested = new Y.Map<unknown>();
    replica.transact(() => sectionMap(replica, 'facts')!.set('extra', nested));
    const before = Y.encodeStateVector(replica);
    replica.transact(() => nested.set('k', 'v'));
    const dependent = Y.encodeStateAsUpdate(replica, before);
    expect(refuseUpdate(doc, dependent, 'facilitator')).toMatchObject({ reason: 'inconsistent', sections: [] });
  });

  it('accepts a resync that carries deletions the server already has (workshop overwrites included)', () => {
    const doc = serverDoc();
    const replica = new Y.Doc();
    const sync = () => Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(replica)));
    sync();
    for (let i = 0; i < 3; i++) doc.getMap('workshop').set('timer', { status: 'idle', serverNow: i });
    setField(sectionMap(doc, 'facts')!, 'title', 'A');
    setField(sectionMap(doc, 'facts')!, 'title', 'B');
    sync();
    replica.transact(() => setField(sectionMap(replica, 'targetGroup')!, 'name', 'Offline'));
    const step2 = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc));
    expect(refuseUpdate(doc, step2, 'editor')).toBeUndefined();
  });
});
