import {
  buildCaseExport,
  exampleCase,
  formatFigure,
  HEADLINE_FIGURES,
  headlineFigureTexts,
  PANEL_FIGURES,
} from '@caseroom/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { makeWorkshopRecord } from '../../../../shared/src/testing/workshopRecord.ts';
import { HeadlineFigures } from './HeadlineFigures.tsx';

const exported = buildCaseExport({
  caseId: 'panel',
  model: exampleCase(),
  workshop: makeWorkshopRecord({ phase: 2 }),
  source: 'current',
  now: new Date('2026-11-28T03:00:00.000Z'),
  seed: 42,
  iterations: 500,
});
if (!exported.pricing.ok) throw new Error('the example case prices');
const { pricing, risk } = exported.pricing;

// The panel reads the risk run from its provider (a worker in the browser): here, the export's run.
vi.mock('./businessCaseContext.tsx', () => ({
  useRisk: () => ({ result: risk, seed: risk.seed, iterations: risk.iterations }),
  useBusinessCase: () => {
    throw new Error('the dialog is closed');
  },
}));

// In Node the app store gives only its initial state to a server render: the language is set here.
let language: 'da' | 'en' = 'da';
vi.mock('../../store.ts', () => ({
  useUiStore: (select: (state: { language: 'da' | 'en' }) => unknown) => select({ language }),
}));

/** The markup's text with tags dropped, as a reader sees it. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the business case panel names, writes and explains its figures from the shared registry', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`in ${lang}`, () => {
      language = lang;
      const startYear = exampleCase().facts.startYear;
      const html = renderToStaticMarkup(createElement(HeadlineFigures, { pricing, startYear }));
      const text = textOf(html);
      for (const key of PANEL_FIGURES) {
        expect(text, key).toContain(headlineFigureTexts(key, lang).name);
        expect(html, `${key} explained`).toContain(HEADLINE_FIGURES[key][lang].explanation);
      }
      expect(text).toContain(formatFigure('authorityNpv', pricing.authorityNpv, { lang }));
      // Break-even is a calendar year, as in the PDF and the XLSX.
      if (pricing.breakEvenYear !== undefined && startYear !== undefined) {
        expect(text).toContain(String(startYear + pricing.breakEvenYear));
      }
      expect(text).toContain(lang === 'da' ? 'Kommunens nettonutidsværdi' : 'Authority NPV');
    });
  }
});
