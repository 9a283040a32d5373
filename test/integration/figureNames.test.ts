import { buildCaseExport, exampleCase, figureLabel, headlineFigureTexts, PANEL_FIGURES } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { caseWorkbook } from '../../server/src/exchange/xlsx/caseWorkbook.ts';
import { workbookText } from '../../server/src/exchange/xlsx/workbookText.ts';
import { makeWorkshopRecord } from '../../shared/src/testing/workshopRecord.ts';
import { allTexts, readXlsx, recompute, rowOf } from '../support/xlsxWorkbook.ts';

/**
 * Issue 13: a figure has one name and one form in the panel, the PDF and the XLSX. The
 * business-case sheet's headline rows are checked in xlsxExport.test.ts and the PDF's cards in
 * pdfExport.test.ts; here the rest of the workbook — yearly rows, scenarios, risk — is held to
 * the same registry (shared headlineFigures.ts, figureLabels.ts).
 */
const exported = buildCaseExport({
  caseId: 'case-names',
  model: exampleCase(),
  workshop: makeWorkshopRecord({ phase: 2 }),
  source: 'current',
  now: new Date('2026-11-28T03:00:00.000Z'),
  seed: 42,
  iterations: 500,
});
if (!exported.pricing.ok) throw new Error('the example case prices');
const { pricing } = exported.pricing;
const startYear = exampleCase().facts.startYear!;

/** Names the workbook used before the registry was its source. */
const OLD_NAMES = { da: /Myndighedens/, en: /The authority's|The investor's IRR/ };

describe('the XLSX names every figure as the panel does (issue 13)', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`in ${lang}: the registry's names, never the old ones, and break-even a calendar year on the Scenarios sheet`, async () => {
      const text = workbookText(lang);
      const raw = readXlsx(await caseWorkbook(exported, lang));
      const texts = allTexts(raw);
      for (const label of texts) expect(label).not.toMatch(OLD_NAMES[lang]);
      for (const key of PANEL_FIGURES) expect(texts, key).toContain(headlineFigureTexts(key, lang).name);

      const book = recompute(raw);
      const scenarios = book.get(text.sheets.scenarios)!;
      const row = rowOf(scenarios, headlineFigureTexts('breakEvenYear', lang).name);
      const years = [2, 3, 4].map((column) => scenarios.at(row, column));
      expect(years[1]).toBe(startYear + pricing.breakEvenYear!);
      for (const year of years) {
        expect(Number.isInteger(year), String(year)).toBe(true);
        expect(year as number).toBeGreaterThanOrEqual(startYear);
        expect(year as number).toBeLessThan(startYear + pricing.yearly.years.length);
      }

      // The tornado's columns: the panel's name for the authority NPV, "at low" / "at high".
      const risk = book.get(text.sheets.risk)!;
      const authorityNpv = headlineFigureTexts('authorityNpv', lang).name;
      const riskTexts = Array.from({ length: risk.rows }, (_, r) =>
        Array.from({ length: risk.columns }, (_, c) => risk.at(r + 1, c + 1)),
      ).flat();
      expect(riskTexts).toContain(`${authorityNpv} ${figureLabel('atLow', lang)} (${lang === 'da' ? 'kr.' : 'DKK'})`);
      expect(riskTexts).toContain(`${headlineFigureTexts('investorIrr', lang).name} ${figureLabel('atHigh', lang)}`);

      // The yearly rows read like the panel's: "Kommunens netto", not "Myndighedens netto".
      const bc = book.get(text.sheets.expected)!;
      expect(rowOf(bc, `${figureLabel('authorityNet', lang)} (${lang === 'da' ? 'kr.' : 'DKK'}, P12)`)).toBeGreaterThan(
        0,
      );
    });
  }
});
