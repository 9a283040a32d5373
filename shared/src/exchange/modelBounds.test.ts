import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIST_BOUNDS, MAX_KEY_CHARS, SHORT_TEXT_BOUNDS } from '../bounds/bounds.ts';
import { exampleCase } from '../example/exampleCase.ts';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { makeCaseDoc, replicaOf } from '../testing/docs.ts';
import { inspectUpdate } from '../ydoc/inspectUpdate.ts';
import { checkUpdateBounds } from '../ydoc/updateBounds.ts';
import { writeModel } from '../ydoc/writeModel.ts';
import { checkModelBounds } from './modelBounds.ts';
import { type CaseImportResult, parseCaseImport } from './parseCaseImport.ts';

const MAX = 10 * 1024 * 1024;
type Outcome = CaseModelDraft['outcomes'][number];

function errorsOf(result: CaseImportResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
}

/** The example case with `outcomes` outcomes, each a copy of the first under its own id. */
function withOutcomes(count: number): CaseModelDraft {
  const model = exampleCase();
  const template = model.outcomes[0] as Outcome;
  model.outcomes = Array.from({ length: count }, (_, i) => ({ ...template, id: `o${i}`, order: `a${i}` }));
  return model;
}

/**
 * What the write guard says of the model written into a fresh case as one update from a
 * replica: the first bound it passes, or undefined — the check the case's editors meet.
 */
function guardOf(model: CaseModelDraft) {
  const server = makeCaseDoc();
  const replica = replicaOf(server);
  writeModel(replica, model);
  const update = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server));
  return checkUpdateBounds(server, inspectUpdate(server, Y.decodeUpdate(update)));
}

/** Each variant passes exactly one bound by one: the field's document path, the bound, and the change. */
const OVER: {
  name: string;
  documentPath: string;
  limit: number;
  filePath: (string | number)[];
  edit(model: CaseModelDraft): void;
}[] = [
  {
    name: 'title',
    documentPath: 'facts/title',
    limit: SHORT_TEXT_BOUNDS['facts/title'] as number,
    filePath: ['facts', 'title'],
    edit: (m) => {
      m.facts.title = 'T'.repeat(201);
    },
  },
  {
    name: 'an outcome definition',
    documentPath: 'outcomes/items/out-employment/definition',
    limit: 2_000,
    filePath: ['outcomes', 0, 'definition'],
    edit: (m) => {
      (m.outcomes[0] as Outcome).definition = 'd'.repeat(2_001);
    },
  },
  {
    name: 'a partner',
    documentPath: 'facts/partners/investor',
    limit: 200,
    filePath: ['facts', 'partners', 'investor'],
    edit: (m) => {
      m.facts.partners.investor = 'p'.repeat(201);
    },
  },
  {
    name: 'the outcomes',
    documentPath: 'outcomes/items',
    limit: LIST_BOUNDS['outcomes/items'] as number,
    filePath: ['outcomes'],
    edit: (m) => {
      m.outcomes = withOutcomes(101).outcomes;
    },
  },
  {
    name: 'the source notes',
    documentPath: 'facts/sources',
    limit: 100,
    filePath: ['facts', 'sources'],
    edit: (m) => {
      m.facts.sources = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`felt${i}`, 'kilde']));
    },
  },
  {
    name: 'the intake years',
    documentPath: 'targetGroup/intake',
    limit: LIST_BOUNDS['targetGroup/intake'] as number,
    filePath: ['targetGroup', 'intake'],
    edit: (m) => {
      m.targetGroup.intake = Array.from({ length: 51 }, (_, year) => ({ year, participants: 10 }));
    },
  },
  {
    name: 'an order key',
    documentPath: 'facts/departments/dep-jobcenter/order',
    limit: 64,
    filePath: ['facts', 'departments', 0, 'order'],
    edit: (m) => {
      (m.facts.departments[0] as { order: string }).order = `a${'0'.repeat(64)}`;
    },
  },
];

