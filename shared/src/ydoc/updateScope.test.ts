import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleCase } from '../example/exampleCase.ts';
import { makeCaseDoc, replicaOf } from '../testing/docs.ts';
import { nestedFragment, nestedMap, setField } from './edit.ts';
import { addItem, getItem, moveItemTo, removeItem } from './items.ts';
import { sectionMap } from './layout.ts';
import { rootsTouchedBy } from './updateScope.ts';
import { writeModel } from './writeModel.ts';

/** The server's copy, and an update a client makes on its replica. */
function updateFrom(server: Y.Doc, edit: (client: Y.Doc) => void): Uint8Array {
  const client = replicaOf(server);
  const before = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

function serverDoc(): Y.Doc {
  const doc = makeCaseDoc();
  writeModel(doc, exampleCase());
  doc.getMap('workshop').set('phase', 2);
  return doc;
}

describe('rootsTouchedBy', () => {
  it('names the section of a scalar edit, an item edit and a value-per-department edit', () => {
    const server = serverDoc();
    expect(
      rootsTouchedBy(
        server,
        updateFrom(server, (c) => setField(sectionMap(c, 'facts')!, 'title', 'x')),
      ),
    ).toEqual(new Set(['facts']));
    const nested = updateFrom(server, (c) =>
      nestedMap(getItem(c, 'outcome', 'out-employment'), 'valuePerDepartment')!.set('dep-health', 5),
    );
    expect(rootsTouchedBy(server, nested)).toEqual(new Set(['outcomes']));
  });

  it('traces typing inside rich text (items whose parent is only implied by their neighbours)', () => {
    const server = serverDoc();
    const typed = updateFrom(server, (c) => {
      const paragraph = nestedFragment(sectionMap(c, 'problem'), 'text')!.get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(5, 'mere ');
    });
    expect(rootsTouchedBy(server, typed)).toEqual(new Set(['problem']));
  });

  it('traces new items and their nested types created in the same update, and deletions', () => {
    const server = serverDoc();
    const added = updateFrom(server, (c) => {
      const item = addItem(c, 'outcome', 'o-new', { name: 'Ny' });
      nestedMap(item, 'valuePerDepartment')!.set('dep-jobcenter', 1);
    });
    expect(rootsTouchedBy(server, added)).toEqual(new Set(['outcomes']));
    const removed = updateFrom(server, (c) => removeItem(c, 'intervention', 'int-mentor'));
    expect(rootsTouchedBy(server, removed)).toEqual(new Set(['interventions']));
    const deletedText = updateFrom(server, (c) => {
      const fragment = nestedFragment(sectionMap(c, 'evaluation'), 'notes')!;
      fragment.delete(0, 1);
    });
    expect(rootsTouchedBy(server, deletedText)).toEqual(new Set(['evaluation']));
  });

  it('catches a forged write to the workshop record, alone or hidden among section edits', () => {
    const server = serverDoc();
    const forged = updateFrom(server, (c) => {
      setField(sectionMap(c, 'facts')!, 'title', 'innocent');
      c.getMap('workshop').set('phase', 3);
    });
    expect(rootsTouchedBy(server, forged)).toEqual(new Set(['facts', 'workshop']));
  });

  it('an empty update touches nothing', () => {
    const server = serverDoc();
    expect(
      rootsTouchedBy(
        server,
        updateFrom(server, () => {}),
      ),
    ).toEqual(new Set());
  });

  it('(property) the roots found are exactly the roots whose content the update changes', () => {
    const sections = ['facts', 'targetGroup', 'outcomes', 'interventions', 'paymentModel', 'problem'] as const;
    type Edit = { section: (typeof sections)[number]; n: number };
    const editArb: fc.Arbitrary<Edit> = fc.record({ section: fc.constantFrom(...sections), n: fc.nat(1000) });
    const apply = (c: Y.Doc, e: Edit) => {
      switch (e.section) {
        case 'facts':
          return setField(sectionMap(c, 'facts')!, 'horizonYears', 1000 + e.n); // never the current value
        case 'targetGroup':
          return nestedMap(sectionMap(c, 'targetGroup'), 'intake')!.set(String(e.n % 5), e.n);
        case 'outcomes':
          return e.n % 2 ? moveItemTo(c, 'outcome', 'out-admissions', 0) : addItem(c, 'outcome', `o${e.n}`, {});
        case 'interventions':
          return setField(getItem(c, 'intervention', 'int-ips')!, 'costPerParticipant', e.n);
        case 'paymentModel':
          return nestedMap(sectionMap(c, 'paymentModel'), 'payerShares')!.set('dep-health', e.n / 1000);
        case 'problem': {
          const paragraph = nestedFragment(sectionMap(c, 'problem'), 'text')!.get(0) as Y.XmlElement;
          return (paragraph.get(0) as Y.XmlText).insert(e.n % 10, 'x');
        }
      }
    };
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
        const server = serverDoc();
        const update = updateFrom(server, (c) =>
          c.transact(() => {
            for (const e of edits) apply(c, e);
          }),
        );
        expect(rootsTouchedBy(server, update)).toEqual(new Set(edits.map((e) => e.section)));
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});
