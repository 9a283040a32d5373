import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { businessCase } from '../../businessCase/businessCase.ts';
import { exampleCase } from '../../example/exampleCase.ts';
import { SEED_ENTRIES } from '../../library/seedEntries.ts';
import { contentHash } from '../../signoff/contentHash.ts';
import { makeCaseDoc, replicaOf } from '../../testing/docs.ts';
import { workshopChild } from '../../workshop/record.ts';
import { isAgreed } from '../../workshop/signoffs.ts';
import { addItem } from '../items.ts';
import {
  LAYOUT_VERSION,
  LIBRARY_LINKS_KEY,
  LISTS,
  layoutVersion,
  listMap,
  SHORT_TEXT_PATHS,
  sectionMap,
} from '../layout.ts';
import { takeLibraryValue } from '../libraryValue.ts';
import { toModel } from '../toModel.ts';
import { writeModel } from '../writeModel.ts';
import { asLayout1 } from './layout1.ts';
import { asLayout2 } from './layout2Rates.ts';
import { asLayout3 } from './layout3.ts';
import { asLayout4 } from './layout4.ts';
import { DOCUMENT_MIGRATIONS, migrateDocument, newestLayout } from './migrateDocument.ts';
import type { DocumentMigration } from './migration.ts';

/** The example case as a layout-1 document (short texts as strings), as stored before issue 11. */
function exampleLayout1(): Y.Doc {
  const doc = makeCaseDoc();
  writeModel(doc, exampleCase());
  asLayout1(doc);
  return doc;
}

/** Every short text of a document: general path → the value found there (one per item). */
function shortTextValues(doc: Y.Doc): { path: string; value: unknown }[] {
  const found: { path: string; value: unknown }[] = [];
  for (const path of SHORT_TEXT_PATHS) {
    const [section, ...rest] = path.split('/');
    const list = Object.values(LISTS).find((l) => l.section === section && l.key === rest[0]);
    if (list && rest[1] === '*') {
      const kind = Object.entries(LISTS).find(([, l]) => l === list)?.[0] as keyof typeof LISTS;
      listMap(doc, kind)?.forEach((item) => {
        found.push({ path, value: (item as Y.Map<unknown>).get(rest[2] as string) });
      });
      continue;
    }
    let map: unknown = sectionMap(doc, section as 'facts');
    for (const key of rest.slice(0, -1)) map = (map as Y.Map<unknown>).get(key);
    found.push({ path, value: (map as Y.Map<unknown>).get(rest[rest.length - 1] as string) });
  }
  return found;
}

function sign(doc: Y.Doc, partyId: string, hash: string): void {
  doc.transact(() => {
    workshopChild(doc, 'signoffs')?.set(partyId, { hash, partyName: partyId, at: '2026-01-01T00:00:00.000Z' });
    workshopChild(doc, 'requiredSigners')?.set(partyId, true);
  });
}

function signoffHashes(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  workshopChild(doc, 'signoffs')?.forEach((entry, party) => {
    out[party] = (entry as { hash: string }).hash;
  });
  return out;
}

describe('document layout 2', () => {
  it('a new case holds every short text as a Y.Text, items created with theirs, and says it is layout 2', () => {
    const doc = makeCaseDoc();
    for (const kind of Object.keys(LISTS) as (keyof typeof LISTS)[]) addItem(doc, kind, `${kind}-1`, { name: 'Navn' });
    expect(layoutVersion(doc)).toBe(LAYOUT_VERSION);
    const values = shortTextValues(doc);
    expect(values.length).toBeGreaterThanOrEqual(SHORT_TEXT_PATHS.size);
    for (const { path, value } of values) expect(value, path).toBeInstanceOf(Y.Text);
    const outcome = listMap(doc, 'outcome')?.get('outcome-1') as Y.Map<unknown>;
    expect((outcome.get('name') as Y.Text).toString()).toBe('Navn');
  });

  it('a document without meta.layoutVersion is layout 1', () => {
    const doc = makeCaseDoc();
    asLayout1(doc);
    expect(layoutVersion(doc)).toBe(1);
    expect(newestLayout()).toBe(LAYOUT_VERSION);
  });
});

describe('migration 1 → 2: short texts as Y.Text', () => {
  it('turns every short-text string into a Y.Text with the same content and keeps every figure', () => {
    const doc = exampleLayout1();
    const before = toModel(doc);
    expect(shortTextValues(doc).some(({ value }) => typeof value === 'string')).toBe(true);
    const steps = migrateDocument(doc);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(layoutVersion(doc)).toBe(LAYOUT_VERSION);
    for (const { path, value } of shortTextValues(doc)) expect(value, path).toBeInstanceOf(Y.Text);
    expect(toModel(doc)).toEqual(before);
    expect(businessCase(toModel(doc)).priced).toEqual(businessCase(before).priced);
    for (const step of steps) {
      expect(step.hashAfter).toBe(step.hashBefore);
      expect(step.carried).toEqual([]);
    }
  });

  it('is idempotent: a second run changes nothing', () => {
    const doc = exampleLayout1();
    migrateDocument(doc);
    const state = Y.encodeStateVector(doc);
    expect(migrateDocument(doc)).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(state);
  });

  it('is deterministic: two copies of one document migrate to the same content', () => {
    const a = exampleLayout1();
    const b = replicaOf(a);
    migrateDocument(a);
    migrateDocument(b);
    expect(contentHash(toModel(a))).toBe(contentHash(toModel(b)));
    expect(shortTextValues(a).map(({ value }) => String(value))).toEqual(
      shortTextValues(b).map(({ value }) => String(value)),
    );
  });
});

