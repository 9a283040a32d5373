import {
  businessCase,
  type CaseModelDraft,
  exampleCase,
  formatDanish,
  type HeadlineFigureKey,
  headlineFigureTexts,
  noIrrText,
} from '@caseroom/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';
import { LanguageContext } from '../../i18n/messages.ts';
import { CandidateComparisonTable } from './CandidateComparison.tsx';
import type { CandidateRiskState } from './candidateRiskRunner.ts';

/** The comparison's columns, named as the panel, the PDF and the workbook name them (issue 13). */
const FIGURES: HeadlineFigureKey[] = [
  'interventionCostPv',
  'publicValuePv',
  'authorityNpv',
  'publicSectorNpv',
  'benefitCostRatio',
  'investorIrr',
  'probabilityAuthorityNpvNegative',
];
const headers = (lang: 'da' | 'en') => FIGURES.map((key) => headlineFigureTexts(key, lang).name);

/** The markup's text with tags dropped, as a reader sees it. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ');

/** The example with the coordination candidate's expected rate on admissions taken out (P19: effect not entered). */
function exampleWithoutAdmissionsRate(): CaseModelDraft {
  const model = exampleCase();
  const coordination = model.interventions.candidates.find((c) => c.id === 'int-coordination');
  if (!coordination?.expectedRates) throw new Error('the example has no coordination candidate with rates');
  delete coordination.expectedRates['out-admissions'];
  return model;
}

const render = (model: CaseModelDraft, risk: CandidateRiskState, lang: 'da' | 'en' = 'da') =>
  renderToStaticMarkup(
    createElement(
      LanguageContext.Provider,
      { value: lang },
      createElement(CandidateComparisonTable, { model, candidates: businessCase(model).candidates, risk }),
    ),
  );

/** The cells of one candidate's row, in column order. */
function rowCells(html: string, id: string): string[] {
  const row = html.match(new RegExp(`<tr data-candidate="${id}"[^>]*>(.*?)</tr>`))?.[1];
  if (!row) throw new Error(`no row for ${id}`);
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => textOf(cell[1] ?? '').trim());
}

const seed = 20240101;

describe('[P19] the candidate comparison', () => {
  it('shows every column of each candidate in Danish number format, the drawn P(authority NPV < 0) and “beregner …” for the rest', () => {
    const model = exampleCase();
    const risk: CandidateRiskState = {
      seed,
      iterations: 10_000,
      candidates: {
        'int-ips': { status: 'done', probabilityAuthorityNpvNegative: 0.0123 },
        'int-mentor': { status: 'computing' },
        'int-coordination': { status: 'failed' },
      },
    };
    const html = render(model, risk);
    for (const header of headers('da')) expect(textOf(html)).toContain(header);
    for (const candidate of businessCase(model).candidates) {
      const irr = candidate.investorIrr;
      const expected = [
        formatDanish(candidate.interventionCost, 'money'),
        formatDanish(candidate.publicValue, 'money'),
        formatDanish(candidate.authorityNpv, 'money'),
        formatDanish(candidate.publicSectorNpv, 'money'),
        formatDanish(Math.round((candidate.benefitCostRatio ?? Number.NaN) * 100) / 100, 'decimal'),
        irr?.ok ? formatDanish(irr.rate, 'percent') : noIrrText(irr!.reason, 'da'),
      ];
      expect(rowCells(html, candidate.interventionId).slice(0, 6)).toEqual(expected);
    }
    expect(rowCells(html, 'int-ips')[6]).toBe('1,2 %');
    expect(rowCells(html, 'int-mentor')[6]).toBe(da.candidates.computing);
    expect(rowCells(html, 'int-coordination')[6]).toBe(da.candidates.riskFailed);
    expect(textOf(html)).toContain(`${formatDanish(10_000, 'count')} simulerede forløb (seed ${seed})`);
    // The chosen candidate is marked as such; no candidate lacks an effect in the example.
    expect(html).toMatch(
      /<tr data-candidate="int-ips" data-chosen="true"><th scope="row">[^<]*<span class="chosen-mark"> \(valgt\)/,
    );
    expect(html).not.toContain('effect-not-entered');
  });

  it('names each figure on its own cell (data-label), for the narrow layout that shows it beside the figure, in Danish and English', () => {
    const model = exampleCase();
    const risk: CandidateRiskState = { seed, iterations: 10_000, candidates: {} };
    for (const lang of ['da', 'en'] as const) {
      const html = render(model, risk, lang);
      for (const candidate of businessCase(model).candidates) {
        const row =
          html.match(new RegExp(`<tr data-candidate="${candidate.interventionId}"[^>]*>(.*?)</tr>`))?.[1] ?? '';
        const labels = [...row.matchAll(/<td[^>]*data-label="([^"]*)"/g)].map((cell) => cell[1]?.replace(/&lt;/g, '<'));
        expect(labels).toEqual(headers(lang));
      }
    }
  });

  it('marks a candidate priced without an outcome, naming the outcome, in Danish and English', () => {
    const model = exampleWithoutAdmissionsRate();
    const admissions = model.outcomes.find((o) => o.id === 'out-admissions')?.name;
    expect(admissions).toBeTruthy();
    const risk: CandidateRiskState = { seed, iterations: 10_000, candidates: {} };
    const danish = render(model, risk);
    const mark = danish.match(/<span class="effect-not-entered"[^>]*>(.*?)<\/span><\/th>/)?.[1];
    expect(textOf(mark ?? '').trim()).toBe(`⚠ effekt ikke indtastet: ${admissions}`);
    // Only that candidate carries the mark, and the note says what it means.
    expect(danish.match(/effect-not-entered/g)).toHaveLength(1);
    expect(danish).toMatch(
      /<tr data-candidate="int-coordination"[^>]*><th scope="row">[^<]*<span class="effect-not-entered"/,
    );
    expect(textOf(danish)).toContain(da.candidates.effectNotEnteredHelp);

    const english = render(model, risk, 'en');
    expect(textOf(english)).toContain(`effect not entered: ${admissions}`);
    for (const header of headers('en')) expect(textOf(english)).toContain(header);
    // Numbers stay in Danish format in English, as everywhere in the business case.
    const coordination = businessCase(model).candidates.find((c) => c.interventionId === 'int-coordination');
    expect(rowCells(english, 'int-coordination')[2]).toBe(formatDanish(coordination?.authorityNpv, 'money'));
    expect(rowCells(english, 'int-coordination')[6]).toBe(en.candidates.computing);
  });
});
