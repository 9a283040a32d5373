import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleCase } from '../../example/exampleCase.ts';
import { contentHash } from '../../signoff/contentHash.ts';
import { makeCaseDoc, replicaOf } from '../../testing/docs.ts';
import { type ItemKind, LAYOUT_VERSION, layoutVersion, listMap, sectionMap } from '../layout.ts';
import { toModel } from '../toModel.ts';
import { writeModel } from '../writeModel.ts';
import { addMissingChildren, addMissingChildrenStep } from './addMissingChildren.ts';
import { asLayout1 } from './layout1.ts';
import { DOCUMENT_MIGRATIONS, migrateDocument } from './migrateDocument.ts';

/** The example case with some nested types gone, as a case created before those fields existed holds it. */
function exampleMissingChildren(): Y.Doc {
  const doc = makeCaseDoc();
  writeModel(doc, exampleCase());
  doc.transact(() => {
    sectionMap(doc, 'evaluation')?.delete('earlyStop'); // prose
    (doc.getMap('facts').get('partners') as Y.Map<unknown>).delete('guarantor'); // a short text in a nested map
    sectionMap(doc, 'targetGroup')?.delete('name'); // a short text
    for (const kind of ['outcome', 'intervention'] as ItemKind[]) {
      listMap(doc, kind)?.forEach((item) => {
        (item as Y.Map<unknown>).delete(kind === 'outcome' ? 'valuePerDepartment' : 'description');
      });
    }
  });
  return doc;
}

const holders = (doc: Y.Doc) => ({
  earlyStop: sectionMap(doc, 'evaluation')?.get('earlyStop'),
  guarantor: (doc.getMap('facts').get('partners') as Y.Map<unknown>).get('guarantor'),
  name: sectionMap(doc, 'targetGroup')?.get('name'),
});

describe('adding the nested types of fields new to the registry', () => {
  it('creates every missing child of sections and items with its type', () => {
    const doc = exampleMissingChildren();
    addMissingChildren(doc);
    const found = holders(doc);
    expect(found.earlyStop).toBeInstanceOf(Y.XmlFragment);
    expect(found.guarantor).toBeInstanceOf(Y.Text);
    expect(found.name).toBeInstanceOf(Y.Text);
    const outcomes = [...(listMap(doc, 'outcome')?.values() ?? [])] as Y.Map<unknown>[];
    expect(outcomes.length).toBeGreaterThan(0);
    for (const outcome of outcomes) expect(outcome.get('valuePerDepartment')).toBeInstanceOf(Y.Map);
    for (const candidate of listMap(doc, 'intervention')?.values() ?? []) {
      expect((candidate as Y.Map<unknown>).get('description')).toBeInstanceOf(Y.XmlFragment);
    }
  });

  it('changes nothing in a document that has them all', () => {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    const state = Y.encodeStateVector(doc);
    addMissingChildren(doc);
    expect(Y.encodeStateVector(doc)).toEqual(state);
  });

  it('is idempotent and keeps what a field held: a crafted string in a short text keeps its words', () => {
    const doc = exampleMissingChildren();
    doc.transact(() => sectionMap(doc, 'targetGroup')?.set('name', 'Som streng'));
    addMissingChildren(doc);
    expect(String(sectionMap(doc, 'targetGroup')?.get('name'))).toBe('Som streng');
    const state = Y.encodeStateVector(doc);
    addMissingChildren(doc);
    expect(Y.encodeStateVector(doc)).toEqual(state);
  });

  it('is deterministic: two copies of one document get the same content', () => {
    const a = exampleMissingChildren();
    const b = replicaOf(a);
    addMissingChildren(a);
    addMissingChildren(b);
    expect(contentHash(toModel(a))).toBe(contentHash(toModel(b)));
    expect(toModel(a)).toEqual(toModel(b));
  });

  it('runs once as a layout step after the others, from a layout-1 document to the newest layout + 1', () => {
    const doc = exampleMissingChildren();
    asLayout1(doc);
    const migrations = [...DOCUMENT_MIGRATIONS, addMissingChildrenStep(LAYOUT_VERSION)];
    const steps = migrateDocument(doc, { migrations });
    expect(steps.map((step) => [step.from, step.to])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [LAYOUT_VERSION, LAYOUT_VERSION + 1],
    ]);
    expect(layoutVersion(doc)).toBe(LAYOUT_VERSION + 1);
    expect(holders(doc).earlyStop).toBeInstanceOf(Y.XmlFragment);
    expect(migrateDocument(doc, { migrations })).toEqual([]);
  });
});
