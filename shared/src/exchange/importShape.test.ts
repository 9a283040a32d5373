import { describe, expect, it } from 'vitest';
import { RICH_TEXT_BOUND } from '../bounds/bounds.ts';
import { exampleCase } from '../example/exampleCase.ts';
import { checkImportShape, MAX_IMPORT_DEPTH, MAX_IMPORT_VALUES } from './importShape.ts';
import { parseCaseImport } from './parseCaseImport.ts';

const MAX = 50 * 1024 * 1024;
const MARKER = '"__RAW__"';

/**
 * The example case as JSON text with the value at `set`'s marker replaced by raw JSON: values
 * nested this deep cannot go through JSON.stringify (it recurses), so they are written as text.
 */
function caseWithRaw(set: (model: ReturnType<typeof exampleCase>, marker: string) => void, raw: string): string {
  const model = exampleCase();
  set(model, JSON.parse(MARKER));
  const text = JSON.stringify(model);
  expect(text).toContain(MARKER);
  return text.replace(MARKER, raw);
}

/** `depth` arrays, one inside the other. */
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A rich-text document with a paragraph inside `depth` blockquotes, as JSON text. */
function deepQuotes(depth: number): string {
  const open = '{"type":"blockquote","content":['.repeat(depth);
  const close = ']}'.repeat(depth);
  return `{"type":"doc","content":[${open}{"type":"paragraph","content":[{"type":"text","text":"bund"}]}${close}]}`;
}

