import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RICH_TEXT_BOUND } from '../bounds/bounds.ts';
import { exampleCase } from '../example/exampleCase.ts';
import { makeCaseDoc, replicaOf } from '../testing/docs.ts';
import { nestedFragment, nestedMap } from './edit.ts';
import { inspectUpdate } from './inspectUpdate.ts';
import { addItem, getItem, removeItem } from './items.ts';
import { sectionMap } from './layout.ts';
import { writeShortText } from './shortText.ts';
import { checkUpdateBounds } from './updateBounds.ts';
import { writeModel } from './writeModel.ts';

function serverDoc(): Y.Doc {
  const doc = makeCaseDoc();
  writeModel(doc, exampleCase());
  return doc;
}

/** What a replica sends the server in its sync step 2: everything the server lacks. */
function step2(replica: Y.Doc, server: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server));
}

function inspect(server: Y.Doc, update: Uint8Array) {
  const inspection = inspectUpdate(server, Y.decodeUpdate(update));
  return { inspection, bound: checkUpdateBounds(server, inspection) };
}

type Edit = { kind: number; n: number };

/** An honest local edit: fields, items added and removed, text typed and deleted. */
function applyEdit(doc: Y.Doc, { kind, n }: Edit): void {
  const problem = nestedFragment(sectionMap(doc, 'problem'), 'text');
  switch (kind % 7) {
    case 0:
      writeShortText(sectionMap(doc, 'facts')!, 'title', `Titel ${n}`);
      return;
    case 1:
      addItem(doc, 'outcome', `o-${n}`, { name: `Mål ${n}` });
      return;
    case 2:
      removeItem(doc, 'outcome', `o-${n % 5}`);
      return;
    case 3: {
      const paragraph = problem?.get(0);
      if (paragraph instanceof Y.XmlElement && paragraph.get(0) instanceof Y.XmlText) {
        (paragraph.get(0) as Y.XmlText).insert(0, `skrevet ${n} `);
      }
      return;
    }
    case 4: {
      const paragraph = problem?.get(0);
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
      if (text instanceof Y.XmlText && text.length > 3) text.delete(n % (text.length - 2), 2);
      return;
    }
    case 5: {
      const item = getItem(doc, 'outcome', `o-${n % 5}`);
      if (item) writeShortText(item, 'definition', `Definition ${n}`);
      return;
    }
    default:
      nestedMap(sectionMap(doc, 'paymentModel'), 'payerShares')?.set('dep-health', (n % 100) / 100);
  }
}

describe('inspectUpdate (issue 9)', () => {
  it('(property) honest offline work on two replicas, sent in either order, fits and stays within bounds', () => {
    const editArb = fc.record({ kind: fc.nat(6), n: fc.nat(1000) });
    fc.assert(
      fc.property(
        fc.array(editArb, { maxLength: 12 }),
        fc.array(editArb, { maxLength: 12 }),
        fc.boolean(),
        (editsA, editsB, aFirst) => {
          const server = serverDoc();
          const a = replicaOf(server);
          const b = replicaOf(server);
          for (const edit of editsA) a.transact(() => applyEdit(a, edit));
          for (const edit of editsB) b.transact(() => applyEdit(b, edit));
          for (const replica of aFirst ? [a, b] : [b, a]) {
            const update = step2(replica, server);
            const { inspection, bound } = inspect(server, update);
            expect(inspection.inconsistency).toBeUndefined();
            expect(bound).toBeUndefined();
            expect(inspection.roots.has('workshop')).toBe(false);
            Y.applyUpdate(server, update);
            expect(server.store.pendingStructs).toBeNull();
            expect(server.store.pendingDs).toBeNull();
          }
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  }, 30_000); // 60 runs: a few seconds alone, more on a loaded machine

  it('a delete range past what exists would stay pending: inconsistent', () => {
    const server = serverDoc();
    const update = Y.encodeStateAsUpdate(server);
    const decoded = Y.decodeUpdate(update);
    const future = Y.getState(server.store, server.clientID);
    decoded.ds.clients.set(server.clientID, [{ clock: future, len: 5 } as never]);
    const inspection = inspectUpdate(server, { structs: [], ds: decoded.ds });
    expect(inspection.inconsistency).toMatch(/deletion/);
  });

  it('an edit inside an item someone else deleted touches nothing (Yjs collects it), and is not refused', () => {
    const server = serverDoc();
    const a = replicaOf(server);
    const b = replicaOf(server);
    removeItem(b, 'outcome', 'out-employment');
    Y.applyUpdate(server, step2(b, server));
    writeShortText(getItem(a, 'outcome', 'out-employment')!, 'name', 'late edit');
    const { inspection, bound } = inspect(server, step2(a, server));
    expect(inspection.inconsistency).toBeUndefined();
    expect(bound).toBeUndefined();
  });

  it('a struct in a root the case does not have is inconsistent when the roots are given', () => {
    const server = serverDoc();
    const a = replicaOf(server);
    a.getMap('elsewhere').set('x', 1);
    const inspection = inspectUpdate(server, Y.decodeUpdate(step2(a, server)), new Set(['facts']));
    expect(inspection.inconsistency).toMatch(/not part of a case/);
  });

  it('bounds count what the document holds plus what the update adds (no passing a bound in small steps)', () => {
    const server = serverDoc();
    const a = replicaOf(server);
    const fragment = nestedFragment(sectionMap(a, 'problem'), 'text')!;
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    fragment.insert(0, [paragraph]);
    paragraph.insert(0, [text]);
    text.insert(0, 'x'.repeat(RICH_TEXT_BOUND.maxChars - 1_000));
    expect(inspect(server, step2(a, server)).bound).toBeUndefined();
    Y.applyUpdate(server, step2(a, server));
    const before = Y.encodeStateVector(a);
    text.insert(0, 'y'.repeat(5_000));
    const { bound } = inspect(server, Y.encodeStateAsUpdate(a, before));
    expect(bound).toMatchObject({ reason: 'richTextTooLarge', path: 'problem/text', limit: RICH_TEXT_BOUND.maxChars });
  });

  it('a deep chain of items placed next to each other is resolved without recursion', () => {
    const server = serverDoc();
    const a = replicaOf(server);
    const fragment = nestedFragment(sectionMap(a, 'problem'), 'text')!;
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    fragment.insert(0, [paragraph]);
    paragraph.insert(0, [text]);
    // 20,000 separate one-character items, each placed left of the previous one (its right origin).
    for (let i = 0; i < 20_000; i++) a.transact(() => text.insert(0, 'a'));
    const { inspection, bound } = inspect(server, step2(a, server));
    expect(inspection.inconsistency).toBeUndefined();
    expect(bound).toBeUndefined();
    expect(inspection.roots).toEqual(new Set(['problem']));
  });
});
