import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RICH_TEXT_BOUND } from '../bounds/bounds.ts';
import { exampleCase } from '../example/exampleCase.ts';
import { diffModels } from '../history/diffModels.ts';
import { CaseModelDraft } from '../model/caseModel.ts';
import { contentHash } from '../signoff/contentHash.ts';
import { makeCaseDoc, replicaOf, syncDocs } from '../testing/docs.ts';
import { validate } from '../validation/validate.ts';
import { setField } from './edit.ts';
import { addItem, getItem, itemIds, moveItemTo, removeItem } from './items.ts';
import { listMap } from './layout.ts';
import { readModelWithNotices, toModel } from './toModel.ts';
import { writeModel } from './writeModel.ts';

describe('model ↔ Y.Doc mapping', () => {
  it('writeModel then toModel gives back the same model', () => {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    expect(toModel(doc)).toEqual(exampleCase());
  });

  it('a new case parses as a draft with the defaults', () => {
    const model = toModel(makeCaseDoc());
    expect(CaseModelDraft.parse(model)).toEqual(model);
    expect(model.facts).toMatchObject({ currency: 'DKK', discountRate: 0.035, startYear: 2027 });
    expect(model.paymentModel.investorFundedShare).toBe(1);
  });

  it('an empty, never-initialised document still parses', () => {
    expect(CaseModelDraft.safeParse(toModel(new Y.Doc())).success).toBe(true);
  });

  it('toModel reads a crafted document with wrong types as missing values', () => {
    const doc = new Y.Doc();
    const facts = doc.getMap('facts');
    facts.set('title', 42);
    facts.set('horizonYears', 'ten');
    facts.set('discountRate', Number.NaN);
    facts.set('departments', new Y.Array());
    const outcomes = doc.getMap('outcomes');
    const items = new Y.Map();
    outcomes.set('items', items);
    items.set('bad', 'not a map');
    items.set('x'.repeat(200), new Y.Map());
    const ok = new Y.Map();
    items.set('ok', ok);
    ok.set('baselineRate', '20 %');
    ok.set('direction', 'sideways');
    ok.set('valuePerDepartment', new Y.Text('nope'));
    doc.getMap('problem').set('text', 'plain string instead of rich text');
    doc.getArray('targetGroup').insert(0, [1, 2, 3]);

    const model = toModel(doc);
    expect(CaseModelDraft.safeParse(model).success).toBe(true);
    expect(model.facts.title).toBeUndefined();
    expect(model.outcomes.map((o) => o.id)).toEqual(['ok']);
    expect(model.outcomes[0]).toMatchObject({ id: 'ok', valuePerDepartment: {} });
    expect(model.outcomes[0]!.direction).toBeUndefined();
  });

  it('rich text with nodes the shared schema does not know keeps its text', () => {
    const doc = makeCaseDoc();
    const fragment = doc.getMap('problem').get('text') as Y.XmlFragment;
    const alien = new Y.XmlElement('marquee');
    alien.insert(0, [new Y.XmlText('kept text')]);
    fragment.insert(0, [alien]);
    const model = toModel(doc);
    expect(CaseModelDraft.safeParse(model).success).toBe(true);
    expect(JSON.stringify(model.problem.text)).toContain('kept text');
    expect(JSON.stringify(model.problem.text)).not.toContain('marquee');
  });

  it('initCaseDoc creates every nested type up front, so no client needs to', () => {
    const doc = makeCaseDoc();
    for (const kind of ['department', 'intervention', 'outcome', 'signatory'] as const) {
      expect(listMap(doc, kind)).toBeInstanceOf(Y.Map);
    }
    const outcome = addItem(doc, 'outcome', 'o1', { name: 'Job' });
    expect(outcome?.get('valuePerDepartment')).toBeInstanceOf(Y.Map);
    expect(outcome?.get('sources')).toBeInstanceOf(Y.Map);
  });
});

