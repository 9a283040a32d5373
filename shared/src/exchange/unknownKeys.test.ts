import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exampleCase } from '../example/exampleCase.ts';
import { buildCaseExport, caseExportJson } from './caseExport.ts';
import { MAX_IMPORT_ERRORS } from './importErrors.ts';
import { parseCaseImport } from './parseCaseImport.ts';
import { findUnknownKeys, unknownKeyError, unknownKeysAgainst } from './unknownKeys.ts';

const MAX = 1024 * 1024;

/** The example case as plain JSON anyone may write any key into. */
// biome-ignore lint/suspicious/noExplicitAny: a file written by hand, untyped on purpose
const model = (): any => JSON.parse(JSON.stringify(exampleCase()));

const exported = () =>
  JSON.parse(
    caseExportJson(
      buildCaseExport({
        caseId: 'case-1',
        model: exampleCase(),
        workshop: {
          phase: 2,
          locks: {},
          timer: { status: 'idle', serverNow: 0 },
          votes: {},
          decisions: { d1: { text: 'IPS', partyId: 'p1', partyName: 'F', at: '2026-01-01T10:00:00.000Z', order: 1 } },
          signoffs: {},
          requiredSigners: [],
        },
        source: 'current',
        now: new Date('2026-01-02T00:00:00Z'),
        iterations: 100,
      }),
    ),
  );

const found = (file: Record<string, unknown>) =>
  findUnknownKeys(file).map(({ at, kind, suggestion }) => ({ at, kind, suggestion }));

describe('findUnknownKeys', () => {
  it('finds nothing in the example case or in its export: every key Caseroom writes is known', () => {
    expect(findUnknownKeys(model())).toEqual([]);
    expect(findUnknownKeys(exported())).toEqual([]);
  });

  it('names a misspelt field with its path and the field equal to it but for case', () => {
    const file = model();
    file.paymentModel.paymentcap = file.paymentModel.paymentCap;
    delete file.paymentModel.paymentCap;
    expect(found(file)).toEqual([{ at: 'paymentModel/paymentcap', kind: 'field', suggestion: 'paymentCap' }]);
    expect(findUnknownKeys(file)[0]?.path).toEqual(['paymentModel', 'paymentcap']);
  });

  it('suggests by edit distance among the siblings only, and nothing past three edits', () => {
    const file = model();
    file.facts.horizonYaers = 10; // a swap: horizonYears
    file.facts.partners.investr = 'x'; // a partner field, not a facts field
    file.paymentModel.scenarios.effect.hihg = 1.2; // the scenario range's own keys
    file.problem.completelyDifferent = 1;
    expect(found(file)).toEqual([
      // In the file's order: the new keys come after the keys the example already has.
      { at: 'facts/partners/investr', kind: 'field', suggestion: 'investor' },
      { at: 'facts/horizonYaers', kind: 'field', suggestion: 'horizonYears' },
      { at: 'problem/completelyDifferent', kind: 'field', suggestion: undefined },
      { at: 'paymentModel/scenarios/effect/hihg', kind: 'field', suggestion: 'high' },
    ]);
  });

  it('addresses list items by id, or by index where an item has none', () => {
    const file = model();
    file.outcomes[1].expectedrate = 0.5;
    file.interventions.candidates[0].costPerParticipnt = 1;
    file.targetGroup.intake[2].yaer = 2;
    const keys = findUnknownKeys(file);
    expect(keys.map((k) => k.at)).toEqual([
      'targetGroup/intake[2]/yaer',
      `interventions/candidates[id=${file.interventions.candidates[0].id}]/costPerParticipnt`,
      `outcomes[id=${file.outcomes[1].id}]/expectedrate`,
    ]);
    expect(keys.map((k) => k.path)).toEqual([
      ['targetGroup', 'intake', 2, 'yaer'],
      ['interventions', 'candidates', 0, 'costPerParticipnt'],
      ['outcomes', 1, 'expectedrate'],
    ]);
    expect(keys.map((k) => k.suggestion)).toEqual(['year', 'costPerParticipant', 'expectedRate']);
  });

  it('refuses a source note for a field that does not exist, or for one that takes no note', () => {
    const file = model();
    file.outcomes[0].sources.expectedRat = 'Evaluering 2021';
    file.outcomes[0].sources.name = 'no note here';
    file.paymentModel.sources.somethingElse = 'x';
    expect(found(file)).toEqual([
      { at: `outcomes[id=${file.outcomes[0].id}]/sources/expectedRat`, kind: 'sourceNote', suggestion: 'expectedRate' },
      { at: `outcomes[id=${file.outcomes[0].id}]/sources/name`, kind: 'noteNotTaken', suggestion: undefined },
      { at: 'paymentModel/sources/somethingElse', kind: 'sourceNote', suggestion: undefined },
    ]);
  });

  it('accepts a source note for every field that takes one', () => {
    const file = model();
    file.facts.sources = { horizonYears: 'a', discountRate: 'b' };
    file.targetGroup.sources = { eligiblePopulation: 'c', intake: 'd' };
    file.paymentModel.sources = { payerShares: 'e', paymentCap: 'f', guaranteeAmount: 'g' };
    file.outcomes[0].sources = { valuePerDepartment: 'h', persistence: 'i', points: 'j' };
    expect(findUnknownKeys(file)).toEqual([]);
  });

  it('leaves the keys of id-keyed maps to validation (they are ids, not fields)', () => {
    const file = model();
    file.paymentModel.payerShares['dep-nowhere'] = 0.1;
    file.outcomes[0].valuePerDepartment['dep-nowhere'] = 1000;
    expect(findUnknownKeys(file)).toEqual([]);
  });

  it('does not walk rich text or the export’s derived parts', () => {
    const file = exported();
    file.model.problem.text.content = [{ type: 'paragraph', someEditorAttribute: 1 }];
    file.pricing.anything = 1;
    file.findings.push({ whatever: true });
    expect(findUnknownKeys(file)).toEqual([]);
  });

  it('checks an export’s own keys, its model under model/ and its history', () => {
    const file = exported();
    file.exportedAtt = file.exportedAt;
    file.model.paymentModel.paymentcap = 11_000_000;
    file.decisions[0].txt = 'x';
    expect(found(file)).toEqual([
      { at: 'decisions[id=d1]/txt', kind: 'field', suggestion: 'text' },
      { at: 'model/paymentModel/paymentcap', kind: 'field', suggestion: 'paymentCap' },
      { at: 'exportedAtt', kind: 'field', suggestion: 'exportedAt' },
    ]);
  });

  it('lists at most MAX_IMPORT_ERRORS', () => {
    const file = model();
    for (let i = 0; i < MAX_IMPORT_ERRORS + 10; i++) file.facts[`extra${i}`] = i;
    expect(findUnknownKeys(file)).toHaveLength(MAX_IMPORT_ERRORS);
  });

  it('says it in Danish and English, naming the place, the path and the field likely meant', () => {
    const file = model();
    file.paymentModel.paymentcap = 1;
    file.outcomes[1].sources.expectedRat = 'x';
    file.bogus = 1;
    const messages = findUnknownKeys(file).map((k) => unknownKeyError(k).message);
    expect(messages).toEqual([
      {
        da: `Resultatmål 2: kildenote til et felt, der ikke findes: outcomes[id=${file.outcomes[1].id}]/sources/expectedRat — mente du expectedRate?`,
        en: `Outcome targets 2: source note for a field that does not exist: outcomes[id=${file.outcomes[1].id}]/sources/expectedRat — did you mean expectedRate?`,
      },
      {
        da: 'Betalingsmodel: ukendt felt paymentModel/paymentcap — mente du paymentCap?',
        en: 'Payment model: unknown field paymentModel/paymentcap — did you mean paymentCap?',
      },
      {
        da: 'Ukendt felt bogus — intet kendt felt her har et lignende navn',
        en: 'Unknown field bogus — no known field here has a similar name',
      },
    ]);
  });
});

