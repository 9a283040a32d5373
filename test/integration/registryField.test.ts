import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addMissingChildren,
  buildCaseExport,
  type CaseModelDraft,
  CaseModelDraft as CaseModelDraftSchema,
  checkUpdateBounds,
  describeChange,
  diffModels,
  exampleCase,
  fieldLabel,
  fieldSpec,
  headlineFigureTexts,
  initCaseDoc,
  inspectUpdate,
  RefusalReason,
  reconcileModel,
  renderFinding,
  SHORT_TEXT_PATHS,
  sectionMap,
  shortTextBound,
  toModel,
  validate,
  writeModel,
  writeShortText,
} from '@caseroom/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { renderSectionForm } from '../../client/src/features/sections/renderSectionForm.ts';
import { caseReport } from '../../server/src/exchange/pdf/caseReport.ts';
import { caseWorkbook } from '../../server/src/exchange/xlsx/caseWorkbook.ts';
import { workbookText } from '../../server/src/exchange/xlsx/workbookText.ts';
import { makeWorkshopRecord } from '../../shared/src/testing/workshopRecord.ts';
import { readXlsx, recompute, valueIn } from '../support/xlsxWorkbook.ts';

/**
 * Issue 11, "a test field added through the registry alone": two fields are added to the
 * registry's facts section (`shared/src/fields/facts.ts`) by mocking that one module, and
 * nothing else changes. `@caseroom/shared` (and `@caseroom/server`) resolve through the
 * workspace link to their `src/` files, so every consumer of the module — the registry, the
 * zod model, the layout, the server — imports the mocked one. Each consumer is checked in its
 * own describe block below, from the one `fixture` the beforeAll builds.
 */
// Hoisted with vi.mock, which runs before the imports above (the shared code is loaded mocked).
const { TEST_FIELD, TEST_NOTE, TEST_NOTE_CHARS } = vi.hoisted(() => ({
  TEST_FIELD: {
    da: { label: 'Testbeløb', help: 'Et beløb, kun testen kender.' },
    en: { label: 'Test amount', help: 'An amount only the test knows.' },
  },
  TEST_NOTE: {
    da: { label: 'Testnote', help: 'En kort tekst, kun testen kender.' },
    en: { label: 'Test note', help: 'A short text only the test knows.' },
  },
  TEST_NOTE_CHARS: 120,
}));

vi.mock('../../shared/src/fields/facts.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/src/fields/facts.ts')>();
  const { number, shortText } = await import('../../shared/src/fields/kinds.ts');
  const { Money } = await import('../../shared/src/model/primitives.ts');
  return {
    ...original,
    FACTS_FIELDS: {
      ...original.FACTS_FIELDS,
      testField: number('money', Money, { ...TEST_FIELD, exportRows: { xlsx: 'inputs', pdf: 'assumptions' } }),
      testNote: shortText({ ...TEST_NOTE, maxChars: TEST_NOTE_CHARS, exportRows: { xlsx: 'case', pdf: 'summary' } }),
    },
  };
});

/** The example case with the test fields filled in. */
function exampleWithTestFields(): CaseModelDraft {
  const model = exampleCase();
  Object.assign(model.facts, { testField: 1_234_567, testNote: 'Skrevet af testen' });
  return model;
}

/** A case document as the server holds it after the example was restored with the test fields. */
type Fixture = { model: CaseModelDraft; doc: Y.Doc; read: CaseModelDraft; lines: { da: string[]; en: string[] } };