describe('a migration never un-signs', () => {
  /** A test migration that changes the content hash: the return cap written down as a rate. */
  const rewritesReturnCap: DocumentMigration = {
    from: LAYOUT_VERSION,
    to: LAYOUT_VERSION + 1,
    name: 'test: return cap halved',
    migrate(doc) {
      const payment = doc.getMap('paymentModel');
      payment.set('returnCap', ((payment.get('returnCap') as number) ?? 0) / 2);
    },
  };
  const migrations = [...DOCUMENT_MIGRATIONS, rewritesReturnCap];

  it('carries every sign-off on the content before a hash-changing step to the content after', () => {
    const doc = exampleLayout1();
    const signed = contentHash(toModel(doc));
    sign(doc, 'authority', signed);
    sign(doc, 'investor', signed);
    sign(doc, 'provider', 'f'.repeat(64)); // signed an older version: stays outdated
    const steps = migrateDocument(doc, { migrations });
    expect(steps.map((s) => s.to)).toEqual([2, 3, 4, 5, 6]);
    const changed = steps[4];
    expect(changed?.hashAfter).not.toBe(changed?.hashBefore);
    expect(changed?.carried).toEqual(['authority', 'investor']);
    const now = contentHash(toModel(doc));
    expect(signoffHashes(doc)).toEqual({ authority: now, investor: now, provider: 'f'.repeat(64) });
    const signoffs = Object.entries(signoffHashes(doc)).map(([partyId, hash]) => ({ partyId, hash, at: '' }));
    expect(isAgreed(['authority', 'investor'], signoffs, now)).toBe(true);
    expect(migrateDocument(doc, { migrations })).toEqual([]);
  });

  it('without the carry-over the same step would leave the case unsigned (the test can fail)', () => {
    const doc = exampleLayout1();
    migrateDocument(doc);
    const signed = contentHash(toModel(doc));
    sign(doc, 'authority', signed);
    doc.transact(() => rewritesReturnCap.migrate(doc));
    expect(contentHash(toModel(doc))).not.toBe(signed);
  });
});

describe('migration 2 → 3: expected rates per candidate (P19)', () => {
  /** The example case as stored before P19: each outcome its own rate, the candidates none. */
  function exampleLayout2(): Y.Doc {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    asLayout2(doc);
    return doc;
  }

  it('gives every candidate each outcome’s rate and note, removes the outcome’s own, and keeps figures and hash', () => {
    const doc = exampleLayout2();
    const outcome = listMap(doc, 'outcome')?.get('out-employment') as Y.Map<unknown>;
    expect(outcome.get('expectedRate')).toBe(0.4);
    const before = toModel(doc);
    const hash = contentHash(before);
    const steps = migrateDocument(doc);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(outcome.has('expectedRate')).toBe(false);
    expect((outcome.get('sources') as Y.Map<unknown>).has('expectedRate')).toBe(false);
    const model = toModel(doc);
    for (const candidate of model.interventions.candidates) {
      expect(candidate.expectedRates).toEqual({ 'out-employment': 0.4, 'out-admissions': 0.68 });
      expect(candidate.sources['expectedRates.out-employment']).toMatch(/Illustrativt/);
    }
    expect(model).toEqual(before);
    expect(contentHash(model)).toBe(hash);
    expect(steps[0]?.carried).toEqual([]);
    expect(businessCase(model).priced).toEqual(businessCase(exampleCase()).priced);
  });

  it('keeps a candidate’s own rate, is idempotent and deterministic', () => {
    const doc = exampleLayout2();
    const mentor = listMap(doc, 'intervention')?.get('int-mentor') as Y.Map<unknown>;
    const rates = new Y.Map<unknown>();
    doc.transact(() => {
      mentor.set('expectedRates', rates);
      rates.set('out-employment', 0.3);
    });
    const copy = replicaOf(doc);
    migrateDocument(doc);
    migrateDocument(copy);
    expect(toModel(doc).interventions.candidates.find((c) => c.id === 'int-mentor')?.expectedRates).toEqual({
      'out-employment': 0.3,
      'out-admissions': 0.68,
    });
    expect(contentHash(toModel(doc))).toBe(contentHash(toModel(copy)));
    const state = Y.encodeStateVector(doc);
    expect(migrateDocument(doc)).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(state);
  });

  it('a case without candidates keeps its outcomes’ rates where they are (nothing typed is lost)', () => {
    const doc = makeCaseDoc();
    addItem(doc, 'outcome', 'o1', { name: 'Job' });
    doc.transact(() => {
      (listMap(doc, 'outcome')!.get('o1') as Y.Map<unknown>).set('expectedRate', 0.3);
      doc.getMap('meta').set('layoutVersion', 2);
    });
    migrateDocument(doc);
    expect((listMap(doc, 'outcome')!.get('o1') as Y.Map<unknown>).get('expectedRate')).toBe(0.3);
  });
});

