import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { businessCase } from '../businessCase/businessCase.ts';
import { exampleCase } from '../example/exampleCase.ts';
import { SCHEMA_VERSION } from '../model/primitives.ts';
import { exampleAsSchema1 } from '../testing/oldFiles.ts';
import type { WorkshopRecord } from '../workshop/record.ts';
import { toModel } from '../ydoc/toModel.ts';
import { buildCaseExport, caseExportJson } from './caseExport.ts';
import { describePath } from './importErrors.ts';
import { type CaseImportResult, MAX_IMPORTED_HISTORY, parseCaseImport } from './parseCaseImport.ts';

const MAX = 1024 * 1024;

const workshop = (overrides: Partial<WorkshopRecord> = {}): WorkshopRecord => ({
  phase: 2,
  locks: {},
  timer: { status: 'idle', serverNow: 0 },
  votes: {},
  decisions: {
    d1: { text: 'Vi vælger IPS', partyId: 'p1', partyName: 'Facilitator', at: '2026-01-01T10:00:00.000Z', order: 1 },
  },
  signoffs: {},
  requiredSigners: [],
  ...overrides,
});

const exportText = (w = workshop()) =>
  caseExportJson(
    buildCaseExport({
      caseId: 'case-1',
      model: exampleCase(),
      workshop: w,
      source: 'current',
      now: new Date('2026-01-02T00:00:00Z'),
      iterations: 200,
    }),
  );

function errorsOf(result: CaseImportResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
}