describe('a field added through the registry alone', () => {
  let fixture: Fixture;

  beforeAll(() => {
    const model = exampleWithTestFields();
    const doc = new Y.Doc();
    initCaseDoc(doc, { startYear: 2027, priceYear: 2026 });
    writeModel(doc, exampleCase());
    reconcileModel(doc, model);
    const read = toModel(doc);
    const changes = diffModels(exampleCase(), read);
    fixture = {
      model,
      doc,
      read,
      lines: {
        da: changes.map((change) => describeChange(change, 'da')),
        en: changes.map((change) => describeChange(change, 'en')),
      },
    };
  });

  describe('shared: registry, document, model, history, validation', () => {
    it('a number with a unit (facts.testField, money) is written, read, parsed, described and validated', () => {
      const spec = fieldSpec('facts.testField');
      expect(spec?.kind).toBe('number');
      expect(spec && 'unit' in spec ? spec.unit : undefined).toBe('money');
      expect(spec?.exportRows).toEqual({ xlsx: 'inputs', pdf: 'assumptions' });

      // Through the Y.Doc: a scalar entry of the facts map, written by reconcileModel, read by toModel.
      expect(sectionMap(fixture.doc, 'facts')?.get('testField')).toBe(1_234_567);
      expect((fixture.read.facts as Record<string, unknown>).testField).toBe(1_234_567);
      const seeded = new Y.Doc();
      initCaseDoc(seeded);
      writeModel(seeded, fixture.model);
      expect((toModel(seeded).facts as Record<string, unknown>).testField).toBe(1_234_567);

      // The zod model knows its kind: a number passes, a string does not.
      expect(CaseModelDraftSchema.safeParse(fixture.model).success).toBe(true);
      const wrong = exampleWithTestFields();
      Object.assign(wrong.facts, { testField: 'mange penge' });
      expect(CaseModelDraftSchema.safeParse(wrong).success).toBe(false);

      // A change description names it with its label and writes the amount as money.
      expect(fixture.lines.da).toContain(`${TEST_FIELD.da.label}: tom → 1.234.567 kr.`);
      expect(fixture.lines.en.some((line) => line.startsWith(`${TEST_FIELD.en.label}: `))).toBe(true);

      // Validation: a complete case needs it (V1) and holds it to its bound (money ≥ 0), by its label.
      expect(fieldLabel('facts.testField', 'da')).toBe(TEST_FIELD.da.label);
      expect(fieldLabel('facts.testField', 'en')).toBe(TEST_FIELD.en.label);
      const onTestField = (model: CaseModelDraft) =>
        validate(model).filter((finding) => finding.path.join('/') === 'facts/testField');
      expect(onTestField(fixture.model)).toEqual([]);
      const missing = exampleCase();
      expect(onTestField(missing).map((finding) => [finding.rule, finding.messageKey])).toEqual([['V1', 'required']]);
      const negative = exampleWithTestFields();
      Object.assign(negative.facts, { testField: -5 });
      const [finding] = onTestField(negative);
      expect([finding?.rule, finding?.messageKey]).toEqual(['V1', 'negative']);
      expect(renderFinding(finding!, 'da')).toContain(TEST_FIELD.da.label);
      expect(renderFinding(finding!, 'en')).toContain(TEST_FIELD.en.label);
    });

    it('a short text (facts.testNote) gets its Y.Text in a new case, and an existing case gets it by the layout step', () => {
      const doc = new Y.Doc();
      initCaseDoc(doc);
      const facts = sectionMap(doc, 'facts')!;
      expect(facts.get('testNote')).toBeInstanceOf(Y.Text);
      writeShortText(facts, 'testNote', 'Skrevet af testen');
      expect(facts.get('testNote')).toBeInstanceOf(Y.Text);
      expect((toModel(doc).facts as Record<string, unknown>).testNote).toBe('Skrevet af testen');
      expect((fixture.read.facts as Record<string, unknown>).testNote).toBe('Skrevet af testen');
      expect(fixture.lines.da.some((line) => line.startsWith(`${TEST_NOTE.da.label}: `))).toBe(true);
      expect(fixture.lines.en.some((line) => line.startsWith(`${TEST_NOTE.en.label}: `))).toBe(true);

      // The bounds table and the write guard know it: its length, and that it is a Y.Text.
      expect(shortTextBound('facts/testNote')).toBe(TEST_NOTE_CHARS);
      expect(SHORT_TEXT_PATHS.has('facts/testNote')).toBe(true);
      const refusal = (edit: (copy: Y.Doc) => void) => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        const before = Y.encodeStateVector(copy);
        edit(copy);
        const update = Y.encodeStateAsUpdate(copy, before);
        return checkUpdateBounds(doc, inspectUpdate(doc, Y.decodeUpdate(update)))?.reason;
      };
      expect(refusal((copy) => writeShortText(sectionMap(copy, 'facts')!, 'testNote', 'Stadig kort'))).toBeUndefined();
      expect(refusal((copy) => writeShortText(sectionMap(copy, 'facts')!, 'testNote', 'x'.repeat(121)))).toBe(
        RefusalReason.TextTooLong,
      );
      expect(refusal((copy) => sectionMap(copy, 'facts')?.set('testNote', 'som streng'))).toBe(
        RefusalReason.SchemaOutdated,
      );

      // A case created before the field existed lacks its Y.Text; the layout step creates it.
      const older = new Y.Doc();
      initCaseDoc(older);
      older.transact(() => sectionMap(older, 'facts')?.delete('testNote'));
      addMissingChildren(older);
      expect(sectionMap(older, 'facts')?.get('testNote')).toBeInstanceOf(Y.Text);
    });
  });

  describe('client: the section form', () => {
    for (const lang of ['da', 'en'] as const) {
      it(`shows the number with its label, help, value, unit and source note, and the short text (${lang})`, () => {
        const html = renderSectionForm('facts', fixture.doc, { lang });
        expect(html).toContain(TEST_FIELD[lang].label);
        expect(html).toContain(TEST_FIELD[lang].help);
        expect(html).toContain(TEST_NOTE[lang].label);
        const input = html.match(/<input[^>]*data-path="facts\/testField"[^>]*>/)?.[0] ?? '';
        expect(input).toContain('value="1.234.567"');
        expect(
          html.match(/<input[^>]*data-path="facts\/testNote"[^>]*>|<textarea[^>]*data-path="facts\/testNote"[^>]*>/),
        ).not.toBeNull();
      });
    }
  });

  describe('server: the exports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseroom-registry-field-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const exported = () =>
      buildCaseExport({
        caseId: 'case-registry-field',
        model: fixture.read,
        workshop: makeWorkshopRecord({ phase: 2 }),
        source: 'current',
        now: new Date('2026-12-03T09:00:00.000Z'),
        seed: 42,
        iterations: 300,
      });

    for (const lang of ['da', 'en'] as const) {
      it(`the XLSX inputs sheet holds the number under its label, and the formulas still calculate (${lang})`, async () => {
        const text = workbookText(lang);
        const book = recompute(readXlsx(await caseWorkbook(exported(), lang)));
        expect(valueIn(book.get(text.sheets.inputs)!, TEST_FIELD[lang].label)).toBe(1_234_567);
        expect(valueIn(book.get(text.sheets.case)!, TEST_NOTE[lang].label)).toBe('Skrevet af testen');
        const authorityNpv = headlineFigureTexts('authorityNpv', lang).name;
        expect(typeof valueIn(book.get(text.sheets.expected)!, authorityNpv)).toBe('number');
      });

      it(`the PDF shows the number in Danish format under its label (${lang})`, async () => {
        const file = join(dir, `report-${lang}.pdf`);
        writeFileSync(file, await caseReport(exported(), lang));
        const text = execFileSync('/usr/bin/pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
          encoding: 'utf8',
        }).replace(/\s+/g, ' ');
        expect(text).toContain(`${TEST_FIELD[lang].label} 1.234.567 kr.`);
        expect(text).toContain(TEST_NOTE[lang].label);
      });
    }
  });
});
