import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleCase } from '../example/exampleCase.ts';
import { CASE_EXPORT_FORMAT } from '../exchange/caseExport.ts';
import { parseCaseImport } from '../exchange/parseCaseImport.ts';
import { diffModels } from '../history/diffModels.ts';
import { initCaseDoc } from '../ydoc/initCaseDoc.ts';
import { LIBRARY_LINKS_KEY, listMap } from '../ydoc/layout.ts';
import { readLibraryLinks, takeLibraryValue } from '../ydoc/libraryValue.ts';
import { toModel } from '../ydoc/toModel.ts';
import { writeModel } from '../ydoc/writeModel.ts';
import { type LibraryEntry, LibraryEntryFields } from './libraryEntry.ts';
import { departmentValueSourceKey, libraryNote } from './libraryNote.ts';
import { libraryLinkStatuses, outdatedLinks } from './linkStatus.ts';
import { SEED_ENTRIES } from './seedEntries.ts';

function entry(overrides: Partial<LibraryEntry> = {}): LibraryEntry {
  const { id, ...fields } = SEED_ENTRIES[0]!;
  return { ...fields, id, version: 1, changedAt: '2026-01-01T00:00:00.000Z', changedBy: 'Caseroom', ...overrides };
}

function exampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  writeModel(doc, exampleCase());
  return doc;
}

function outcome(doc: Y.Doc, id = 'out-employment'): Y.Map<unknown> {
  return listMap(doc, 'outcome')?.get(id) as Y.Map<unknown>;
}

describe('the unit-value library (issue 15)', () => {
  it('seeds exactly the sourced unit values of product.md, each valid as an entry, with its source and price year', () => {
    expect(SEED_ENTRIES.map((e) => [e.valuePerYear, e.priceYear])).toEqual([
      [130_000, 2020],
      [470_000, 2019],
      [1_160_000, 2019],
    ]);
    for (const { id: _id, ...fields } of SEED_ENTRIES) expect(LibraryEntryFields.parse(fields)).toEqual(fields);
  });

  it('taking a value writes value, note and link in one transaction; the model reads them back', () => {
    const doc = exampleDoc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    takeLibraryValue(outcome(doc), 'dep-jobcenter', entry({ valuePerYear: 131_000 }), 'en', {
      factor: 1.05,
      source: 'Index source',
      toYear: 2026,
    });
    expect(transactions).toBe(1);
    const read = toModel(doc).outcomes.find((o) => o.id === 'out-employment');
    expect(read?.valuePerDepartment?.['dep-jobcenter']).toBe(137_550);
    expect(read?.libraryLinks).toEqual({
      'dep-jobcenter': { entryId: 'seed-sickness-benefit', version: 1, factor: 1.05 },
    });
    const note = read?.sources[departmentValueSourceKey('dep-jobcenter')];
    expect(note).toContain('Price year 2020');
    expect(note).toContain('Converted to price year 2026 with index factor 1,05 (Index source).');
    // Other departments' values are untouched.
    expect(read?.valuePerDepartment?.['dep-social']).toBe(20_000);
  });

  it('a crafted link value reads as none', () => {
    const doc = exampleDoc();
    outcome(doc).set(LIBRARY_LINKS_KEY, { 'dep-jobcenter': { entryId: 'x', version: -1 } });
    expect(readLibraryLinks(outcome(doc))).toBeUndefined();
    expect(toModel(doc).outcomes[0]?.libraryLinks).toBeUndefined();
  });

  it('a link to an older version is outdated by new − old; a current one is not; an unknown entry is missing', () => {
    const doc = exampleDoc();
    takeLibraryValue(outcome(doc), 'dep-jobcenter', entry(), 'da');
    takeLibraryValue(outcome(doc), 'dep-social', entry({ id: 'other', version: 3 }), 'da');
    const model = toModel(doc);
    const v1 = entry();
    const v2 = entry({ version: 2, valuePerYear: 125_000 });
    const statuses = libraryLinkStatuses(model, [v2], [v1]);
    expect(statuses.map((s) => [s.departmentId, s.state])).toEqual([
      ['dep-jobcenter', 'outdated'],
      ['dep-social', 'missing'],
    ]);
    expect(outdatedLinks(statuses)).toEqual([
      {
        outcomeId: 'out-employment',
        departmentId: 'dep-jobcenter',
        entryId: v1.id,
        fromVersion: 1,
        toVersion: 2,
        oldValue: 130_000,
        newValue: 125_000,
        difference: -5_000,
      },
    ]);
    expect(outdatedLinks(libraryLinkStatuses(model, [v1], [v1]))).toEqual([]);
  });

  it('an import keeps the values and notes and drops the links; history names the value, not the link', () => {
    const doc = exampleDoc();
    const before = toModel(doc);
    takeLibraryValue(outcome(doc), 'dep-jobcenter', entry({ valuePerYear: 99_000 }), 'da');
    const model = toModel(doc);
    const file = JSON.stringify({ format: CASE_EXPORT_FORMAT, schemaVersion: model.schemaVersion, model });
    const imported = parseCaseImport(file, { maxBytes: 10_000_000 });
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const copy = imported.model.outcomes.find((o) => o.id === 'out-employment');
    expect(copy?.libraryLinks).toBeUndefined();
    expect(copy?.valuePerDepartment?.['dep-jobcenter']).toBe(99_000);
    expect(copy?.sources[departmentValueSourceKey('dep-jobcenter')]).toBe(
      libraryNote(entry({ valuePerYear: 99_000 }), 'da'),
    );
    const changed = diffModels(before, model).map((c) => ('labelKey' in c ? c.labelKey : c.kind));
    expect(changed).toContain('outcome.valuePerDepartment');
    expect(changed.some((key) => key.includes('libraryLinks'))).toBe(false);
  });
});
