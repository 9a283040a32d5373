import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { exampleCase } from '../example/exampleCase.ts';
import { richTextFromParagraphs } from '../richtext/convert.ts';
import { makeCaseDoc, replicaOf, syncDocs } from '../testing/docs.ts';
import { nestedFragment, setField } from './edit.ts';
import { addItem, getItem, moveItemTo, removeItem } from './items.ts';
import { sectionMap } from './layout.ts';
import { reconcileModel } from './reconcile.ts';
import { toModel } from './toModel.ts';
import { writeModel } from './writeModel.ts';

function exampleDoc(): Y.Doc {
  const doc = makeCaseDoc();
  writeModel(doc, exampleCase());
  return doc;
}

describe('reconcileModel (restore a version as a new change)', () => {
  it('brings a much-edited document back to a saved version exactly', () => {
    const doc = exampleDoc();
    const saved = toModel(doc);
    // A lot happens after the version was saved.
    setField(sectionMap(doc, 'facts')!, 'title', 'Changed');
    setField(sectionMap(doc, 'facts')!, 'priceYear', undefined);
    removeItem(doc, 'outcome', 'out-admissions');
    addItem(doc, 'outcome', 'out-new', { name: 'New outcome', expectedRate: 0.5 });
    moveItemTo(doc, 'intervention', 'int-coordination', 0);
    setField(getItem(doc, 'outcome', 'out-employment')!, 'expectedRate', 0.9);
    (getItem(doc, 'outcome', 'out-employment')!.get('valuePerDepartment') as Y.Map<unknown>).delete('dep-state');
    const problem = nestedFragment(sectionMap(doc, 'problem'), 'text')!;
    problem.delete(0, 1);
    sectionMap(doc, 'interventions')!.set('chosenId', 'int-mentor');

    reconcileModel(doc, saved);
    expect(toModel(doc)).toEqual(saved);
  });

  it('edits only what differs: an unchanged document produces no update at all', () => {
    const doc = exampleDoc();
    let updates = 0;
    doc.on('update', () => updates++);
    reconcileModel(doc, toModel(doc));
    expect(updates).toBe(0);
  });

  it('a restore made on one replica merges with a concurrent edit on another', () => {
    const a = exampleDoc();
    const saved = toModel(a);
    setField(getItem(a, 'outcome', 'out-employment')!, 'expectedRate', 0.9);
    const b = replicaOf(a);
    reconcileModel(a, saved); // A restores the old expected rate …
    setField(sectionMap(b, 'targetGroup')!, 'name', 'Concurrent name'); // … while B renames the target group
    syncDocs(a, b);
    expect(toModel(a)).toEqual(toModel(b));
    expect(toModel(a).outcomes[0]!.expectedRate).toBe(saved.outcomes[0]!.expectedRate);
    expect(toModel(a).targetGroup.name).toBe('Concurrent name');
  });

  it('rewrites prose only where it differs', () => {
    const doc = exampleDoc();
    const model = toModel(doc);
    model.problem.text = richTextFromParagraphs('Ny tekst');
    const eligibility = nestedFragment(sectionMap(doc, 'targetGroup'), 'eligibility')!;
    const firstParagraph = eligibility.get(0);
    reconcileModel(doc, model);
    expect(toModel(doc).problem.text).toEqual(richTextFromParagraphs('Ny tekst'));
    expect(eligibility.get(0)).toBe(firstParagraph); // untouched prose keeps its Yjs items
  });
});