describe('parseCaseImport', () => {
  it('reads an export back: the same model and its decisions as history', () => {
    const result = parseCaseImport(exportText(), { maxBytes: MAX });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model).toEqual(exampleCase());
    expect(result.history.decisions.map((d) => d.text)).toEqual(['Vi vælger IPS']);
    expect(result.fromSchemaVersion).toBe(SCHEMA_VERSION);
  });

  it('reads back the export of a new, empty case (rich-text fields without blocks)', () => {
    const empty = toModel(new Y.Doc());
    const text = caseExportJson(
      buildCaseExport({
        caseId: 'case-0',
        model: empty,
        workshop: workshop({ decisions: {} }),
        source: 'current',
        now: new Date(0),
        iterations: 10,
      }),
    );
    const result = parseCaseImport(text, { maxBytes: MAX });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.model).toEqual(empty);
  });

  it('reads a bare model written by hand', () => {
    const result = parseCaseImport(JSON.stringify(exampleCase()), { maxBytes: MAX });
    expect(result.ok && result.model).toEqual(exampleCase());
  });

  it('takes a model written by hand without the structure Caseroom keeps: sections, sources, order keys', () => {
    const handWritten = {
      schemaVersion: 1,
      facts: {
        title: 'Min sag',
        horizonYears: 5,
        discountRate: 0.035,
        departments: [{ id: 'jc', name: 'Jobcenter', level: 'municipal' }],
      },
      interventions: { candidates: [{ id: 'i1', name: 'IPS', costPerParticipant: 10_000 }], chosenId: 'i1' },
      outcomes: [
        { id: 'o2', name: 'Job' },
        { id: 'o1', name: 'Uddannelse' },
      ],
    };
    const result = parseCaseImport(JSON.stringify(handWritten), { maxBytes: MAX });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    // The file's order is kept; nothing but structure was added.
    const outcomes = [...result.model.outcomes].sort((a, b) => (a.order < b.order ? -1 : 1));
    expect(outcomes.map((o) => o.id)).toEqual(['o2', 'o1']);
    expect(result.model.outcomes[0]?.sources).toEqual({});
    expect(result.model.facts.partners).toEqual({});
    expect(result.model.paymentModel.investorFundedShare).toBeUndefined();
    expect(result.model.problem.text).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    // A wrong value is still reported, in plain words.
    const wrong = { ...handWritten, outcomes: [{ id: 'o1', name: 'Job', expectedRate: 'fyrre' }] };
    expect(errorsOf(parseCaseImport(JSON.stringify(wrong), { maxBytes: MAX })).map((e) => e.message.da)).toEqual([
      'Resultatmål 1 › Forventet andel med indsats: skal være et tal',
    ]);
  });

  it('refuses a file over maxBytes before parsing it', () => {
    const errors = errorsOf(parseCaseImport(`"${'x'.repeat(2000)}`, { maxBytes: 1000 }));
    expect(errors[0]?.message.en).toMatch(/too large/);
    expect(errors[0]?.message.da).toMatch(/for stor/);
  });

  it('refuses more imported history than a case keeps, saying how much it may have', () => {
    const file = JSON.parse(exportText());
    const decision = file.decisions[0];
    file.decisions = Array.from({ length: MAX_IMPORTED_HISTORY + 1 }, (_, i) => ({ ...decision, id: `d${i}` }));
    const errors = errorsOf(parseCaseImport(JSON.stringify(file), { maxBytes: 10 * MAX }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toEqual(['decisions']);
    expect(errors[0]?.message.da).toContain(`må højst have ${MAX_IMPORTED_HISTORY} elementer`);
    expect(errors[0]?.message.en).toContain(`must have at most ${MAX_IMPORTED_HISTORY} items`);
    file.decisions = file.decisions.slice(0, MAX_IMPORTED_HISTORY);
    expect(parseCaseImport(JSON.stringify(file), { maxBytes: 10 * MAX }).ok).toBe(true);
  });

  it('counts bytes, not characters', () => {
    const text = JSON.stringify({ facts: 'æ'.repeat(400) }); // 800+ bytes, ~412 characters
    expect(errorsOf(parseCaseImport(text, { maxBytes: 600 }))[0]?.message.en).toMatch(/too large/);
  });

  it('reports truncated JSON with line and column', () => {
    const text = exportText();
    const errors = errorsOf(parseCaseImport(text.slice(0, text.length / 2), { maxBytes: MAX }));
    expect(errors[0]?.message.en).toMatch(/not valid JSON.*line 1, column/);
    const bad = errorsOf(parseCaseImport('{\n  "a": 1,\n  oops\n}', { maxBytes: MAX }));
    expect(bad[0]?.message.da).toMatch(/linje 3, kolonne 3/);
  });

  it('refuses what is not an object, and objects that are neither an export nor a model', () => {
    for (const text of ['[]', '42', 'null', '"caseroom"']) {
      expect(errorsOf(parseCaseImport(text, { maxBytes: MAX }))[0]?.message.en).toMatch(/must be a JSON object/);
    }
    expect(errorsOf(parseCaseImport('{"format":"other"}', { maxBytes: MAX }))[0]?.message.en).toMatch(
      /not a Caseroom export/,
    );
    expect(errorsOf(parseCaseImport('{"hello":1}', { maxBytes: MAX }))[0]?.message.en).toMatch(/not a Caseroom export/);
  });

  it('refuses a newer schema version, an unknown older one and a missing one', () => {
    const newer = JSON.parse(exportText());
    newer.schemaVersion = SCHEMA_VERSION + 1;
    expect(errorsOf(parseCaseImport(JSON.stringify(newer), { maxBytes: MAX }))[0]).toMatchObject({
      path: ['schemaVersion'],
      message: { en: expect.stringMatching(new RegExp(`reads at most version ${SCHEMA_VERSION}\\. Update Caseroom`)) },
    });
    const older = { ...exampleCase(), schemaVersion: -1 };
    expect(errorsOf(parseCaseImport(JSON.stringify(older), { maxBytes: MAX }))[0]?.message.en).toMatch(
      /Unknown schema version -1/,
    );
    const { schemaVersion: _v, ...missing } = exampleCase();
    expect(errorsOf(parseCaseImport(JSON.stringify(missing), { maxBytes: MAX }))[0]?.message.en).toMatch(/missing/);
  });

  it('reports wrong types per path in plain Danish and English', () => {
    const file = JSON.parse(exportText());
    file.model.outcomes[1].expectedRate = 'halvtreds';
    file.model.facts.title = 7;
    file.model.facts.departments = 'Jobcenter';
    file.model.outcomes[0].direction = 'sideways';
    file.signoffs = [{ partyId: 'p', hash: 1 }];
    const errors = errorsOf(parseCaseImport(JSON.stringify(file), { maxBytes: MAX }));
    const da = errors.map((e) => e.message.da);
    const en = errors.map((e) => e.message.en);
    expect(da).toContain('Resultatmål 2 › Forventet andel med indsats: skal være et tal');
    expect(en).toContain('Outcome targets 2 › Expected rate: must be a number');
    expect(da).toContain('Titel: skal være tekst');
    expect(da).toContain('Forvaltninger: skal være en liste ([ … ])');
    expect(en).toContain('Outcome targets 1 › Direction: must be one of "higher", "lower"');
    expect(errors.find((e) => e.path.join('.') === 'model.outcomes.1.expectedRate')).toBeDefined();
    expect(en.some((m) => m.startsWith('Sign-offs 1 › '))).toBe(true);
  });

  it('migrates a version-0 model (an outcome value for the first department, no facts.sources)', () => {
    const { sources: _sources, ...facts } = exampleCase().facts;
    const v0 = {
      ...exampleCase(),
      schemaVersion: 0,
      facts,
      outcomes: exampleCase().outcomes.map(({ valuePerDepartment: _v, ...outcome }) => ({ ...outcome, value: 1000 })),
    };
    const result = parseCaseImport(JSON.stringify(v0), { maxBytes: MAX });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fromSchemaVersion).toBe(0);
    expect(result.model.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.model.facts.sources).toEqual({});
    expect(result.model.outcomes.map((o) => o.valuePerDepartment)).toEqual([
      { 'dep-jobcenter': 1000 },
      { 'dep-jobcenter': 1000 },
    ]);
  });

  it('refuses rich text the editor schema does not know and duplicate item ids', () => {
    const model = exampleCase();
    model.problem.text = { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'x' }] }] };
    model.outcomes.push({ ...(model.outcomes[0] as (typeof model.outcomes)[number]) });
    const errors = errorsOf(parseCaseImport(JSON.stringify(model), { maxBytes: MAX }));
    const en = errors.map((e) => e.message.en);
    expect(en).toContain('Outcome targets 3 › id: id "out-employment" is already used in the list');
    expect(en.some((m) => m.startsWith('Problem definition: the text has structure or formatting'))).toBe(true);
    expect(errors.map((e) => e.path.join('.'))).toContain('problem.text');
  });

  it('keeps hostile strings exactly', () => {
    const model = exampleCase();
    const names = ['<script>alert(1)</script>', '=HYPERLINK("http://x")', "=cmd|' /C calc'!A0"];
    model.outcomes.forEach((o, i) => {
      o.name = names[i % names.length];
    });
    const result = parseCaseImport(JSON.stringify(model), { maxBytes: MAX });
    expect(result.ok && result.model.outcomes.map((o) => o.name)).toEqual(
      model.outcomes.map((_, i) => names[i % names.length]),
    );
  });
});

