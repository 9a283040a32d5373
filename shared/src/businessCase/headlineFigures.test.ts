import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../fields/language.ts';
import { FIGURE_LABELS, figureLabel } from './figureLabels.ts';
import { formatFigure, HEADLINE_FIGURE_KEYS, HEADLINE_FIGURES, headlineFigureTexts } from './headlineFigures.ts';

describe('the headline figure registry', () => {
  it('names and explains every figure in Danish and English, one sentence each, no two alike', () => {
    expect(HEADLINE_FIGURE_KEYS.length).toBeGreaterThanOrEqual(10);
    for (const lang of LANGUAGES) {
      const names = new Set<string>();
      for (const key of HEADLINE_FIGURE_KEYS) {
        const { name, explanation } = headlineFigureTexts(key, lang);
        expect(name.trim(), `${key} ${lang} name`).not.toBe('');
        expect(explanation, `${key} ${lang} explanation`).toMatch(/^\S.{15,}\.$/);
        expect(explanation.split(/\.\s+\S/).length, `${key} ${lang}: one sentence`).toBe(1);
        names.add(name);
      }
      expect(names.size, `${lang}: every name is its own`).toBe(HEADLINE_FIGURE_KEYS.length);
    }
  });

  it('is the only table of headline names: FIGURE_LABELS holds none of them, figureLabel reads the registry', () => {
    for (const key of HEADLINE_FIGURE_KEYS) {
      expect(Object.keys(FIGURE_LABELS), key).not.toContain(key);
      expect(figureLabel(key, 'da')).toBe(HEADLINE_FIGURES[key].da.name);
      expect(figureLabel(key, 'en')).toBe(HEADLINE_FIGURES[key].en.name);
    }
  });

  it('writes each form: money, percent, calendar year, ratio, multiple, yes/no, and a dash for no value', () => {
    const da = { lang: 'da' as const, startYear: 2026 };
    expect(formatFigure('authorityNpv', -1_234_567.4, da)).toBe('-1.234.567 kr.');
    expect(formatFigure('investorIrr', 0.035, da)).toBe('3,5 %');
    expect(formatFigure('breakEvenYear', 3, da)).toBe('2029');
    expect(formatFigure('breakEvenYear', 3, { lang: 'da' })).toBe('år 4');
    expect(formatFigure('breakEvenYear', 3, { lang: 'en' })).toBe('year 4');
    expect(formatFigure('benefitCostRatio', 1.2345, da)).toBe('1,23');
    expect(formatFigure('investorMultiple', 1.5, da)).toBe('1,5 ×');
    expect(formatFigure('investorLosesMoney', true, da)).toBe('Ja');
    expect(formatFigure('investorLosesMoney', false, { lang: 'en' })).toBe('No');
    expect(formatFigure('benefitCostRatio', undefined, da)).toBe('–');
  });

  it('writes numbers in Danish notation in both languages unless English notation is asked for', () => {
    expect(formatFigure('authorityNpv', 1_234_567, { lang: 'en' })).toBe('1.234.567 kr.');
    expect(formatFigure('authorityNpv', 1_234_567, { lang: 'en', notation: 'en' })).toBe('1,234,567 kr.');
    expect(formatFigure('investorIrr', 0.035, { lang: 'en', notation: 'en' })).toBe('3.5 %');
    expect(formatFigure('benefitCostRatio', 1.2345, { lang: 'en', notation: 'en' })).toBe('1.23');
  });
});
