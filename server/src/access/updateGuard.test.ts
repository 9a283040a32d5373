import {
  addItem,
  addMeasurementPoint,
  asLayout1,
  getItem,
  initCaseDoc,
  removeItem,
  sectionMap,
  setField,
  workshopChild,
  writeShortText,
} from '@caseroom/shared';
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
      writeShortText(sectionMap(c, 'facts')!, 'title', 'T');
    });
    const other = clientUpdate(doc, (c) => writeShortText(sectionMap(c, 'facts')!, 'title', 'T'));
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
    writeShortText(sectionMap(doc, 'facts')!, 'title', 'A');
    writeShortText(sectionMap(doc, 'facts')!, 'title', 'B');
    sync();
    replica.transact(() => writeShortText(sectionMap(replica, 'targetGroup')!, 'name', 'Offline'));
    const step2 = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc));
    expect(refuseUpdate(doc, step2, 'editor')).toBeUndefined();
  });
});

describe('refuseUpdate: short texts of layout 2 (issue 11)', () => {
  function withOutcome(): Y.Doc {
    const doc = serverDoc();
    addItem(doc, 'outcome', 'o1', { name: 'Job', definition: 'I job efter et år' });
    return doc;
  }
  const outcome = (doc: Y.Doc) => getItem(doc, 'outcome', 'o1') as Y.Map<unknown>;
  const schemaOutdated = (path: string) => ({ reason: 'schemaOutdated', sections: [path.split('/')[0]], path });

  it('refuses a plain string written where the case keeps a Y.Text (an old client), in a section and in an item', () => {
    const doc = withOutcome();
    const title = clientUpdate(doc, (c) => sectionMap(c, 'facts')!.set('title', 'Gammel klient'));
    const partner = clientUpdate(doc, (c) =>
      (sectionMap(c, 'facts')!.get('partners') as Y.Map<unknown>).set('investor', 'X'),
    );
    const definition = clientUpdate(doc, (c) => outcome(c).set('definition', 'Offline tekst'));
    expect(refuseUpdate(doc, title, 'facilitator')).toEqual(schemaOutdated('facts/title'));
    expect(refuseUpdate(doc, partner, 'editor')).toEqual(schemaOutdated('facts/partners/investor'));
    expect(refuseUpdate(doc, definition, 'editor')).toEqual(schemaOutdated('outcomes/items/o1/definition'));
  });

  it('refuses deleting or replacing a short text’s Y.Text, and an item created the layout-1 way', () => {
    const doc = withOutcome();
    const deleted = clientUpdate(doc, (c) => outcome(c).delete('definition'));
    const replaced = clientUpdate(doc, (c) => outcome(c).set('definition', new Y.Text('ny')));
    const oldItem = clientUpdate(doc, (c) => {
      const item = new Y.Map<unknown>();
      item.set('order', 'b');
      item.set('name', 'Gammel');
      (sectionMap(c, 'outcomes')!.get('items') as Y.Map<unknown>).set('o2', item);
    });
    expect(refuseUpdate(doc, deleted, 'editor')).toEqual(schemaOutdated('outcomes/items/o1/definition'));
    expect(refuseUpdate(doc, replaced, 'editor')).toEqual(schemaOutdated('outcomes/items/o1/definition'));
    expect(refuseUpdate(doc, oldItem, 'editor')).toEqual(schemaOutdated('outcomes/items/o2/name'));
  });

  it('[P19] refuses an expected rate written on an outcome (a client from before layout 3); accepts it on a candidate', () => {
    const doc = withOutcome();
    addItem(doc, 'intervention', 'i1', { name: 'IPS' });
    const onOutcome = clientUpdate(doc, (c) => outcome(c).set('expectedRate', 0.4));
    expect(refuseUpdate(doc, onOutcome, 'editor')).toEqual(schemaOutdated('outcomes/items/o1/expectedRate'));
    const onCandidate = clientUpdate(doc, (c) =>
      ((getItem(c, 'intervention', 'i1') as Y.Map<unknown>).get('expectedRates') as Y.Map<unknown>).set('o1', 0.4),
    );
    expect(refuseUpdate(doc, onCandidate, 'editor')).toBeUndefined();
  });

  it('[P7] refuses a single price or basis written on an outcome (a client from before rate cards); accepts a point', () => {
    const doc = withOutcome();
    const price = clientUpdate(doc, (c) => outcome(c).set('pricePerOutcome', 1000));
    const basis = clientUpdate(doc, (c) => outcome(c).set('paymentBasis', 'all'));
    expect(refuseUpdate(doc, price, 'editor')).toEqual(schemaOutdated('outcomes/items/o1/pricePerOutcome'));
    expect(refuseUpdate(doc, basis, 'editor')).toEqual(schemaOutdated('outcomes/items/o1/paymentBasis'));
    const point = clientUpdate(doc, (c) =>
      addMeasurementPoint(outcome(c).get('points') as Y.Map<unknown>, 'p1', { months: 12, price: 1000, basis: 'all' }),
    );
    expect(refuseUpdate(doc, point, 'editor')).toBeUndefined();
  });

  it('[P7 P20] refuses a thirteenth measurement point', () => {
    const doc = withOutcome();
    doc.transact(() => {
      const points = outcome(doc).get('points') as Y.Map<unknown>;
      for (let i = 0; i < 12; i++) addMeasurementPoint(points, `p${i}`, { months: i * 12 });
    });
    const thirteenth = clientUpdate(doc, (c) =>
      addMeasurementPoint(outcome(c).get('points') as Y.Map<unknown>, 'p12', { months: 144 }),
    );
    expect(refuseUpdate(doc, thirteenth, 'editor')).toMatchObject({ reason: 'listTooLong', limit: 12 });
  });

  it('[P19] a candidate’s expected rates and their notes follow the outcomes section’s lock, not the interventions’', () => {
    const doc = withOutcome();
    addItem(doc, 'intervention', 'i1', { name: 'IPS' });
    const candidate = (c: Y.Doc) => getItem(c, 'intervention', 'i1') as Y.Map<unknown>;
    const rate = clientUpdate(doc, (c) => (candidate(c).get('expectedRates') as Y.Map<unknown>).set('o1', 0.4));
    const note = clientUpdate(doc, (c) =>
      (candidate(c).get('sources') as Y.Map<unknown>).set('expectedRates.o1', 'DREAM'),
    );
    const cost = clientUpdate(doc, (c) => candidate(c).set('costPerParticipant', 1));
    const otherNote = clientUpdate(doc, (c) =>
      (candidate(c).get('sources') as Y.Map<unknown>).set('costPerParticipant', 'x'),
    );
    doc.transact(() => workshopChild(doc, 'locks')?.set('interventions', true));
    expect(refuseUpdate(doc, rate, 'editor')).toBeUndefined();
    expect(refuseUpdate(doc, note, 'editor')).toBeUndefined();
    expect(refuseUpdate(doc, cost, 'editor')).toMatchObject({ reason: 'sectionLocked', sections: ['interventions'] });
    expect(refuseUpdate(doc, otherNote, 'editor')).toMatchObject({ reason: 'sectionLocked' });
    doc.transact(() => {
      workshopChild(doc, 'locks')?.delete('interventions');
      workshopChild(doc, 'locks')?.set('outcomes', true);
    });
    expect(refuseUpdate(doc, rate, 'editor')).toMatchObject({ reason: 'sectionLocked', sections: ['outcomes'] });
    expect(refuseUpdate(doc, note, 'editor')).toMatchObject({ reason: 'sectionLocked', sections: ['outcomes'] });
    expect(refuseUpdate(doc, cost, 'editor')).toBeUndefined();
  });

  it('accepts honest edits: typing in the Y.Text, a new item with its Y.Texts, removing an item', () => {
    const doc = withOutcome();
    const typed = clientUpdate(doc, (c) => writeShortText(outcome(c), 'definition', 'I job efter to år'));
    const added = clientUpdate(doc, (c) => addItem(c, 'outcome', 'o2', { name: 'Bolig' }));
    const removed = clientUpdate(doc, (c) => removeItem(c, 'outcome', 'o1'));
    for (const update of [typed, added, removed]) expect(refuseUpdate(doc, update, 'editor')).toBeUndefined();
  });

  it('takes the short-text bound on the Y.Text’s content, and a replacement of the whole text is not an addition', () => {
    const doc = withOutcome();
    const long = clientUpdate(doc, (c) => writeShortText(outcome(c), 'name', 'x'.repeat(201)));
    expect(refuseUpdate(doc, long, 'editor')).toMatchObject({
      reason: 'textTooLong',
      path: 'outcomes/items/o1/name',
      limit: 200,
    });
    writeShortText(outcome(doc), 'name', 'a'.repeat(190));
    const replaced = clientUpdate(doc, (c) => writeShortText(outcome(c), 'name', 'b'.repeat(190)));
    expect(refuseUpdate(doc, replaced, 'editor')).toBeUndefined();
  });

  it('lets a layout-1 document (not yet migrated) take plain strings', () => {
    const doc = withOutcome();
    asLayout1(doc);
    const title = clientUpdate(doc, (c) => sectionMap(c, 'facts')!.set('title', 'Gammel klient'));
    expect(refuseUpdate(doc, title, 'editor')).toBeUndefined();
  });
});