function refusal(text: string) {
  const result = parseCaseImport(text, { maxBytes: MAX });
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('checkImportShape: nesting and size before anything recursive sees the file', () => {
  it('[9.3] a 100,000-deep array in rich-text attributes is refused at the level past the bound, naming the field', () => {
    const text = caseWithRaw((m, marker) => {
      m.problem.text = {
        type: 'doc',
        content: [{ type: 'paragraph', attrs: { x: marker }, content: [{ type: 'text', text: 'a' }] }],
      };
    }, deepArray(100_000));
    const result = refusal(text);
    expect(result.reason).toBe('invalid');
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error?.path.slice(0, 7)).toEqual(['problem', 'text', 'content', 0, 'attrs', 'x', 0]);
    expect(error?.path).toHaveLength(MAX_IMPORT_DEPTH);
    expect(error?.message.da).toBe(
      'Filen er indlejret dybere end 64 niveauer under Problembeskrivelse (lister i lister eller objekter i objekter); så dybt er ingen sag.',
    );
    expect(error?.message.en).toMatch(/^The file is nested deeper than 64 levels under Problem definition/);
  });

  it('[9.3] a file that is a 100,000-deep array is refused without a field to name', () => {
    const [error] = refusal(deepArray(100_000)).errors;
    expect(error?.message.da).toMatch(/^Filen er indlejret dybere end 64 niveauer \(lister i lister/);
    expect(error?.message.en).toMatch(/^The file is nested deeper than 64 levels \(lists within lists/);
  });

  it('[9.3] the depth bound is exact: 64 levels pass the survey, 65 do not', () => {
    // The root array is level 1, so n nested arrays reach level n (their innermost is empty).
    expect(checkImportShape(JSON.parse(deepArray(MAX_IMPORT_DEPTH)))).toEqual([]);
    expect(checkImportShape(JSON.parse(deepArray(MAX_IMPORT_DEPTH + 1)))).toHaveLength(1);
  });

  it('[9.3] rich text 20,000 blockquotes deep is named with its bound, in Problem and in an intervention', () => {
    const inProblem = caseWithRaw((m, marker) => {
      m.problem.text = marker as never;
    }, deepQuotes(20_000));
    expect(refusal(inProblem).errors).toEqual([
      {
        path: ['problem', 'text'],
        message: {
          da: 'Teksten i Problembeskrivelse er dybere end 16 niveauer (lister i lister eller citater i citater).',
          en: 'The text in Problem definition is nested deeper than 16 levels (lists within lists or quotes within quotes).',
        },
      },
    ]);
    const exported = JSON.stringify({ format: 'caseroom-case', schemaVersion: 1, model: MARKER_MODEL });
    const inCandidate = exported.replace(MARKER, deepQuotes(20_000));
    const [error] = refusal(inCandidate).errors;
    expect(error?.path).toEqual(['model', 'interventions', 'candidates', 0, 'description']);
    expect(error?.message.da).toBe(
      'Teksten i Indsatser 1 › Beskrivelse er dybere end 16 niveauer (lister i lister eller citater i citater).',
    );
  });

  it('[9.3] rich text at its depth bound passes; one level more does not', () => {
    // 14 quotes + paragraph + text = 16 levels, as the document holds them.
    const within = JSON.parse(deepQuotes(RICH_TEXT_BOUND.maxDepth - 2));
    expect(checkImportShape({ problem: { text: within } })).toEqual([]);
    const past = JSON.parse(deepQuotes(RICH_TEXT_BOUND.maxDepth - 1));
    expect(checkImportShape({ problem: { text: past } })[0]?.path).toEqual(['problem', 'text']);
  });

  it('[9.3] rich text with too many nodes or characters is named with the bound', () => {
    const paragraphs = (count: number, text: string) => ({
      type: 'doc',
      content: Array.from({ length: count }, () => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    });
    const [nodes] = checkImportShape({ evaluation: { notes: paragraphs(RICH_TEXT_BOUND.maxNodes, 'x') } });
    expect(nodes?.message.da).toBe(
      'Teksten i Noter om evalueringen har flere end 5.000 afsnit, punkter og andre dele.',
    );
    expect(nodes?.message.en).toBe(
      'The text in Notes on the evaluation has more than 5,000 paragraphs, list items and other parts.',
    );
    const [chars] = checkImportShape({ targetGroup: { baseline: paragraphs(2, 'x'.repeat(60_000)) } });
    expect(chars?.message.da).toBe('Teksten i Udgangspunktet i dag er længere end 100.000 tegn.');
    expect(chars?.message.en).toBe('The text in The situation today is longer than 100,000 characters.');
  });

  it('[9.4] a file with more values than any case holds is refused; a case with every rich text at its node bound is not', () => {
    const flat = `[${Array.from({ length: MAX_IMPORT_VALUES }, () => '0').join(',')}]`;
    const [error] = refusal(flat).errors;
    expect(error?.path).toEqual([]);
    expect(error?.message.da).toBe(
      'Filen har flere end 1.000.000 værdier (tal, tekster, lister og objekter); så mange har ingen sag.',
    );
    expect(error?.message.en).toMatch(/^The file holds more than 1,000,000 values/);
    // The largest case the bounds allow, written plainly: 7 fields + 50 descriptions, each
    // with as many one-text paragraphs as the node bound allows.
    const model = exampleCase();
    const full = () => ({
      type: 'doc' as const,
      content: Array.from({ length: RICH_TEXT_BOUND.maxNodes / 2 }, (_, i) => ({
        type: 'paragraph',
        content: [{ type: 'text', text: `afsnit ${i}` }],
      })),
    });
    const template = model.interventions.candidates[0] as (typeof model.interventions.candidates)[number];
    model.interventions.candidates = Array.from({ length: 50 }, (_, i) => ({
      ...template,
      id: `i${i}`,
      description: full(),
    }));
    model.problem.text = full();
    model.targetGroup.eligibility = full();
    model.targetGroup.baseline = full();
    model.interventions.rationale = full();
    model.evaluation.notes = full();
    model.evaluation.earlyStop = full();
    expect(checkImportShape({ format: 'caseroom-case', schemaVersion: 1, model })).toEqual([]);
  });

  it('passes the example case and its export unchanged', () => {
    expect(checkImportShape(exampleCase())).toEqual([]);
    expect(parseCaseImport(JSON.stringify(exampleCase()), { maxBytes: MAX }).ok).toBe(true);
  });
});

/** The example model with the first candidate's description replaced by the marker. */
const MARKER_MODEL = (() => {
  const model = exampleCase();
  const first = model.interventions.candidates[0] as (typeof model.interventions.candidates)[number];
  first.description = JSON.parse(MARKER);
  return model;
})();
