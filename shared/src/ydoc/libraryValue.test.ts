import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleCase } from '../example/exampleCase.ts';
import type { LibraryEntry } from '../library/libraryEntry.ts';
import { SEED_ENTRIES } from '../library/seedEntries.ts';
import { makeCaseDoc, replicaOf, syncDocs } from '../testing/docs.ts';
import { LIBRARY_LINKS_KEY, listMap } from './layout.ts';
import { readLibraryLinks, takeLibraryValue, writeLibraryLinks } from './libraryValue.ts';
import { asLayout4 } from './migrations/layout4.ts';
import { reconcileModel } from './reconcile.ts';
import { toModel } from './toModel.ts';
import { writeModel } from './writeModel.ts';

function entry(index: number, version = 1): LibraryEntry {
  const { id, ...fields } = SEED_ENTRIES[index]!;
  return { ...fields, id, version, changedAt: '2026-01-01T00:00:00.000Z', changedBy: 'Caseroom' };
}

function exampleDoc(): Y.Doc {
  const doc = makeCaseDoc();
  writeModel(doc, exampleCase());
  return doc;
}

function outcome(doc: Y.Doc, id = 'out-employment'): Y.Map<unknown> {
  return listMap(doc, 'outcome')?.get(id) as Y.Map<unknown>;
}

describe('an outcome’s library links (issue 15)', () => {
  it('two people taking values for two departments of one outcome at once both keep their link', () => {
    const ida = exampleDoc();
    const ole = replicaOf(ida);
    takeLibraryValue(outcome(ida), 'dep-jobcenter', entry(0), 'da');
    takeLibraryValue(outcome(ole), 'dep-social', entry(1, 2), 'da', { factor: 1.1, source: 'Indeks', toYear: 2026 });
    syncDocs(ida, ole);

    const expected = {
      'dep-jobcenter': { entryId: SEED_ENTRIES[0]!.id, version: 1 },
      'dep-social': { entryId: SEED_ENTRIES[1]!.id, version: 2, factor: 1.1 },
    };
    for (const doc of [ida, ole]) {
      expect(readLibraryLinks(outcome(doc))).toEqual(expected);
      const read = toModel(doc).outcomes.find((o) => o.id === 'out-employment');
      expect(read?.libraryLinks).toEqual(expected);
      expect(read?.valuePerDepartment?.['dep-jobcenter']).toBe(130_000);
      expect(read?.valuePerDepartment?.['dep-social']).toBe(517_000);
    }
  });

  it('a document from before layout 5 (the links one plain value) still reads its links', () => {
    const doc = exampleDoc();
    takeLibraryValue(outcome(doc), 'dep-social', entry(1), 'da');
    takeLibraryValue(outcome(doc), 'dep-jobcenter', entry(0), 'da');
    const links = readLibraryLinks(outcome(doc));
    asLayout4(doc);
    expect(outcome(doc).get(LIBRARY_LINKS_KEY)).not.toBeInstanceOf(Y.Map);
    expect(readLibraryLinks(outcome(doc))).toEqual(links);
    expect(toModel(doc).outcomes.find((o) => o.id === 'out-employment')?.libraryLinks).toEqual(links);
  });

  it('the first write to a document from before layout 5 converts its links to the map, keeping the others', () => {
    const doc = exampleDoc();
    takeLibraryValue(outcome(doc), 'dep-social', entry(1), 'da');
    asLayout4(doc);
    takeLibraryValue(outcome(doc), 'dep-jobcenter', entry(0), 'da');
    const links = outcome(doc).get(LIBRARY_LINKS_KEY);
    expect(links).toBeInstanceOf(Y.Map);
    expect((links as Y.Map<unknown>).toJSON()).toEqual({
      'dep-jobcenter': { entryId: SEED_ENTRIES[0]!.id, version: 1 },
      'dep-social': { entryId: SEED_ENTRIES[1]!.id, version: 1 },
    });
  });

  it('restoring a model (reconcile) writes only the departments whose link changed, and clears the rest', () => {
    const doc = exampleDoc();
    takeLibraryValue(outcome(doc), 'dep-jobcenter', entry(0), 'da');
    const links = outcome(doc).get(LIBRARY_LINKS_KEY) as Y.Map<unknown>;
    const model = toModel(doc);
    takeLibraryValue(outcome(doc), 'dep-social', entry(1), 'da');
    let updates = 0;
    doc.on('update', () => updates++);
    reconcileModel(doc, model);
    expect(outcome(doc).get(LIBRARY_LINKS_KEY)).toBe(links);
    expect(readLibraryLinks(outcome(doc))).toEqual({ 'dep-jobcenter': { entryId: SEED_ENTRIES[0]!.id, version: 1 } });
    expect(updates).toBe(1);
    writeLibraryLinks(outcome(doc), undefined);
    expect(readLibraryLinks(outcome(doc))).toBeUndefined();
    expect(outcome(doc).get(LIBRARY_LINKS_KEY)).toBe(links);
  });

  it('a link that does not fit the schema (a crafted document) is left out; the others read', () => {
    const doc = exampleDoc();
    takeLibraryValue(outcome(doc), 'dep-jobcenter', entry(0), 'da');
    const links = outcome(doc).get(LIBRARY_LINKS_KEY) as Y.Map<unknown>;
    links.set('dep-social', { entryId: 'x', version: -1 });
    links.set('', { entryId: 'x', version: 1 });
    expect(readLibraryLinks(outcome(doc))).toEqual({ 'dep-jobcenter': { entryId: SEED_ENTRIES[0]!.id, version: 1 } });
  });
});