describe('buildCaseExport', () => {
  it('is canonical: the same input gives the same bytes, keys sorted', () => {
    const text = exportText();
    expect(exportText()).toBe(text);
    expect(Object.keys(JSON.parse(text))).toEqual([...Object.keys(JSON.parse(text))].sort());
  });

  it('counts only signatures on the current hash; agreed needs every required signer', () => {
    const first = JSON.parse(exportText());
    const hash = first.version.contentHash as string;
    const signed = JSON.parse(
      exportText(
        workshop({
          signoffs: {
            p1: { hash, partyName: 'A', at: '2026-01-01T11:00:00.000Z' },
            p2: { hash: 'old', partyName: 'B', at: '2026-01-01T09:00:00.000Z' },
          },
          requiredSigners: ['p1', 'p2'],
        }),
      ),
    );
    expect(signed.version.agreed).toBe(false);
    expect(signed.version.signedBy.map((s: { partyId: string }) => s.partyId)).toEqual(['p1']);
    expect(signed.signoffs.map((s: { partyId: string }) => s.partyId)).toEqual(['p2', 'p1']);
  });

  it('names fields in paths', () => {
    expect(describePath(['model', 'facts', 'departments', 0, 'name'], 'da')).toBe(
      'Forvaltninger 1 › Forvaltningens navn',
    );
    expect(describePath(['model', 'outcomes', 0, 'valuePerDepartment', 'dep-x'], 'en')).toBe(
      'Outcome targets 1 › Value per achieved outcome › dep-x',
    );
    // Structural keys without a field label get a plain name, not the JSON key.
    expect(describePath(['model', 'outcomes', 0, 'sources'], 'da')).toBe('Resultatmål 1 › Kildenoter');
    expect(describePath(['model', 'facts', 'partners'], 'en')).toBe('Partners');
  });
});

describe('files from before P19 and P7 (schema 1 and 2)', () => {
  it('[P19 P7] migrates a schema-1 file: every candidate takes the outcome rates, each outcome one point at lag × 12; the figures are the same', () => {
    const result = parseCaseImport(JSON.stringify(exampleAsSchema1()), { maxBytes: MAX });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.fromSchemaVersion).toBe(1);
    for (const candidate of result.model.interventions.candidates) {
      expect(candidate.expectedRates).toEqual({ 'out-employment': 0.4, 'out-admissions': 0.68 });
    }
    expect(result.model.outcomes[0]?.points).toEqual([
      { id: 'point-1', months: 12, price: 250000, basis: 'additional' },
    ]);
    expect(result.model.outcomes[0]?.sources.points).toMatch(/Illustrativt/);
    const before = businessCase(exampleCase()).priced;
    const after = businessCase(result.model).priced;
    if (!before.ok || !after.ok) throw new Error('the example is priced');
    expect(after.pricing).toEqual(before.pricing);
  });

  it('a schema-2 file keeps its candidates’ own rates and gets its rate cards', () => {
    const file = exampleAsSchema1();
    file.schemaVersion = 2;
    (file.interventions as { candidates: Record<string, unknown>[] }).candidates.forEach((candidate, i) => {
      candidate.expectedRates = { 'out-employment': 0.3 + i / 10 };
    });
    const result = parseCaseImport(JSON.stringify(file), { maxBytes: MAX });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.model.interventions.candidates.map((c) => c.expectedRates)).toEqual([
      { 'out-employment': 0.3 },
      { 'out-employment': 0.4 },
      { 'out-employment': 0.5 },
    ]);
    // The outcome's rate is the chosen candidate's (IPS), not the 0,4 the file carried beside it.
    expect(result.model.outcomes[0]?.expectedRate).toBe(0.3);
    expect(result.model.outcomes[1]?.expectedRate).toBeUndefined();
    expect(result.model.outcomes[1]?.points).toEqual([{ id: 'point-1', months: 12, price: 0, basis: 'additional' }]);
  });
});

describe('the JSON file and the candidates (P19)', () => {
  it('carries every candidate’s figures but not its pricing inputs', () => {
    const file = JSON.parse(exportText());
    expect(file.pricing.candidates).toHaveLength(3);
    for (const candidate of file.pricing.candidates) {
      expect(candidate.authorityNpv).toEqual(expect.any(Number));
      expect(candidate.input).toBeUndefined();
    }
  });
});