describe('migration 3 → 4: rate cards (P7)', () => {
  it('gives each outcome one point at lag × 12 with its old price and basis; figures and hash stay', () => {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    asLayout3(doc);
    const outcome = listMap(doc, 'outcome')!.get('out-employment') as Y.Map<unknown>;
    expect(outcome.get('pricePerOutcome')).toBe(250000);
    expect(outcome.has('points')).toBe(false);
    const before = toModel(doc);
    expect(before.outcomes[0]?.points).toEqual([{ id: 'point-1', months: 12, price: 250000, basis: 'additional' }]);
    const steps = migrateDocument(doc);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [3, 4],
      [4, 5],
    ]);
    expect(outcome.has('pricePerOutcome')).toBe(false);
    expect(outcome.has('paymentBasis')).toBe(false);
    expect((outcome.get('points') as Y.Map<unknown>).get('point-1')).toBeInstanceOf(Y.Map);
    expect((outcome.get('sources') as Y.Map<unknown>).get('points')).toMatch(/Illustrativt/);
    expect(toModel(doc)).toEqual(before);
    expect(steps[0]?.hashAfter).toBe(steps[0]?.hashBefore);
    expect(businessCase(toModel(doc)).priced).toEqual(businessCase(exampleCase()).priced);
  });

  it('an outcome without a price or basis gets an empty rate card', () => {
    const doc = makeCaseDoc();
    addItem(doc, 'outcome', 'o1', { name: 'Job' });
    doc.transact(() => {
      (listMap(doc, 'outcome')!.get('o1') as Y.Map<unknown>).delete('points');
      doc.getMap('meta').set('layoutVersion', 3);
    });
    migrateDocument(doc);
    expect(toModel(doc).outcomes[0]?.points).toEqual([]);
    expect((listMap(doc, 'outcome')!.get('o1') as Y.Map<unknown>).get('points')).toBeInstanceOf(Y.Map);
  });
});

describe('migration 4 → 5: library links per department (issue 15)', () => {
  const sickness = { ...SEED_ENTRIES[0]!, version: 1, changedAt: '2026-01-01T00:00:00.000Z', changedBy: 'Ida' };

  /** The example case with links for two departments, as stored before layout 5 (one plain value). */
  function exampleLayout4(): Y.Doc {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    const outcome = listMap(doc, 'outcome')!.get('out-employment') as Y.Map<unknown>;
    takeLibraryValue(outcome, 'dep-social', sickness, 'da');
    takeLibraryValue(outcome, 'dep-jobcenter', { ...sickness, version: 2 }, 'da', {
      factor: 1.1,
      source: 'Indeks',
      toYear: 2026,
    });
    asLayout4(doc);
    return doc;
  }

  it('turns each outcome’s plain links into a map per department; figures, links and hash stay', () => {
    const doc = exampleLayout4();
    const outcome = listMap(doc, 'outcome')!.get('out-employment') as Y.Map<unknown>;
    const plain = outcome.get(LIBRARY_LINKS_KEY);
    expect(plain).not.toBeInstanceOf(Y.Map);
    expect(Object.keys(plain as object)).toEqual(['dep-jobcenter', 'dep-social']);
    const before = toModel(doc);
    expect(before.outcomes[0]?.libraryLinks?.['dep-jobcenter']).toEqual({
      entryId: sickness.id,
      version: 2,
      factor: 1.1,
    });
    const steps = migrateDocument(doc);
    expect(steps.map((s) => [s.from, s.to])).toEqual([[4, 5]]);
    const links = outcome.get(LIBRARY_LINKS_KEY) as Y.Map<unknown>;
    expect(links).toBeInstanceOf(Y.Map);
    expect(links.toJSON()).toEqual(before.outcomes[0]?.libraryLinks);
    // An outcome without links gets an empty map: every outcome has one from layout 5.
    const other = listMap(doc, 'outcome')!.get('out-admissions') as Y.Map<unknown>;
    expect(other.get(LIBRARY_LINKS_KEY)).toBeInstanceOf(Y.Map);
    expect(toModel(doc)).toEqual(before);
    expect(steps[0]?.hashAfter).toBe(steps[0]?.hashBefore);
  });

  it('is idempotent and deterministic', () => {
    const doc = exampleLayout4();
    const copy = replicaOf(doc);
    migrateDocument(doc);
    migrateDocument(copy);
    const links = (d: Y.Doc) =>
      (
        (listMap(d, 'outcome')!.get('out-employment') as Y.Map<unknown>).get(LIBRARY_LINKS_KEY) as Y.Map<unknown>
      ).toJSON();
    expect(links(copy)).toEqual(links(doc));
    const state = Y.encodeStateVector(doc);
    expect(migrateDocument(doc)).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(state);
  });
});