describe('unknownKeysAgainst (shapes a future field may take)', () => {
  const Point = z.object({ months: z.number(), price: z.number() });
  const schema = z.object({
    points: z.array(Point).optional(),
    byId: z.record(z.string(), Point),
    either: z.union([
      z.object({ kind: z.literal('a'), low: z.number() }),
      z.object({ kind: z.literal('b'), high: z.number() }),
    ]),
    loose: z.looseObject({ known: z.number() }),
    piped: z
      .object({ inner: z.number() })
      .pipe(z.object({ inner: z.number() }))
      .nullable(),
  });
  const at = (value: unknown) => unknownKeysAgainst(value, schema).map((k) => `${k.at}→${k.suggestion}`);

  it('walks list items, the values of id-keyed records, the union option the value fits and wrapped schemas', () => {
    expect(
      at({
        points: [{ months: 12, price: 1, prise: 2 }],
        byId: { anyId: { months: 1, price: 1, monhts: 2 } },
        either: { kind: 'b', high: 1, hihg: 2 },
        loose: { known: 1, anything: 2 },
        piped: { inner: 1, iner: 2 },
      }),
    ).toEqual(['points[0]/prise→price', 'byId/anyId/monhts→months', 'either/hihg→high', 'piped/iner→inner']);
  });

  it('leaves a value that fits no option, or is of the wrong type, to the schema check', () => {
    expect(at({ points: 'none', byId: [], either: { kind: 'c', x: 1 }, loose: 1, piped: null })).toEqual([]);
  });
});

describe('parseCaseImport and unknown keys', () => {
  it('refuses a file with a misspelt field, listing it with the field likely meant', () => {
    const file = exported();
    file.model.paymentModel.paymentcap = 11_000_000;
    const result = parseCaseImport(JSON.stringify(file), { maxBytes: MAX });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok) return;
    expect(result.errors.map((e) => e.message.en)).toEqual([
      'Payment model: unknown field model/paymentModel/paymentcap — did you mean paymentCap?',
    ]);
    expect(result.errors[0]?.path).toEqual(['model', 'paymentModel', 'paymentcap']);
  });

  it('lists unknown keys before the schema’s own errors', () => {
    const file = model();
    file.facts.horizonYears = 'ti';
    file.facts.horizonyears = 10;
    const result = parseCaseImport(JSON.stringify(file), { maxBytes: MAX });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors.map((e) => e.path.join('/'))).toEqual(['facts/horizonyears', 'facts/horizonYears']);
  });

  it('migrates an older file before looking for unknown keys: a version-0 outcome `value` is no unknown field', () => {
    const v0 = model();
    v0.schemaVersion = 0;
    delete v0.facts.sources;
    for (const outcome of v0.outcomes) {
      outcome.value = 1000;
      delete outcome.valuePerDepartment;
    }
    expect(parseCaseImport(JSON.stringify(v0), { maxBytes: MAX }).ok).toBe(true);
    // The same key in a file of the current version is unknown.
    const current = model();
    current.outcomes[0].value = 1000;
    const refused = parseCaseImport(JSON.stringify(current), { maxBytes: MAX });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.errors.map((e) => e.path)).toEqual([['outcomes', 0, 'value']]);
  });
});