describe('concurrent edits on two replicas', () => {
  function twoReplicas() {
    const a = makeCaseDoc();
    addItem(a, 'department', 'd1', { name: 'Jobcenter', level: 'municipal' });
    addItem(a, 'outcome', 'o1', { name: 'Beskæftigelse' });
    addItem(a, 'outcome', 'o2', { name: 'Indlæggelser' });
    addItem(a, 'outcome', 'o3', { name: 'Uddannelse' });
    return [a, replicaOf(a)] as const;
  }

  it('two people editing different fields of one outcome both keep their edit', () => {
    const [a, b] = twoReplicas();
    setField(getItem(a, 'outcome', 'o1')!, 'baselineRate', 0.2);
    setField(getItem(b, 'outcome', 'o1')!, 'persistence', 0.35);
    syncDocs(a, b);
    expect(toModel(a)).toEqual(toModel(b));
    expect(toModel(a).outcomes[0]).toMatchObject({ baselineRate: 0.2, persistence: 0.35 });
  });

  it('a reorder by one person keeps a concurrent edit to the moved outcome', () => {
    const [a, b] = twoReplicas();
    moveItemTo(a, 'outcome', 'o3', 0);
    setField(getItem(b, 'outcome', 'o3')!, 'name', 'Uddannelse eller job');
    syncDocs(a, b);
    const model = toModel(b);
    expect(model.outcomes.map((o) => o.id)).toEqual(['o3', 'o1', 'o2']);
    expect(model.outcomes[0]!.name).toBe('Uddannelse eller job');
    expect(toModel(a)).toEqual(model);
  });

  it('two items added at the same place by two people both stay, in the same order everywhere', () => {
    const [a, b] = twoReplicas();
    addItem(a, 'outcome', 'oa', { name: 'A' });
    addItem(b, 'outcome', 'ob', { name: 'B' });
    syncDocs(a, b);
    expect(itemIds(a, 'outcome')).toEqual(itemIds(b, 'outcome'));
    expect(itemIds(a, 'outcome')).toHaveLength(5);
    // A later move between the two tied keys still works (the list is re-keyed).
    moveItemTo(a, 'outcome', 'o1', 4);
    expect(itemIds(a, 'outcome').indexOf('o1')).toBe(4);
  });

  it('removing an outcome while another person edits it removes it on both', () => {
    const [a, b] = twoReplicas();
    removeItem(a, 'outcome', 'o2');
    setField(getItem(b, 'outcome', 'o2')!, 'name', 'late edit');
    syncDocs(a, b);
    expect(itemIds(a, 'outcome')).toEqual(['o1', 'o3']);
    expect(toModel(a)).toEqual(toModel(b));
  });

  it('values per department typed by two people for two departments both stay', () => {
    const [a, b] = twoReplicas();
    const values = (doc: Y.Doc) => getItem(doc, 'outcome', 'o1')!.get('valuePerDepartment') as Y.Map<unknown>;
    values(a).set('d1', 130000);
    values(b).set('d2', 50000);
    syncDocs(a, b);
    expect(toModel(a).outcomes[0]!.valuePerDepartment).toEqual({ d1: 130000, d2: 50000 });
  });
});

describe('[9.3] a document damaged before the bounds existed', () => {
  /** The example case with `depth` nested quotes appended to the problem text and to a candidate's description. */
  function damagedExample(depth: number): Y.Doc {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    const candidateId = exampleCase().interventions.candidates[0]!.id;
    const fragments = [
      doc.getMap('problem').get('text') as Y.XmlFragment,
      getItem(doc, 'intervention', candidateId)!.get('description') as Y.XmlFragment,
    ];
    doc.transact(() => {
      for (const fragment of fragments) {
        let parent: Y.XmlFragment = fragment;
        for (let i = 0; i < depth; i++) {
          const quote = new Y.XmlElement('blockquote');
          parent.insert(parent.length, [quote]);
          parent = quote;
        }
      }
    });
    return doc;
  }

  it('[9.3] reads: the rest of the case intact, the deep part set aside and named by field', () => {
    const doc = damagedExample(20_000);
    const { model, setAside } = readModelWithNotices(doc);
    const candidateId = exampleCase().interventions.candidates[0]!.id;
    expect(setAside).toEqual([
      { path: 'problem/text', reason: 'tooDeep', limit: RICH_TEXT_BOUND.maxDepth },
      {
        path: `interventions/candidates/${candidateId}/description`,
        reason: 'tooDeep',
        limit: RICH_TEXT_BOUND.maxDepth,
      },
    ]);
    expect(toModel(doc)).toEqual(model);
    expect(CaseModelDraft.safeParse(model).success).toBe(true);
    // The deep quotes were their own blocks, with no text within the bounds: what an editor
    // wrote reads exactly as before, formatting and all.
    expect(model).toEqual(exampleCase());
    // Everything downstream of the model works on it.
    expect(contentHash(model)).toMatch(/^[0-9a-f]{64}$/);
    expect(validate(model).length).toBeGreaterThanOrEqual(0);
    expect(diffModels(exampleCase(), model)).toEqual([]);
  });

  it('[9.3] an undamaged document reads with nothing set aside and the same content hash', () => {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    const { model, setAside } = readModelWithNotices(doc);
    expect(setAside).toEqual([]);
    expect(contentHash(model)).toBe(contentHash(exampleCase()));
  });
});
