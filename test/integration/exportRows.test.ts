import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCaseExport, exampleCase, type RegisteredField } from '@caseroom/shared';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { caseReport } from '../../server/src/exchange/pdf/caseReport.ts';
import { caseWorkbook } from '../../server/src/exchange/xlsx/caseWorkbook.ts';
import { workbookText } from '../../server/src/exchange/xlsx/workbookText.ts';
import { makeWorkshopRecord } from '../../shared/src/testing/workshopRecord.ts';
import { readXlsx, recompute, valueIn } from '../support/xlsxWorkbook.ts';

/**
 * Issue 11: a field added to the field registry alone — with `exportRows: { xlsx: 'inputs', pdf:
 * 'assumptions' }` — appears in the XLSX inputs sheet and in the PDF report with its Danish and
 * English label and its value, with no change to either exporter. The registry is extended here
 * by mocking `allFields`/`fieldTexts`, which the exporters read (server/src/exchange/fieldRows.ts).
 */

const TEST_FIELD = vi.hoisted(
  () =>
    ({
      container: 'facts',
      key: 'testReserve',
      labelKey: 'facts.testReserve',
      kind: 'number',
      unit: 'money',
      da: { label: 'Testfeltets reserve' },
      en: { label: 'Test field reserve' },
      exportRows: { xlsx: 'inputs', pdf: 'assumptions' },
    }) as unknown as RegisteredField,
);

vi.mock('@caseroom/shared', async (importOriginal) => {
  const shared = await importOriginal<typeof import('@caseroom/shared')>();
  const fields = [...shared.allFields(), TEST_FIELD];
  return {
    ...shared,
    allFields: () => fields,
    fieldTexts: (key: string, lang: 'da' | 'en') =>
      key === TEST_FIELD.labelKey
        ? { label: TEST_FIELD[lang].label, name: TEST_FIELD[lang].label }
        : shared.fieldTexts(key, lang),
  };
});

const dir = mkdtempSync(join(tmpdir(), 'caseroom-export-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exportWithTestField() {
  const exported = buildCaseExport({
    caseId: 'case-rows',
    model: exampleCase(),
    workshop: makeWorkshopRecord({ phase: 2 }),
    source: 'current',
    now: new Date('2026-11-28T03:00:00.000Z'),
    seed: 42,
    iterations: 300,
  });
  // The model's schema does not know the field (only the mocked registry does): set its value after parsing.
  (exported.model.facts as Record<string, unknown>).testReserve = 1_234_567;
  return exported;
}

describe('a field added to the registry alone appears in the exports', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`in the XLSX inputs sheet, labelled and valued (${lang})`, async () => {
      const text = workbookText(lang);
      const book = recompute(readXlsx(await caseWorkbook(exportWithTestField(), lang)));
      const inputs = book.get(text.sheets.inputs)!;
      expect(valueIn(inputs, TEST_FIELD[lang].label)).toBe(1_234_567);
      // The formulas still calculate: the headline cells are numbers.
      expect(
        typeof valueIn(book.get(text.sheets.expected)!, lang === 'da' ? 'Kommunens nettonutidsværdi' : 'Authority NPV'),
      ).toBe('number');
    });

    it(`in the PDF's assumptions, labelled and valued in Danish number format (${lang})`, async () => {
      const file = join(dir, `report-${lang}.pdf`);
      writeFileSync(file, await caseReport(exportWithTestField(), lang));
      const text = execFileSync('/usr/bin/pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      expect(text).toContain(`${TEST_FIELD[lang].label} 1.234.567 kr.`);
    });
  }
});