describe('checkModelBounds: an imported case stays editable within the write guard', () => {
  it('[9.3] a 300-character title is refused, naming the field and the bound', () => {
    const model = exampleCase();
    model.facts.title = 'x'.repeat(300);
    expect(errorsOf(parseCaseImport(JSON.stringify(model), { maxBytes: MAX }))).toEqual([
      {
        path: ['facts', 'title'],
        message: {
          da: 'Teksten i Titel er længere end 200 tegn (den har 300).',
          en: 'The text in Title is longer than 200 characters (it has 300).',
        },
      },
    ]);
  });

  it('[9.3] 101 outcomes are refused as a list over its bound; 100 are imported', () => {
    const errors = errorsOf(parseCaseImport(JSON.stringify(withOutcomes(101)), { maxBytes: MAX }));
    expect(errors).toEqual([
      {
        path: ['outcomes'],
        message: {
          da: 'Resultatmål har 101 poster; der må højst være 100.',
          en: 'Outcome targets has 101 entries; at most 100 are allowed.',
        },
      },
    ]);
    expect(parseCaseImport(JSON.stringify(withOutcomes(100)), { maxBytes: MAX }).ok).toBe(true);
  });

  it('[9.3] paths in an export carry its model prefix; items are named by their number', () => {
    const model = exampleCase();
    (model.outcomes[1] as Outcome).definition = 'd'.repeat(2_500);
    const file = { format: 'caseroom-case', schemaVersion: 1, model };
    const [error] = errorsOf(parseCaseImport(JSON.stringify(file), { maxBytes: MAX }));
    expect(error?.path).toEqual(['model', 'outcomes', 1, 'definition']);
    expect(error?.message.da).toBe('Teksten i Resultatmål 2 › Definition er længere end 2.000 tegn (den har 2.500).');
  });

  it('[9.3] a key longer than any the guard takes is refused, shown shortened', () => {
    const model = exampleCase();
    const key = 'k'.repeat(MAX_KEY_CHARS + 1);
    model.facts.sources = { [key]: 'kilde' };
    const [error] = checkModelBounds(model, []);
    expect(error?.path).toEqual(['facts', 'sources', key]);
    expect(error?.message.da).toBe(`Kildenoter: nøglen »${'k'.repeat(40)}…« er længere end 256 tegn.`);
  });

  it('[9.3] every refusal is one the guard would make, at the same document path and bound; at the bound both accept', () => {
    expect(guardOf(exampleCase())).toBeUndefined();
    expect(checkModelBounds(exampleCase(), [])).toEqual([]);
    for (const variant of OVER) {
      const model = exampleCase();
      variant.edit(model);
      const guard = guardOf(model);
      expect(guard, variant.name).toMatchObject({ path: variant.documentPath, limit: variant.limit });
      const errors = checkModelBounds(model, []);
      expect(
        errors.map((e) => e.path),
        variant.name,
      ).toEqual([variant.filePath]);
      expect(errors[0]?.message.en, variant.name).toContain(`${variant.limit.toLocaleString('en-GB')}`);
    }
    // At every bound exactly: the longest title, all 100 outcomes, the longest definition.
    const atBounds = withOutcomes(100);
    atBounds.facts.title = 'T'.repeat(200);
    (atBounds.outcomes[0] as Outcome).definition = 'd'.repeat(2_000);
    atBounds.targetGroup.intake = Array.from({ length: 50 }, (_, year) => ({ year, participants: 10 }));
    expect(checkModelBounds(atBounds, [])).toEqual([]);
    expect(guardOf(atBounds)).toBeUndefined();
  });

  it('[9.3] intake counts years, as the document keys it', () => {
    const model = exampleCase();
    // 60 cohorts in 50 distinct years: 50 entries in the document.
    model.targetGroup.intake = Array.from({ length: 60 }, (_, i) => ({ year: i % 50, participants: 1 }));
    expect(checkModelBounds(model, [])).toEqual([]);
  });
});
