import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseModelDraft } from '../model/caseModel.ts';
import { makeCaseDoc, replicaOf } from '../testing/docs.ts';
import { nestedFragment, nestedMap, setField } from './edit.ts';
import { addItem, getItem, itemIds, moveItemTo, removeItem } from './items.ts';
import { sectionMap } from './layout.ts';
import { writeShortText } from './shortText.ts';
import { toModel } from './toModel.ts';

/** One edit a person can make through the workspace. */
type Edit =
  | { kind: 'setFact'; key: 'title' | 'horizonYears' | 'discountRate'; value: string | number }
  | { kind: 'addOutcome'; id: string }
  | { kind: 'removeOutcome'; pick: number }
  | { kind: 'moveOutcome'; pick: number; to: number }
  | { kind: 'setOutcome'; pick: number; key: 'name' | 'expectedRate' | 'baselineRate'; value: string | number }
  | { kind: 'setValue'; pick: number; department: string; value: number }
  | { kind: 'typeProblem'; at: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('setFact' as const),
    key: fc.constantFrom('title' as const, 'horizonYears' as const, 'discountRate' as const),
    value: fc.oneof(fc.string({ maxLength: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
  }),
  fc.record({ kind: fc.constant('addOutcome' as const), id: fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5') }),
  fc.record({ kind: fc.constant('removeOutcome' as const), pick: fc.nat(9) }),
  fc.record({ kind: fc.constant('moveOutcome' as const), pick: fc.nat(9), to: fc.nat(6) }),
  fc.record({
    kind: fc.constant('setOutcome' as const),
    pick: fc.nat(9),
    key: fc.constantFrom('name' as const, 'expectedRate' as const, 'baselineRate' as const),
    value: fc.oneof(fc.string({ maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true })),
  }),
  fc.record({
    kind: fc.constant('setValue' as const),
    pick: fc.nat(9),
    department: fc.constantFrom('d1', 'd2'),
    value: fc.nat(1_000_000),
  }),
  fc.record({ kind: fc.constant('typeProblem' as const), at: fc.nat(20), text: fc.string({ maxLength: 6 }) }),
);

function apply(doc: Y.Doc, e: Edit): void {
  const outcomes = itemIds(doc, 'outcome');
  const picked = outcomes.length ? outcomes[('pick' in e ? e.pick : 0) % outcomes.length] : undefined;
  switch (e.kind) {
    case 'setFact':
      // A short text is edited in its Y.Text (layout 2), as the form does.
      if (e.key === 'title') writeShortText(sectionMap(doc, 'facts')!, e.key, String(e.value));
      else setField(sectionMap(doc, 'facts')!, e.key, e.value);
      return;
    case 'addOutcome':
      if (!getItem(doc, 'outcome', e.id)) addItem(doc, 'outcome', e.id, { name: e.id });
      return;
    case 'removeOutcome':
      if (picked) removeItem(doc, 'outcome', picked);
      return;
    case 'moveOutcome':
      if (picked) moveItemTo(doc, 'outcome', picked, e.to);
      return;
    case 'setOutcome':
      if (picked && e.key === 'name') writeShortText(getItem(doc, 'outcome', picked)!, e.key, String(e.value));
      else if (picked) setField(getItem(doc, 'outcome', picked)!, e.key, e.value);
      return;
    case 'setValue':
      if (picked) nestedMap(getItem(doc, 'outcome', picked), 'valuePerDepartment')!.set(e.department, e.value);
      return;
    case 'typeProblem': {
      const fragment = nestedFragment(sectionMap(doc, 'problem'), 'text')!;
      doc.transact(() => {
        let paragraph = fragment.get(0);
        if (!(paragraph instanceof Y.XmlElement)) {
          paragraph = new Y.XmlElement('paragraph');
          fragment.insert(0, [paragraph]);
          (paragraph as Y.XmlElement).insert(0, [new Y.XmlText()]);
        }
        const text = (paragraph as Y.XmlElement).get(0);
        if (text instanceof Y.XmlText) text.insert(Math.min(e.at, text.length), e.text);
      });
      return;
    }
  }
}

describe('convergence (property)', () => {
  it('random edits on two replicas, exchanged in any order, converge and always parse', () => {
    fc.assert(
      fc.property(
        fc.array(edit, { maxLength: 25 }),
        fc.array(edit, { maxLength: 25 }),
        fc.boolean(),
        (editsA, editsB, aFirst) => {
          const a = makeCaseDoc();
          const b = replicaOf(a);
          const base = Y.encodeStateAsUpdate(a);
          const updatesA: Uint8Array[] = [];
          const updatesB: Uint8Array[] = [];
          a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && updatesA.push(u));
          b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && updatesB.push(u));
          for (const e of editsA) apply(a, e);
          for (const e of editsB) apply(b, e);
          expect(CaseModelDraft.safeParse(toModel(a)).success).toBe(true);

          // A third replica receives all updates in one order, the others in the reverse.
          const c = new Y.Doc();
          Y.applyUpdate(c, base);
          const order = aFirst ? [...updatesA, ...updatesB] : [...updatesB, ...updatesA.reverse()];
          for (const u of order) Y.applyUpdate(c, u, 'remote');
          for (const u of updatesB) Y.applyUpdate(a, u, 'remote');
          for (const u of [...updatesA].reverse()) Y.applyUpdate(b, u, 'remote');

          const model = toModel(a);
          expect(CaseModelDraft.safeParse(model).success).toBe(true);
          expect(toModel(b)).toEqual(model);
          expect(toModel(c)).toEqual(model);
        },
      ),
      { numRuns: 150, seed: 20261128 },
    );
  }, 30_000); // 150 runs: about 3 s alone, more on a loaded machine
});
